package org.stepgrad.live;

import java.util.List;

/**
 * What a live session is about, fixed when it is made: a lesson (by id) or a playground program,
 * how many steps it has, the steps where its checkpoints ask, and the presenter key's hash.
 *
 * @param lesson          the lesson id, or null for a playground program
 * @param source          the program, or null for a lesson
 * @param checkpointSteps the page step of checkpoint i, in the lesson's order
 */
public record Session(String code, String lesson, String source, int steps, List<Integer> checkpointSteps, String keyHash) {
    public Session {
        checkpointSteps = List.copyOf(checkpointSteps);
    }

    /**
     * The checkpoints asked at {@code step}, in the lesson's order: one backward step can send two
     * gradients a lesson asks about (chain rule: p sends q and z theirs at once), so a step may hold several.
     */
    public List<Integer> checkpointsAt(int step) {
        List<Integer> at = new java.util.ArrayList<>(2);
        for (int i = 0; i < checkpointSteps.size(); i++) if (checkpointSteps.get(i) == step) at.add(i);
        return List.copyOf(at);
    }
}
