package org.stepgrad.expr;

/** How large a program the server accepts; every limit is answered with a sentence, never a crash. */
public record Limits(int maxSourceChars, int maxNodes, int maxDepth, int maxNumberChars) {
    /** Large enough for a degree-5 fit over 2,000 points (about 50,000 nodes). */
    public static final Limits DEFAULT = new Limits(1_000_000, 100_000, 200, 64);
}
