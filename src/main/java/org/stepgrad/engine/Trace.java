package org.stepgrad.engine;

import java.util.List;

/**
 * The whole record of a forward and backward pass: every node with its final value and
 * gradient, the output's id, and the steps in the order a learner replays them.
 */
public record Trace(List<Node> nodes, int output, List<Step> steps) {
    public Trace {
        nodes = List.copyOf(nodes);
        steps = List.copyOf(steps);
    }

    public Node node(int id) {
        return nodes.get(id);
    }

    public Node outputNode() {
        return nodes.get(output);
    }

    /** Index of the first backward step, which equals the number of forward steps. */
    public int forwardSteps() {
        int i = 0;
        while (i < steps.size() && steps.get(i).phase() == Phase.FORWARD) i++;
        return i;
    }
}
