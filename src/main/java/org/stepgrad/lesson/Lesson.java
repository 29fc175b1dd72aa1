package org.stepgrad.lesson;

import java.util.List;
import org.stepgrad.engine.Trace;
import org.stepgrad.model.Method;
import org.stepgrad.model.Model;
import org.stepgrad.model.Optimizer;

/**
 * One lesson, loaded and checked: its words, its graph traced, the author's narration and
 * checkpoints placed on page steps, and any training runs computed in advance.
 *
 * @param model    the builder the graph came from, or null for a lesson written as a program
 * @param knobRange the sliders' half-range for a model's parameters (±range)
 */
public record Lesson(String id, String file, String title, String summary, int order, Prose intro,
                     String program, Trace trace, int[] nodeLine, List<Narration> narration,
                     List<Checkpoint> checkpoints, List<Training> training, Model model, double knobRange) {
    public Lesson {
        narration = List.copyOf(narration);
        checkpoints = List.copyOf(checkpoints);
        training = List.copyOf(training);
    }

    /** The page-step count: one per trace step. */
    public int steps() {
        return trace.steps().size();
    }

    public boolean hasTraining() {
        return !training.isEmpty();
    }

    /** The learning rate a fitter starts with when none is asked for: the lesson file's first gradient-descent run's. */
    public double fitRate() {
        return optimizer(Method.GRADIENT_DESCENT).size();
    }

    /** The random-search step a fitter uses: the lesson file's first random-search run's. */
    public double fitStep() {
        return optimizer(Method.RANDOM_SEARCH).size();
    }

    /**
     * The settings a fitter trains {@code method} with when a request names none: the lesson
     * file's first run of that method; without one, the defaults below (momentum's rate is
     * gradient descent's times 1 − β, so its long-run step along a steady slope is the same).
     */
    public Optimizer optimizer(Method method) {
        for (Training t : training) if (t.optimizer().method() == method) return t.optimizer();
        return switch (method) {
            case GRADIENT_DESCENT -> Optimizer.gradientDescent(DEFAULT_FIT_RATE);
            case MOMENTUM -> Optimizer.momentum(fitRate() * (1 - Optimizer.DEFAULT_BETA), Optimizer.DEFAULT_BETA);
            case ADAM -> Optimizer.adam(DEFAULT_ADAM_RATE, Optimizer.DEFAULT_BETA, Optimizer.DEFAULT_BETA2);
            case RANDOM_SEARCH -> Optimizer.randomSearch(DEFAULT_FIT_STEP);
        };
    }

    /** For a lesson whose file has no run of that kind. */
    public static final double DEFAULT_FIT_RATE = 0.1;
    public static final double DEFAULT_FIT_STEP = 0.2;
    public static final double DEFAULT_ADAM_RATE = 0.01;
}
