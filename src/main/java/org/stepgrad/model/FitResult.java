package org.stepgrad.model;

import java.util.List;

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

    /**
     * A run from the knobs: {@code losses[0]} is the start; a diverged run ends at its last finite
     * loss with every knob still within ±{@link #MAX_KNOB}, so it can be drawn and continued from there.
     */
    public record Run(Method method, double[] losses, boolean diverged, double[] knobs, double loss, double[] gradient) {
        public int iterations() {
            return losses.length - 1;
        }

        /** True when the run ended with a knob beyond ±{@link #MAX_KNOB}, where no request may start (a run is cut before). */
        public boolean escaped() {
            return !inside(knobs);
        }

        static boolean inside(double[] knobs) {
            for (double k : knobs) if (!(Math.abs(k) <= MAX_KNOB)) return false;
            return true;
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
        TrainingRun run = withinKnobRange(optimizer.run(fit, knobs, steps, seed));
        double[] end = run.finalParams();
        Evaluation there = Evaluation.of(fit, end);
        return new FitResult(knobs.clone(), at.loss(), at.gradient(),
                new Run(optimizer.method(), run.losses(), run.diverged(), end, there.loss(), there.gradient()));
    }

    /** The run cut before the first iteration whose knobs pass ±{@link #MAX_KNOB}, marked diverged; the run itself when none does. */
    static TrainingRun withinKnobRange(TrainingRun run) {
        List<double[]> params = run.params();
        int n = 0;
        while (n < params.size() && Run.inside(params.get(n))) n++;
        if (n == params.size()) return run;
        n = Math.max(n, 1); // the start is a request's knobs, checked at the edge
        return new TrainingRun(run.method(), run.parameters(), params.subList(0, n), java.util.Arrays.copyOf(run.losses(), n), true);
    }

    /** Roughly the heap this answer holds, for a cache bounded by bytes. */
    public long bytes() {
        long doubles = knobs.length + gradient.length;
        if (run != null) doubles += run.losses.length + run.knobs.length + run.gradient.length;
        return 8 * doubles + 160;
    }
}
