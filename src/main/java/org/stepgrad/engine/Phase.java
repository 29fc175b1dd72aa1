package org.stepgrad.engine;

/** The two passes a learner steps through. */
public enum Phase {
    FORWARD("forward"), BACKWARD("backward");

    private final String id;

    Phase(String id) { this.id = id; }

    /** The name used in the trace JSON. */
    public String id() { return id; }
}
