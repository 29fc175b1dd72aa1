package org.stepgrad.model;

/** How a run turns the knobs: against the gradient, or by nudges kept when the loss falls. */
public enum Method implements Named {
    GRADIENT_DESCENT, RANDOM_SEARCH;

    /** The method of this name, or null. */
    public static Method named(String name) {
        return Named.find(values(), name).orElse(null);
    }
}
