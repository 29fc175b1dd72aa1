package org.stepgrad.web.json;

import com.fasterxml.jackson.core.io.NumberOutput;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A JSON text written straight into UTF-8 bytes, for the trace: ten megabytes of small values,
 * where the generator's per-value bookkeeping and its copies cost more than the writing. It
 * writes exactly the bytes {@link Json}'s generator writes for the same calls (its escapes, its
 * shortest doubles, its quoted NaN), so the contract does not depend on which of the two wrote it.
 */
final class JsonBytes {
    private static final byte[] HEX = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);

    private byte[] out;
    private int size;
    /** Whether the next member or element needs a comma before it. */
    private boolean after;

    JsonBytes(int sizeHint) {
        out = new byte[Math.max(256, sizeHint)];
    }

    JsonBytes startObject() {
        separate();
        after = false;
        return put('{');
    }

    JsonBytes endObject() {
        after = true;
        return put('}');
    }

    JsonBytes startArray(String name) {
        name(name);
        after = false;
        return put('[');
    }

    JsonBytes endArray() {
        after = true;
        return put(']');
    }

    /** A member's name; its value follows. */
    JsonBytes name(String name) {
        separate();
        string(name);
        after = false;
        return put(':');
    }

    JsonBytes field(String name, long value) {
        return name(name).value(value);
    }

    JsonBytes field(String name, double value) {
        return name(name).value(value);
    }

    JsonBytes field(String name, CharSequence text) {
        return name(name).value(text);
    }

    JsonBytes value(long value) {
        separate();
        ascii(Long.toString(value));
        after = true;
        return this;
    }

    /** The generator's number: its shortest digits ("0.1", "2.0", "1.0E-7"), a non-finite one as a string. */
    JsonBytes value(double value) {
        separate();
        String digits = NumberOutput.toString(value, true);
        if (Double.isFinite(value)) ascii(digits);
        else string(digits);
        after = true;
        return this;
    }

    /** A string, or null. */
    JsonBytes value(CharSequence text) {
        separate();
        if (text == null) ascii("null");
        else string(text);
        after = true;
        return this;
    }

    byte[] toByteArray() {
        return Arrays.copyOf(out, size);
    }

    private void separate() {
        if (after) put(',');
    }

    /**
     * Quotes and escapes as the generator does: quote, backslash and the controls escaped (a
     * newline and its kin by letter, the rest as a six-character hex escape), every surrogate as
     * a hex escape too, everything else as its UTF-8 bytes.
     */
    private void string(CharSequence s) {
        int n = s.length();
        room(2 + 6 * n);
        byte[] b = out;
        int at = size;
        b[at++] = '"';
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                if (c >= 0x20 && c != '"' && c != '\\') {
                    b[at++] = (byte) c;
                    continue;
                }
                b[at++] = '\\';
                switch (c) {
                    case '"', '\\' -> b[at++] = (byte) c;
                    case '\b' -> b[at++] = 'b';
                    case '\t' -> b[at++] = 't';
                    case '\n' -> b[at++] = 'n';
                    case '\f' -> b[at++] = 'f';
                    case '\r' -> b[at++] = 'r';
                    default -> at = hex(b, at, c);
                }
            } else if (c < 0x800) {
                b[at++] = (byte) (0xC0 | (c >> 6));
                b[at++] = (byte) (0x80 | (c & 0x3F));
            } else if (Character.isSurrogate(c)) {
                b[at++] = '\\';
                at = hex(b, at, c);
            } else {
                b[at++] = (byte) (0xE0 | (c >> 12));
                b[at++] = (byte) (0x80 | ((c >> 6) & 0x3F));
                b[at++] = (byte) (0x80 | (c & 0x3F));
            }
        }
        b[at++] = '"';
        size = at;
    }

    /** The "u" and four upper-case hex digits of an escape, after its backslash. */
    private static int hex(byte[] b, int at, char c) {
        b[at++] = 'u';
        b[at++] = HEX[c >> 12];
        b[at++] = HEX[(c >> 8) & 0xF];
        b[at++] = HEX[(c >> 4) & 0xF];
        b[at++] = HEX[c & 0xF];
        return at;
    }

    private void ascii(String s) {
        int n = s.length();
        room(n);
        for (int i = 0; i < n; i++) out[size++] = (byte) s.charAt(i);
    }

    private JsonBytes put(char c) {
        room(1);
        out[size++] = (byte) c;
        return this;
    }

    private void room(int more) {
        if (out.length - size < more) out = Arrays.copyOf(out, Math.max(out.length * 2, size + more));
    }
}
