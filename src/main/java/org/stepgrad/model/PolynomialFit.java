package org.stepgrad.model;

import java.util.List;

/**
 * A polynomial {@code p(x) = k0 + k1·x + … + kd·x^d} fitted to data points by a squared loss,
 * within the sizes a lesson may ask for; its program is {@link PolynomialProgram}'s.
 */
public record PolynomialFit(int degree, List<Point> points, double[] knobs, Loss loss) implements Model {
    public static final int MAX_DEGREE = 9;
    public static final int MAX_POINTS = 4_000; // about 96,000 nodes at degree 5: inside the engine's limit

    public PolynomialFit {
        checkSize(degree, points.size());
        if (knobs.length != degree + 1) {
            throw new ModelError("a degree-" + degree + " polynomial has " + (degree + 1) + " knobs, not " + knobs.length);
        }
        if (loss == Loss.CROSS_ENTROPY) throw new ModelError("a curve fit uses a squared loss, not cross-entropy");
        points = List.copyOf(points);
        knobs = knobs.clone();
    }

    /** The same curve, loss and start over other data points (null: these). */
    public PolynomialFit over(List<Point> others) {
        return others == null ? this : new PolynomialFit(degree, others, knobs, loss);
    }

    /** Refuses a degree or a number of points out of range before anything of that size is allocated. */
    public static void checkSize(long degree, long points) {
        if (degree < 0 || degree > MAX_DEGREE) throw new ModelError("the degree must be between 0 and " + MAX_DEGREE + ", not " + degree);
        if (points < 1 || points > MAX_POINTS) throw new ModelError("a fit needs between 1 and " + MAX_POINTS + " points, not " + points);
    }

    /** The nodes {@link #program} builds for this size, counted without building them. */
    public static long nodeCount(int degree, int points, Loss loss) {
        long prediction = degree + (degree >= 1 ? 1 : 0) + 3L * Math.max(0, degree - 1); // adds, k1*x, and kj*x^j
        long perPoint = 2 + prediction + 1 + 2; // x and y, p, r = p - y, r^2
        return (degree + 1) + points * perPoint + Loss.squaredExtra(loss, points);
    }

    @Override
    public List<String> parameters() {
        return Model.numbered("k", 0, degree + 1);
    }

    @Override
    public double[] start() {
        return knobs.clone();
    }

    @Override
    public String program(double[] k) {
        return PolynomialProgram.write(k, points, loss);
    }

    /** p(x) for these knobs, by Horner's rule. */
    public static double value(double[] k, double x) {
        double y = 0;
        for (int j = k.length - 1; j >= 0; j--) y = y * x + k[j];
        return y;
    }

    /** The loss computed directly (no graph), for random search and for checking the graph. */
    public double lossAt(double[] k) {
        double sum = 0;
        for (Point p : points) {
            double r = value(k, p.x()) - p.y();
            sum += r * r;
        }
        return switch (loss) {
            case SUM_SQUARED -> sum;
            case MEAN_SQUARED -> sum / points.size();
            case HALF_SQUARED -> sum / 2;
            case CROSS_ENTROPY -> throw new IllegalStateException();
        };
    }
}
