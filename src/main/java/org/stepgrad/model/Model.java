package org.stepgrad.model;

import java.util.List;

/**
 * A whole model written as a graph-language program: its parameters (the knobs training turns)
 * and the program for any setting of them, whose last line is the loss.
 */
public interface Model {
    /** The parameter names, in the order of the arrays passed to {@link #program}. */
    List<String> parameters();

    /** The parameter values the model starts from. */
    double[] start();

    /** The program with these parameter values; each parameter is an input line of that name. */
    String program(double[] params);

    /** Numbered parameter names: {@code numbered("k", 0, 3)} is k0, k1, k2. */
    static List<String> numbered(String prefix, int first, int count) {
        return java.util.stream.IntStream.range(first, first + count).mapToObj(i -> prefix + i).toList();
    }

    /** The program at the start values. */
    default String program() {
        return program(start());
    }
}
