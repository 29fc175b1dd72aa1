package org.stepgrad.lesson;

import org.stepgrad.engine.Phase;

/**
 * An author's words for one step, found by node name and phase. {@code step} is the page step
 * (the state after that many trace steps) at which they show; they replace the automatic
 * narration or are added after it.
 */
public record Narration(int step, String node, Phase phase, boolean replace, Prose text) {
}
