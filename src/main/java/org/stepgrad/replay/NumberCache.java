package org.stepgrad.replay;

import java.util.function.DoubleFunction;

/**
 * What the numbers seen lately were made into (their text, their bytes), kept by their bits. A
 * trace says the same numbers again and again (a knob's value is the local slope of every
 * product it multiplies; a gradient goes on as upstream and product), so a writer finds most
 * here instead of formatting them again. A slot holds the last number that fell in it; for one
 * writer at a time.
 */
public final class NumberCache<T> {
    private static final int SLOTS = 4096;
    private final long[] bits = new long[SLOTS];
    private final Object[] made = new Object[SLOTS];
    private final DoubleFunction<T> make;

    public NumberCache(DoubleFunction<T> make) {
        this.make = make;
    }

    @SuppressWarnings("unchecked")
    public T get(double v) {
        long key = Double.doubleToRawLongBits(v);
        int slot = (int) ((key * 0x9E3779B97F4A7C15L) >>> 52); // the top 12 bits of a Fibonacci hash: one of 4096
        Object found = made[slot];
        if (found == null || bits[slot] != key) {
            found = make.apply(v);
            made[slot] = found;
            bits[slot] = key;
        }
        return (T) found;
    }
}
