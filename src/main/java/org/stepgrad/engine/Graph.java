package org.stepgrad.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Builds a computation graph node by node and runs the traced passes over it.
 *
 * <p>Nodes get ids in creation order, and every node is created after its operands, so the
 * creation order is already a topological order: the same calls give the same trace.
 * Values are computed as nodes are created; {@link #backward} seeds the output with 1 and
 * visits the nodes in reverse.
 */
public final class Graph {
    private Op[] ops = new Op[64];
    private int[][] inputs = new int[64][];
    private String[] names = new String[64];
    private String[] labels = new String[64];
    private double[] values = new double[64];
    private int size;

    /** Declares an input leaf: a value the learner can change. */
    public int input(String name, double value) {
        return add(Op.INPUT, new int[0], name, name, value);
    }

    /** A number written inside an expression. */
    public int constant(double value, String label) {
        return add(Op.CONST, new int[0], null, label, value);
    }

    /**
     * Applies {@code op} to existing nodes and computes its value at once. The value may be
     * NaN or infinite (log of a negative, division by zero): callers decide how to report it.
     */
    public int apply(Op op, String label, int... operands) {
        if (op.isLeaf() || operands.length != op.arity()) {
            throw new IllegalArgumentException(op.id() + " takes " + op.arity() + " operands");
        }
        for (int operand : operands) {
            if (operand < 0 || operand >= size) throw new IllegalArgumentException("no node " + operand);
        }
        double value = op.forward(operandValues(operands));
        return add(op, operands.clone(), null, label, value);
    }

    /** Gives a computed node the name it was assigned to; its label becomes that name. */
    public void name(int node, String name) {
        names[node] = name;
        labels[node] = name;
    }

    public int size() { return size; }

    public double value(int node) { return values[node]; }

    public Op op(int node) { return ops[node]; }

    public String label(int node) { return labels[node]; }

    /**
     * Runs the backward pass from {@code output} and returns the whole trace: one forward step
     * per computed node in creation order, then one backward step per computed node that the
     * output depends on, from the output down, each recording the chain-rule product it adds
     * to every input.
     */
    public Trace backward(int output) {
        double[] grads = new double[size];
        boolean[] reaches = new boolean[size];
        reaches[output] = true;
        grads[output] = 1;
        List<Step> steps = new ArrayList<>(2 * size);
        for (int id = 0; id < size; id++) {
            if (!ops[id].isLeaf()) steps.add(Step.forward(id));
        }
        for (int id = output; id >= 0; id--) {
            if (!reaches[id] || ops[id].isLeaf()) continue;
            int[] in = inputs[id];
            double[] local = ops[id].local(operandValues(in), values[id]);
            double upstream = grads[id];
            List<Contribution> sent = new ArrayList<>(in.length);
            for (int k = 0; k < in.length; k++) {
                int target = in[k];
                double product = upstream * local[k];
                double before = grads[target];
                grads[target] = before + product;
                reaches[target] = true;
                sent.add(new Contribution(target, local[k], upstream, product, before, grads[target]));
            }
            steps.add(new Step(Phase.BACKWARD, id, sent));
        }
        List<Node> nodes = new ArrayList<>(size);
        for (int id = 0; id < size; id++) {
            nodes.add(new Node(id, names[id], labels[id], ops[id], toList(inputs[id]), values[id], grads[id]));
        }
        return new Trace(nodes, output, steps);
    }

    private double[] operandValues(int[] operands) {
        double[] a = new double[operands.length];
        for (int k = 0; k < operands.length; k++) a[k] = values[operands[k]];
        return a;
    }

    private int add(Op op, int[] in, String name, String label, double value) {
        if (size == ops.length) grow();
        ops[size] = op;
        inputs[size] = in;
        names[size] = name;
        labels[size] = label;
        values[size] = value;
        return size++;
    }

    private void grow() {
        int n = ops.length * 2;
        ops = Arrays.copyOf(ops, n);
        inputs = Arrays.copyOf(inputs, n);
        names = Arrays.copyOf(names, n);
        labels = Arrays.copyOf(labels, n);
        values = Arrays.copyOf(values, n);
    }

    private static List<Integer> toList(int[] a) {
        List<Integer> list = new ArrayList<>(a.length);
        for (int x : a) list.add(x);
        return list;
    }
}
