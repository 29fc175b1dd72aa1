package org.stepgrad.model;

/** Writes a number as program text that reads back as exactly the same double. */
public final class Num {
    private Num() {
    }

    public static String text(double v) {
        if (!Double.isFinite(v)) throw new IllegalArgumentException("a program holds only finite numbers, not " + v);
        if (v == Math.rint(v) && Math.abs(v) < 1e15) return Long.toString((long) v);
        String s = Double.toString(v); // the shortest text that parses back to v
        return s.replace("E", "e");
    }
}
