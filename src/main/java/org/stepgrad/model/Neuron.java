package org.stepgrad.model;

import java.util.ArrayList;
import java.util.List;

/**
 * One neuron: a weighted sum of its inputs plus a bias, squashed by an activation,
 * {@code o = act(x1·w1 + … + xn·wn + b)}. With a target it ends in a squared loss
 * {@code loss = (o − t)^2}; without one its output o is the end of the graph.
 */
public record Neuron(double[] inputs, double[] weights, double bias, Activation activation, Double target) implements Model {
    public static final int MAX_INPUTS = 64;

    public Neuron {
        checkSize(inputs.length);
        if (inputs.length != weights.length) {
            throw new ModelError("a neuron needs one weight per input; it has " + inputs.length + " inputs and " + weights.length + " weights");
        }
        inputs = inputs.clone();
        weights = weights.clone();
    }

    /** Refuses a number of inputs out of range before anything of that size is allocated. */
    public static void checkSize(long inputs) {
        if (inputs < 1 || inputs > MAX_INPUTS) throw new ModelError("a neuron takes between 1 and " + MAX_INPUTS + " inputs, not " + inputs);
    }

    /** The nodes {@link #program} builds, counted without building them: x_i, w_i, x_i*w_i, the adds, b, n, o, and the loss. */
    public static long nodeCount(int inputs, boolean target) {
        return 4L * inputs + 2 + (target ? 4 : 0);
    }

    @Override
    public List<String> parameters() {
        List<String> names = new ArrayList<>();
        for (int i = 1; i <= weights.length; i++) names.add("w" + i);
        names.add("b");
        return names;
    }

    @Override
    public double[] start() {
        double[] p = java.util.Arrays.copyOf(weights, weights.length + 1);
        p[weights.length] = bias;
        return p;
    }

    @Override
    public String program(double[] p) {
        ProgramWriter w = new ProgramWriter();
        List<String> terms = new ArrayList<>();
        for (int i = 1; i <= inputs.length; i++) {
            w.input("x" + i, inputs[i - 1]);
            w.input("w" + i, p[i - 1]);
            terms.add("x" + i + "*w" + i);
        }
        w.input("b", p[inputs.length]);
        terms.add("b");
        w.let("n", ProgramWriter.sum(terms));
        w.let("o", activation.function() + "(n)");
        if (target != null) {
            w.input("t", target);
            w.let("loss", "(o - t)^2");
        }
        return w.toString();
    }
}
