package org.stepgrad.web;

import java.util.ArrayList;
import java.util.List;
import org.stepgrad.model.Loss;
import org.stepgrad.model.Point;
import org.stepgrad.model.PolynomialProgram;

/** Generated programs for tests and measurements. */
public final class Programs {
    private Programs() {
    }

    /**
     * A degree-5 polynomial fitted to {@code points} points with squared error, by the lessons' own
     * generator: six knobs shared by every point, 23 nodes per point (20 points: 487 nodes). The shape of lesson 5.
     */
    public static String polynomialFit(int points) {
        List<Point> data = new ArrayList<>(points);
        for (int i = 0; i < points; i++) {
            double x = -1 + 2.0 * i / Math.max(1, points - 1);
            data.add(new Point(x, Math.sin(3 * x)));
        }
        return PolynomialProgram.write(new double[] {0.1, 0.2, 0.3, 0.4, 0.5, 0.6}, data, Loss.SUM_SQUARED);
    }
}
