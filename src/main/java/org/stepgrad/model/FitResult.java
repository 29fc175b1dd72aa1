package org.stepgrad.model;

/**
 * The Curve Fitter's answer at one setting of the knobs, as plain numbers: the loss and its
 * gradient there, and, when asked, a run of training from there with its loss at every iteration
 * and where it ended. Compact on purpose (no parameters per iteration), so many fit in a cache.
 */
public record FitResult(double[] knobs, double loss, double[] gradient, Run run) {
    /** Most training steps one answer may take: about half a second of tracing at lesson size. */
    public static final int MAX_STEPS = 2000;
    /** The largest knob a request may set (±); a run that ends beyond it cannot be continued. */
    public static final double MAX_KNOB = 1000;

    /** A run from the knobs: {@code losses[0]} is the start; a diverged run ends at its last finite loss. */
    public record Run(Method method, double[] losses, boolean diverged, double[] knobs, double loss, double[] gradient) {
        public int iterations() {
            return losses.length - 1;
        }

        /** True when the run ended with a knob beyond ±{@link #MAX_KNOB}, where no request may start. */
        public boolean escaped() {
            for (double k : knobs) if (!(Math.abs(k) <= MAX_KNOB)) return true;
            return false;
        }
    }

    /**
     * Evaluates {@code fit} at {@code knobs} and, for {@code steps} above 0, trains from there with
     * {@code optimizer} (a momentum or Adam run starts from rest: its memory is not in a link).
     * Throws {@link ModelError} when the knobs give no finite loss.
     */
    public static FitResult of(PolynomialFit fit, double[] knobs, Optimizer optimizer, int steps, long seed) {
        Evaluation at = Evaluation.of(fit, knobs);
        if (!Double.isFinite(at.loss())) throw new ModelError("the loss is not a finite number");
        if (steps < 0 || steps > MAX_STEPS) throw new ModelError("a fitter run takes at most " + MAX_STEPS + " steps, not " + steps);
        if (steps == 0) return new FitResult(knobs.clone(), at.loss(), at.gradient(), null);
        TrainingRun run = optimizer.run(fit, knobs, steps, seed);
        double[] end = run.finalParams();
        Evaluation there = Evaluation.of(fit, end);
        return new FitResult(knobs.clone(), at.loss(), at.gradient(),
                new Run(optimizer.method(), run.losses(), run.diverged(), end, there.loss(), there.gradient()));
    }

    /** Roughly the heap this answer holds, for a cache bounded by bytes. */
    public long bytes() {
        long doubles = knobs.length + gradient.length;
        if (run != null) doubles += run.losses.length + run.knobs.length + run.gradient.length;
        return 8 * doubles + 160;
    }
}
