package org.stepgrad.model;

import java.util.ArrayList;
import java.util.List;

/**
 * Gradient descent: trace the model, read ∂loss/∂k for every parameter from the backward pass,
 * and step every parameter against its gradient, {@code k ← k − rate·∂loss/∂k}.
 */
public final class GradientDescent {
    /** The largest run a lesson may ask for; each iteration traces the whole graph once. */
    public static final int MAX_ITERATIONS = 20_000;

    private GradientDescent() {
    }

    /** One step from {@code params}: the new parameters. */
    public static double[] step(double[] params, double[] gradient, double rate) {
        double[] next = params.clone();
        for (int i = 0; i < next.length; i++) next[i] -= rate * gradient[i];
        return next;
    }

    public static TrainingRun run(Model model, double[] start, double rate, int iterations) {
        if (!(rate > 0) || !Double.isFinite(rate)) throw new ModelError("the learning rate must be a positive number");
        return follow("gradient descent", model, start, iterations, (k, gradient) -> step(k, gradient, rate));
    }

    /**
     * How a gradient method moves the knobs, given the gradient at them; momentum and Adam keep
     * their memory (velocity, moments) inside, so one rule serves one run.
     */
    interface Rule {
        double[] next(double[] knobs, double[] gradient);
    }

    /**
     * The loop every gradient method shares: evaluate (one forward and one backward pass), record,
     * update by {@code rule}; it ends early, and says so, once the loss stops being a finite number.
     */
    static TrainingRun follow(String method, Model model, double[] start, int iterations, Rule rule) {
        checkIterations(iterations);
        List<double[]> params = new ArrayList<>();
        double[] losses = new double[iterations + 1];
        double[] k = start.clone();
        for (int i = 0; ; i++) {
            Evaluation e = evaluate(model, k);
            if (e == null) return diverged(method, model, params, losses, i);
            params.add(k);
            losses[i] = e.loss();
            if (i == iterations) break;
            k = rule.next(k, e.gradient());
        }
        return new TrainingRun(method, model.parameters(), params, losses, false);
    }

    static void checkIterations(int iterations) {
        if (iterations < 0 || iterations > MAX_ITERATIONS) {
            throw new ModelError("a run takes between 0 and " + MAX_ITERATIONS + " iterations");
        }
    }

    /** The evaluation, or null once a value has left the finite numbers. */
    static Evaluation evaluate(Model model, double[] params) {
        for (double p : params) if (!Double.isFinite(p)) return null;
        try {
            Evaluation e = Evaluation.of(model, params);
            return Double.isFinite(e.loss()) ? e : null;
        } catch (ModelError overflow) {
            return null;
        }
    }

    static TrainingRun diverged(String method, Model model, List<double[]> params, double[] losses, int reached) {
        return new TrainingRun(method, model.parameters(), params, java.util.Arrays.copyOf(losses, reached), true);
    }
}
