package org.stepgrad.lesson;

import org.stepgrad.engine.Phase;

/**
 * A question put to the learner before a value or gradient is revealed: at page step
 * {@code step}, where the node's value (forward) or its finished gradient (backward) would first
 * show, the page hides it and asks for it. An answer within {@code tolerance} is right; either
 * way the explanation follows.
 */
public record Checkpoint(int step, String node, Phase phase, Prose prompt, double answer, double tolerance, Prose explanation) {
    public boolean accepts(double guess) {
        return Double.isFinite(guess) && Math.abs(guess - answer) <= tolerance;
    }

    /** The classes the page gives the node while the question is open: they hide what is asked. */
    public String quizClass() {
        return phase == Phase.FORWARD ? "quiz quiz-value" : "quiz quiz-grad";
    }

    /** "value" or "gradient": what is asked. */
    public String asks() {
        return phase == Phase.FORWARD ? "value" : "gradient";
    }
}
