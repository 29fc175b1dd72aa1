package org.stepgrad.bench;

/**
 * The benchmark program: a degree-5 polynomial fit over N points in the graph language,
 * <pre>
 * k0 = 0.1 … k5 = …            the six knobs
 * x_1 = -1.000   y_1 = 0.487    one input pair per point
 * r_1 = k0 + k1*x_1 + k2*x_1^2 + k3*x_1^3 + k4*x_1^4 + k5*x_1^5 - y_1
 * loss = r_1^2 + r_2^2 + … + r_N^2
 * </pre>
 * The data are made with integer arithmetic only, so bench/micrograd_compare.py writes the
 * same text byte for byte.
 */
public final class PolyFitProgram {
    static final String[] KNOBS = {"0.1", "-0.2", "0.3", "0.05", "-0.15", "0.02"};

    private PolyFitProgram() {
    }

    /** The program text for {@code points} data points (at least 2). */
    public static String source(int points) {
        StringBuilder s = new StringBuilder(points * 120);
        s.append("# degree-5 polynomial fit over ").append(points).append(" points\n");
        for (int k = 0; k < 6; k++) s.append('k').append(k).append(" = ").append(KNOBS[k]).append('\n');
        for (int i = 1; i <= points; i++) {
            s.append("x_").append(i).append(" = ").append(milli(xMilli(i, points))).append('\n');
            s.append("y_").append(i).append(" = ").append(milli(yMilli(i, points))).append('\n');
            s.append("r_").append(i).append(" = k0");
            for (int p = 1; p <= 5; p++) {
                s.append(" + k").append(p).append("*x_").append(i);
                if (p > 1) s.append('^').append(p);
            }
            s.append(" - y_").append(i).append('\n');
        }
        s.append("loss = ");
        for (int i = 1; i <= points; i++) {
            if (i > 1) s.append(" + ");
            s.append("r_").append(i).append("^2");
        }
        return s.append('\n').toString();
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

    /** -1234 → "-1.234", 5 → "0.005". */
    static String milli(long m) {
        long a = Math.abs(m);
        return (m < 0 ? "-" : "") + a / 1000 + "." + String.format("%03d", a % 1000);
    }
}
