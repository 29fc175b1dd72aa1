package org.stepgrad.lesson;

import java.util.List;
import org.stepgrad.engine.Trace;
import org.stepgrad.model.Model;

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
        return training.stream().filter(t -> t.rate() > 0).mapToDouble(Training::rate).findFirst().orElse(DEFAULT_FIT_RATE);
    }

    /** The random-search step a fitter uses: the lesson file's first random-search run's. */
    public double fitStep() {
        return training.stream().filter(t -> t.step() > 0).mapToDouble(Training::step).findFirst().orElse(DEFAULT_FIT_STEP);
    }

    /** For a lesson whose file has no run of that kind. */
    public static final double DEFAULT_FIT_RATE = 0.1;
    public static final double DEFAULT_FIT_STEP = 0.2;
}
