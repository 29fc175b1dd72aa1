package org.stepgrad.model;

import java.util.ArrayList;
import java.util.List;

/**
 * Gradient descent with momentum (the heavy ball): a velocity gathers the gradients,
 * {@code v ← β·v + ∂L/∂k}, and the knob moves by it, {@code k ← k − α·v}. Along a steady slope
 * the steps grow towards α/(1 − β) times the gradient; across a narrow valley, gradients that
 * flip sign cancel in v, so the zig-zag that limits plain gradient descent dies down.
 */
public final class Momentum {
    private Momentum() {
    }

    /** One update of one knob with every number it used, so the panel can show the arithmetic. */
    public record Step(double knob, double gradient, double velocity, double nextVelocity, double next) {
    }

    /** One knob's update from velocity {@code v}: the one place the rule is written. */
    public static Step step(double knob, double gradient, double v, double rate, double beta) {
        double nextV = beta * v + gradient;
        return new Step(knob, gradient, v, nextV, knob - rate * nextV);
    }

    /** A run from rest (v = 0), so its first update is plain gradient descent's. */
    public static TrainingRun run(Model model, double[] start, double rate, double beta, int iterations) {
        return run(model, start, rate, beta, iterations, -1, new ArrayList<>());
    }

    /** The first {@code updates} updates of knob {@code knob}, exactly as a run from {@code start} makes them. */
    public static List<Step> worked(Model model, double[] start, double rate, double beta, int knob, int updates) {
        List<Step> steps = new ArrayList<>();
        run(model, start, rate, beta, updates, knob, steps);
        return steps;
    }

    private static TrainingRun run(Model model, double[] start, double rate, double beta, int iterations, int shown, List<Step> steps) {
        Optimizer.momentum(rate, beta); // checks α and β with the same sentences as a request's
        double[] v = new double[start.length];
        return GradientDescent.follow("momentum", model, start, iterations, (k, gradient) -> {
            double[] next = new double[k.length];
            for (int i = 0; i < k.length; i++) {
                Step s = step(k[i], gradient[i], v[i], rate, beta);
                if (i == shown) steps.add(s);
                v[i] = s.nextVelocity();
                next[i] = s.next();
            }
            return next;
        });
    }
}
