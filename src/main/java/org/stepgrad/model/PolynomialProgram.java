package org.stepgrad.model;

import java.util.ArrayList;
import java.util.List;

/**
 * The one writer of polynomial-fit programs (the lessons, the warm-up, the tests and the
 * benchmarks all trace its text). For {@code p(x) = k0 + k1·x + … + kd·x^d} each point i gets
 * readable lines: its data x_i and y_i, the prediction p_i (k0 itself at degree 0), the residual r_i; the last line is
 * the loss over the squared residuals. It checks no sizes: {@link PolynomialFit} bounds lessons.
 */
public final class PolynomialProgram {
    private PolynomialProgram() {
    }

    /** The program for these knobs (their count fixes the degree) over these points. */
    public static String write(double[] knobs, List<Point> points, Loss loss) {
        ProgramWriter w = new ProgramWriter();
        for (int j = 0; j < knobs.length; j++) w.input("k" + j, knobs[j]);
        List<String> squares = new ArrayList<>(points.size());
        for (int i = 0; i < points.size(); i++) {
            String n = "_" + (i + 1);
            Point p = points.get(i);
            w.input("x" + n, p.x());
            w.input("y" + n, p.y());
            if (knobs.length == 1) {
                w.let("r" + n, "k0 - y" + n); // a constant predicts k0 itself, and a name may not alias another
            } else {
                w.let("p" + n, polynomial(knobs.length - 1, "x" + n));
                w.let("r" + n, "p" + n + " - y" + n);
            }
            squares.add("r" + n + "^2");
        }
        w.let("loss", loss.squared(squares));
        return w.toString();
    }

    /** "k0 + k1*x + k2*x^2 + …" up to {@code degree}. */
    static String polynomial(int degree, String x) {
        List<String> terms = new ArrayList<>(degree + 1);
        for (int j = 0; j <= degree; j++) {
            terms.add(switch (j) {
                case 0 -> "k0";
                case 1 -> "k1*" + x;
                default -> "k" + j + "*" + x + "^" + j;
            });
        }
        return ProgramWriter.sum(terms);
    }
}
