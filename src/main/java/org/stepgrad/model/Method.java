package org.stepgrad.model;

/**
 * How a run turns the knobs: against the gradient (plain, with momentum, or Adam's scaled
 * steps), or by nudges kept when the loss falls.
 */
public enum Method implements Named {
    GRADIENT_DESCENT, MOMENTUM, ADAM, RANDOM_SEARCH;

    /** The method of this name, or null. */
    public static Method named(String name) {
        return Named.find(values(), name).orElse(null);
    }

    /** The methods' names as a sentence lists them: "gradient-descent, momentum, adam or random-search". */
    public static String choices() {
        StringBuilder s = new StringBuilder();
        Method[] all = values();
        for (int i = 0; i < all.length; i++) {
            if (i > 0) s.append(i == all.length - 1 ? " or " : ", ");
            s.append(all[i].id());
        }
        return s.toString();
    }

    /** The name a learner reads: "gradient descent", "Adam". */
    public String label() {
        return this == ADAM ? "Adam" : id().replace('-', ' ');
    }
}
