package org.stepgrad.model;

import java.util.List;
import org.stepgrad.replay.Format;

/** Collects the lines of a graph-language program, one assignment each. */
public final class ProgramWriter {
    private final StringBuilder text = new StringBuilder();

    /** {@code name = value}: an input leaf. */
    public ProgramWriter input(String name, double value) {
        if (!Double.isFinite(value)) throw new IllegalArgumentException("a program holds only finite numbers, not " + name + " = " + value);
        return line(name + " = " + Format.exact(value));
    }

    /** {@code name = expression}. */
    public ProgramWriter let(String name, String expression) {
        return line(name + " = " + expression);
    }

    /** {@code ## label}: the lines below belong to that group (a path such as "weights / output" nests), until the next one. */
    public ProgramWriter group(String label) {
        return line("## " + label);
    }

    public ProgramWriter comment(String words) {
        return line("# " + words);
    }

    private ProgramWriter line(String line) {
        text.append(line).append('\n');
        return this;
    }

    /** "a + b + c", or "0" for no terms. */
    public static String sum(List<String> terms) {
        return terms.isEmpty() ? "0" : String.join(" + ", terms);
    }

    @Override
    public String toString() {
        return text.toString();
    }
}
