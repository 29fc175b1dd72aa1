package org.stepgrad.web;

import java.util.Locale;

/** Generated programs for tests and measurements. */
public final class Programs {
    private Programs() {
    }

    /**
     * A degree-5 polynomial fitted to {@code points} points with squared error: six knobs shared by
     * every point, about 24 nodes per point (20 points: about 490 nodes). The shape of lesson 5.
     */
    public static String polynomialFit(int points) {
        StringBuilder p = new StringBuilder();
        for (int k = 0; k <= 5; k++) p.append("k").append(k).append(" = ").append(0.1 * (k + 1)).append('\n');
        for (int i = 0; i < points; i++) {
            double x = -1 + 2.0 * i / Math.max(1, points - 1);
            p.append(String.format(Locale.ROOT, "x%d = %.3f%ny%d = %.3f%n", i, x, i, Math.sin(3 * x)));
            p.append(String.format(Locale.ROOT,
                    "p%d = k0 + k1*x%d + k2*x%d^2 + k3*x%d^3 + k4*x%d^4 + k5*x%d^5%n", i, i, i, i, i, i));
            // the running loss: L0 is the first point's error, each later L adds one point's
            p.append(i == 0 ? "L0 = (p0 - y0)^2\n"
                    : String.format(Locale.ROOT, "L%d = L%d + (p%d - y%d)^2%n", i, i - 1, i, i));
        }
        return p.toString();
    }
}
