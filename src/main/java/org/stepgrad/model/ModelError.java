package org.stepgrad.model;

/** A model that cannot be built or run as described (a lesson author's mistake, with a sentence). */
public final class ModelError extends RuntimeException {
    public ModelError(String message) {
        super(message, null, false, false);
    }
}
