package org.stepgrad.support;

import java.io.IOException;
import java.io.OutputStream;

/** Writes to both streams: the console keeps its log while a test reads what was logged. */
public final class Tee extends OutputStream {
    private final OutputStream a;
    private final OutputStream b;

    public Tee(OutputStream a, OutputStream b) {
        this.a = a;
        this.b = b;
    }

    @Override
    public synchronized void write(int c) throws IOException {
        a.write(c);
        b.write(c);
    }

    @Override
    public synchronized void write(byte[] bytes, int off, int len) throws IOException {
        a.write(bytes, off, len);
        b.write(bytes, off, len);
    }
}
