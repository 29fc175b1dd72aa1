package org.stepgrad.bench;

import java.util.ArrayList;
import java.util.List;
import org.stepgrad.model.Loss;
import org.stepgrad.model.Point;
import org.stepgrad.model.PolynomialProgram;

/**
 * The benchmark program: a degree-5 polynomial fit over N points, written by the lessons' own
 * generator ({@link PolynomialProgram}) after one comment line,
 * <pre>
 * k0 = 0.1 … k5 = 0.02          the six knobs
 * x_1 = -1   y_1 = 0.487        one input pair per point
 * p_1 = k0 + k1*x_1 + k2*x_1^2 + k3*x_1^3 + k4*x_1^4 + k5*x_1^5
 * r_1 = p_1 - y_1
 * loss = r_1^2 + r_2^2 + … + r_N^2
 * </pre>
 * The data are made with integer arithmetic only, so bench/micrograd_compare.py writes the
 * same text byte for byte.
 */
public final class PolyFitProgram {
    static final double[] KNOBS = {0.1, -0.2, 0.3, 0.05, -0.15, 0.02};

    private PolyFitProgram() {
    }

    /** The program text for {@code points} data points (at least 2). */
    public static String source(int points) {
        List<Point> data = new ArrayList<>(points);
        for (int i = 1; i <= points; i++) data.add(new Point(xMilli(i, points) / 1000.0, yMilli(i, points) / 1000.0));
        return "# degree-5 polynomial fit over " + points + " points\n" + PolynomialProgram.write(KNOBS, data, Loss.SUM_SQUARED);
    }

    /** x in thousandths, evenly from -1000 to 1000. */
    static long xMilli(int i, int points) {
        return (long) (i - 1) * 2000 / (points - 1) - 1000;
    }

    /** y in thousandths: a cubic of x with a little deterministic scatter. */
    static long yMilli(int i, int points) {
        long u = xMilli(i, points) + 1000; // 0 … 2000, so every division below is of non-negatives
        return u * u * u / 4_000_000 - u + 500 + (i * 7919L) % 101 - 50;
    }
}
