package org.stepgrad.model;

/**
 * A slice of the loss landscape: the loss on a grid over two of a model's parameters, every
 * other parameter held where {@code at} puts it. {@code loss[j][i]} is the loss at
 * {@code xs[i]}, {@code ys[j]}; a cell whose loss is not a finite number holds NaN.
 */
public record Landscape(int x, int y, double[] at, double[] xs, double[] ys, double[][] loss) {
    public static final int MIN_SIZE = 2;
    /** 41 × 41 = 1,681 losses: a few milliseconds for a curve fit, well under a second for a traced model. */
    public static final int MAX_SIZE = 41;

    public Landscape {
        at = at.clone();
        xs = xs.clone();
        ys = ys.clone();
        double[][] copy = new double[loss.length][];
        for (int j = 0; j < loss.length; j++) copy[j] = loss[j].clone();
        loss = copy;
    }

    /**
     * The grid of {@code size} × {@code size} losses over parameters {@code x} and {@code y}, each
     * from {@code -range} to {@code range}, the others at {@code at}.
     */
    public static Landscape of(Model model, double[] at, int x, int y, double range, int size) {
        return of(model, at, x, y, new double[] {-range, range, -range, range}, size);
    }

    /** The grid over {@code x} from {@code box[0]} to {@code box[1]} and {@code y} from {@code box[2]} to {@code box[3]}. */
    public static Landscape of(Model model, double[] at, int x, int y, double[] box, int size) {
        int n = model.parameters().size();
        if (x < 0 || x >= n || y < 0 || y >= n || x == y) throw new ModelError("a slice needs two different parameters of the model's " + n);
        if (size < MIN_SIZE || size > MAX_SIZE) throw new ModelError("a slice is " + MIN_SIZE + " to " + MAX_SIZE + " cells a side, not " + size);
        for (double b : box) if (!Double.isFinite(b)) throw new ModelError("a slice's bounds must be finite numbers");
        if (!(box[1] > box[0]) || !(box[3] > box[2])) throw new ModelError("a slice's axes must each run from a lower value to a higher one");
        double[] xs = spaced(box[0], box[1], size), ys = spaced(box[2], box[3], size);
        double[][] loss = new double[size][size];
        for (int j = 0; j < size; j++) {
            for (int i = 0; i < size; i++) {
                double[] k = at.clone();
                k[x] = xs[i];
                k[y] = ys[j];
                loss[j][i] = lossAt(model, k);
            }
        }
        return new Landscape(x, y, at, xs, ys, loss);
    }

    /** {@code size} values from {@code lo} to {@code hi}, evenly spaced, the ends exact. */
    static double[] spaced(double lo, double hi, int size) {
        double[] v = new double[size];
        for (int i = 0; i < size; i++) v[i] = lo + (hi - lo) * i / (size - 1);
        v[size - 1] = hi;
        return v;
    }

    /** A curve fit's loss straight from its formula (no graph to build); any other model's from its traced program. */
    private static double lossAt(Model model, double[] k) {
        if (model instanceof PolynomialFit fit) return fit.lossAt(k);
        Evaluation e = GradientDescent.evaluate(model, k);
        return e == null ? Double.NaN : e.loss();
    }

    /** The lowest and highest finite losses on the grid, or null when none is finite. */
    public double[] bounds() {
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (double[] row : loss) {
            for (double l : row) {
                if (!Double.isFinite(l)) continue;
                lo = Math.min(lo, l);
                hi = Math.max(hi, l);
            }
        }
        return lo <= hi ? new double[] {lo, hi} : null;
    }

    /** Roughly the heap this slice holds, for a cache bounded by bytes. */
    public long bytes() {
        return 8L * (at.length + xs.length + ys.length + (long) xs.length * ys.length) + 64L * ys.length + 200;
    }
}
