package org.stepgrad.engine;

import java.util.List;

/**
 * A numeric check of one backprop gradient: nudge a node's value by ±h, recompute everything
 * downstream of it, and compare the central difference (f(v+h) − f(v−h)) / 2h of the output
 * with the gradient the backward pass found. Two forward passes for one gradient, where one
 * backward pass gave them all: that is the point it makes in numbers.
 */
public record GradCheck(double backprop, double numeric, double h, double relativeError, int forwardPasses) {

    /** The step for a value v: large enough that rounding stays small, small enough that curvature does. */
    public static double step(double v) {
        return 1e-5 * Math.max(1, Math.abs(v));
    }

    /** Checks the gradient of {@code trace}'s output with respect to node {@code id}. */
    public static GradCheck of(Trace trace, int id) {
        Node node = trace.node(id);
        double h = step(node.value());
        double up = outputWith(trace, id, node.value() + h);
        double down = outputWith(trace, id, node.value() - h);
        double numeric = (up - down) / (2 * h);
        return new GradCheck(node.grad(), numeric, h, relative(node.grad(), numeric), 2);
    }

    /** |a − b| / max(|a|, |b|), and 0 when both are 0 (as in CS231n's gradient check). */
    public static double relative(double a, double b) {
        double scale = Math.max(Math.abs(a), Math.abs(b));
        return scale == 0 ? 0 : Math.abs(a - b) / scale;
    }

    /** The output recomputed with node {@code id} held at {@code value}; nodes are in topological order. */
    private static double outputWith(Trace trace, int id, double value) {
        List<Node> nodes = trace.nodes();
        double[] values = new double[nodes.size()];
        for (int i = 0; i < values.length; i++) {
            Node n = nodes.get(i);
            if (i == id) values[i] = value;
            else if (i < id || n.op().isLeaf()) values[i] = n.value(); // upstream of the nudge: unchanged
            else {
                double[] in = new double[n.inputs().size()];
                for (int k = 0; k < in.length; k++) in[k] = values[n.inputs().get(k)];
                values[i] = n.op().forward(in);
            }
        }
        return values[trace.output()];
    }
}
