package org.stepgrad.model;

/** How a run turns the knobs: against the gradient, or by nudges kept when the loss falls. */
public enum Method {
    GRADIENT_DESCENT("gradient-descent"), RANDOM_SEARCH("random-search");

    private final String id;

    Method(String id) {
        this.id = id;
    }

    /** The name in URLs and lesson files. */
    public String id() {
        return id;
    }

    /** The method of this name, or null. */
    public static Method named(String name) {
        for (Method m : values()) {
            if (m.id.equals(name)) return m;
        }
        return null;
    }
}
