package org.stepgrad.model;

/** The squashing function of a neuron, by its name in the graph language. */
public enum Activation implements Named {
    SIGMOID, TANH, RELU;

    /** The function name as written in a program. */
    public String function() {
        return id();
    }

    public static Activation named(String name) {
        return Named.find(values(), name).orElseThrow(() -> new ModelError("unknown activation '" + name + "'; use sigmoid, tanh or relu"));
    }
}
