package org.stepgrad.engine;

import java.util.List;

/**
 * One moment of the replay: a forward step computes {@code node}; a backward step sends the
 * node's gradient to each of its inputs (one contribution per operand, in operand order).
 */
public record Step(Phase phase, int node, List<Contribution> contributions) {
    public Step {
        contributions = List.copyOf(contributions);
    }

    static Step forward(int node) {
        return new Step(Phase.FORWARD, node, List.of());
    }
}
