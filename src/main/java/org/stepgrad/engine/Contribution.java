package org.stepgrad.engine;

/**
 * What one backward step sends to one input: the chain rule
 * {@code grad input += upstream · local}, with the input's gradient before and after.
 */
public record Contribution(int input, double local, double upstream, double product,
                           double gradBefore, double gradAfter) {
}
