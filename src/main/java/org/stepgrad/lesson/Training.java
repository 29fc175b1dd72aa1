package org.stepgrad.lesson;

import org.stepgrad.model.Method;
import org.stepgrad.model.Optimizer;
import org.stepgrad.model.TrainingRun;

/**
 * One training run a lesson shows: its label, how it was asked for (the method with its rate,
 * β's or random-search step, and the seed) and the recorded run.
 */
public record Training(String label, Optimizer optimizer, long seed, TrainingRun run) {
    public static final String GRADIENT_DESCENT = "gradient-descent";
    public static final String RANDOM_SEARCH = "random-search";

    /** The method's name as the lesson file writes it. */
    public String method() {
        return optimizer.method().id();
    }

    /** The learning rate, or 0 for random search. */
    public double rate() {
        return optimizer.method() == Method.RANDOM_SEARCH ? 0 : optimizer.size();
    }

    /** The random-search step, or 0 for the gradient methods. */
    public double step() {
        return optimizer.method() == Method.RANDOM_SEARCH ? optimizer.size() : 0;
    }
}
