package org.stepgrad.engine;

import java.util.List;

/**
 * One scalar in a computation graph: what produced it, from which nodes, and its value and
 * gradient once the forward and backward passes have run.
 */
public record Node(int id, String name, String label, Op op, List<Integer> inputs, double value, double grad) {
    public Node {
        inputs = List.copyOf(inputs);
    }
}
