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

    /** The program at the start values. */
    default String program() {
        return program(start());
    }
}
