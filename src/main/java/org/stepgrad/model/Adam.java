package org.stepgrad.model;

import java.util.ArrayList;
import java.util.List;

/**
 * Adam (Kingma and Ba, 2015): running means of the gradient, {@code m ← β1·m + (1 − β1)·g}, and
 * of its square, {@code v ← β2·v + (1 − β2)·g²}; both start at 0, so update t divides them by
 * {@code 1 − β^t} (the bias correction) before the knob moves by
 * {@code k ← k − α·m̂ / (√v̂ + ε)}. Each knob's step is about α whatever the gradient's size.
 */
public final class Adam {
    /** Keeps the division finite where a gradient has been 0 throughout. */
    public static final double EPSILON = 1e-8;

    private Adam() {
    }

    /** One update (number {@code t}, from 1) of one knob with every number it used. */
    public record Step(int t, double knob, double gradient, double m, double v, double nextM, double nextV,
                       double mHat, double vHat, double next) {
    }

    /** One knob's update {@code t} from moments {@code m}, {@code v}: the one place the rule is written. */
    public static Step step(int t, double knob, double gradient, double m, double v, double rate, double beta1, double beta2) {
        double nextM = beta1 * m + (1 - beta1) * gradient;
        double nextV = beta2 * v + (1 - beta2) * gradient * gradient;
        double mHat = nextM / (1 - Math.pow(beta1, t));
        double vHat = nextV / (1 - Math.pow(beta2, t));
        return new Step(t, knob, gradient, m, v, nextM, nextV, mHat, vHat, knob - rate * mHat / (Math.sqrt(vHat) + EPSILON));
    }

    public static TrainingRun run(Model model, double[] start, double rate, double beta1, double beta2, int iterations) {
        return run(model, start, rate, beta1, beta2, iterations, -1, new ArrayList<>());
    }

    /** The first {@code updates} updates of knob {@code knob}, exactly as a run from {@code start} makes them. */
    public static List<Step> worked(Model model, double[] start, double rate, double beta1, double beta2, int knob, int updates) {
        List<Step> steps = new ArrayList<>();
        run(model, start, rate, beta1, beta2, updates, knob, steps);
        return steps;
    }

    private static TrainingRun run(Model model, double[] start, double rate, double beta1, double beta2, int iterations,
                                   int shown, List<Step> steps) {
        Optimizer.adam(rate, beta1, beta2); // checks α and the β's with the same sentences as a request's
        double[] m = new double[start.length];
        double[] v = new double[start.length];
        int[] t = {0};
        return GradientDescent.follow("Adam", model, start, iterations, (k, gradient) -> {
            t[0]++;
            double[] next = new double[k.length];
            for (int i = 0; i < k.length; i++) {
                Step s = step(t[0], k[i], gradient[i], m[i], v[i], rate, beta1, beta2);
                if (i == shown) steps.add(s);
                m[i] = s.nextM();
                v[i] = s.nextV();
                next[i] = s.next();
            }
            return next;
        });
    }
}
