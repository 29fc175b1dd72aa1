package org.stepgrad.model;

/** The squashing function of a neuron, by its name in the graph language. */
public enum Activation implements Named {
    SIGMOID, TANH, RELU;

    /** The function name as written in a program. */
    public String function() {
        return id();
    }

    /** The activation of one number, by the engine's own rule. */
    public double apply(double x) {
        return org.stepgrad.engine.Op.function(function()).apply(x);
    }

    public static Activation named(String name) {
        return Named.find(values(), name).orElseThrow(() -> new ModelError("unknown activation '" + name + "'; use sigmoid, tanh or relu"));
    }
}
