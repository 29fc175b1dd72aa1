package org.stepgrad.model;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Knob-twiddling without gradients: pick one parameter at random, nudge it by a random amount,
 * and keep the nudge only if the loss falls. Each iteration costs one loss evaluation, the same
 * as a gradient-descent iteration, so the two can be compared fairly. Seeded: the same run every time.
 */
public final class RandomSearch {
    private RandomSearch() {
    }

    /** Nudges are drawn from a normal distribution with standard deviation {@code step}. */
    public static TrainingRun run(Model model, double[] start, double step, int iterations, long seed) {
        if (!(step > 0) || !Double.isFinite(step)) throw new ModelError("the random-search step must be a positive number");
        GradientDescent.checkIterations(iterations);
        SplittableRandom random = new SplittableRandom(seed);
        List<double[]> params = new ArrayList<>();
        double[] losses = new double[iterations + 1];
        double[] best = start.clone();
        Evaluation first = GradientDescent.evaluate(model, best);
        if (first == null) throw new ModelError("the loss at the start is not a number");
        double bestLoss = first.loss();
        params.add(best);
        losses[0] = bestLoss;
        for (int i = 1; i <= iterations; i++) {
            double[] trial = best.clone();
            int knob = random.nextInt(trial.length);
            trial[knob] += step * gaussian(random);
            Evaluation e = GradientDescent.evaluate(model, trial);
            if (e != null && e.loss() < bestLoss) {
                best = trial;
                bestLoss = e.loss();
            }
            params.add(best);
            losses[i] = bestLoss;
        }
        return new TrainingRun("random search", model.parameters(), params, losses, false);
    }

    /** A standard normal number (Box–Muller), so the run depends only on the seed. */
    private static double gaussian(SplittableRandom random) {
        double u = 1 - random.nextDouble(); // in (0, 1]: log stays finite
        double v = random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }
}
