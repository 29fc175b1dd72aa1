package org.stepgrad.model;

/** The squashing function of a neuron, by its name in the graph language. */
public enum Activation {
    SIGMOID("sigmoid"), TANH("tanh"), RELU("relu");

    private final String function;

    Activation(String function) {
        this.function = function;
    }

    /** The function name as written in a program. */
    public String function() {
        return function;
    }

    public static Activation named(String name) {
        for (Activation a : values()) {
            if (a.function.equals(name)) return a;
        }
        throw new ModelError("unknown activation '" + name + "'; use sigmoid, tanh or relu");
    }
}
