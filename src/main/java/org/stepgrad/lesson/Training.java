package org.stepgrad.lesson;

import org.stepgrad.model.TrainingRun;

/**
 * One training run a lesson shows: its label, how it was asked for (gradient descent with a
 * learning rate, or random search with a step size and seed) and the recorded run.
 */
public record Training(String label, String method, double rate, double step, long seed, TrainingRun run) {
    public static final String GRADIENT_DESCENT = "gradient-descent";
    public static final String RANDOM_SEARCH = "random-search";
}
