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
}
