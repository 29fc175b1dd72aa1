package org.stepgrad.web.json;

import com.fasterxml.jackson.core.io.NumberOutput;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.stepgrad.replay.NumberCache;

/**
 * A JSON text written straight into UTF-8 bytes, for the trace: ten megabytes of small values,
 * where the generator's per-value bookkeeping and its copies cost more than the writing. It
 * writes exactly the bytes {@link Json}'s generator writes for the same calls (its escapes, its
 * shortest doubles, its quoted NaN), so the contract does not depend on which of the two wrote it.
 */
final class JsonBytes {
    private static final byte[] HEX = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);
    /** Written in pieces this size and joined once at the end: one large array per answer, not a doubling series of them. */
    private static final int CHUNK = 64 * 1024;
    private static final byte[] NULL = "null".getBytes(StandardCharsets.US_ASCII);

    /** A member's name, quoted and encoded once: the trace writes the same dozen names half a million times. */
    static final class Name {
        private final byte[] quoted;

        Name(String name) {
            JsonBytes json = new JsonBytes();
            json.string(name);
            quoted = json.toByteArray();
        }
    }

    /** Full pieces, each with how much of it is written. */
    private record Piece(byte[] bytes, int length) {
    }

    private final List<Piece> pieces = new ArrayList<>();
    private byte[] out = new byte[CHUNK];
    private int size;
    /** Whether the next member or element needs a comma before it. */
    private boolean after;
    /** The chars of the string being written: reading them in bulk is faster than one charAt at a time. */
    private char[] chars = new char[256];
    /** The bytes of the doubles written lately: most numbers of a trace recur, and the shortest-digits search is the dearest part. */
    private final NumberCache<byte[]> digits = new NumberCache<>(JsonBytes::digits);

    /** A writer whose first element follows ones another writer wrote: it starts with a comma. */
    static JsonBytes continuing() {
        JsonBytes json = new JsonBytes();
        json.after = true;
        return json;
    }

    /**
     * Puts what {@code later} wrote after what this one has; this one then writes on after it,
     * as if one writer had written both. {@code later}'s bytes are taken, not copied.
     */
    JsonBytes append(JsonBytes later) {
        pieces.add(new Piece(out, size));
        pieces.addAll(later.pieces);
        pieces.add(new Piece(later.out, later.size));
        out = new byte[CHUNK];
        size = 0;
        after = later.after;
        return this;
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

    JsonBytes startArray(Name name) {
        name(name);
        after = false;
        return put('[');
    }

    JsonBytes endArray() {
        after = true;
        return put(']');
    }

    /** A member's name; its value follows. */
    JsonBytes name(Name name) {
        separate();
        room(name.quoted.length + 1);
        System.arraycopy(name.quoted, 0, out, size, name.quoted.length);
        size += name.quoted.length;
        after = false;
        return put(':');
    }

    JsonBytes field(Name name, long value) {
        return name(name).value(value);
    }

    JsonBytes field(Name name, double value) {
        return name(name).value(value);
    }

    JsonBytes field(Name name, CharSequence text) {
        return name(name).value(text);
    }

    JsonBytes value(long value) {
        separate();
        room(20);
        size = NumberOutput.outputLong(value, out, size);
        after = true;
        return this;
    }

    /** The generator's number: its shortest digits ("0.1", "2.0", "1.0E-7"), a non-finite one as a string ("NaN"). */
    JsonBytes value(double value) {
        separate();
        raw(digits.get(value));
        after = true;
        return this;
    }

    private static byte[] digits(double value) {
        String text = NumberOutput.toString(value, true); // ASCII digits, or NaN and the infinities
        return (Double.isFinite(value) ? text : '"' + text + '"').getBytes(StandardCharsets.US_ASCII);
    }

    /** A string, or null. */
    JsonBytes value(CharSequence text) {
        separate();
        if (text == null) raw(NULL);
        else string(text);
        after = true;
        return this;
    }

    /** The SHA-256 of the bytes written so far, in order. */
    byte[] digest() {
        MessageDigest sha = sha256();
        for (Piece piece : pieces) sha.update(piece.bytes(), 0, piece.length());
        sha.update(out, 0, size);
        return sha.digest();
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    byte[] toByteArray() {
        int total = size;
        for (Piece piece : pieces) total += piece.length();
        byte[] all = new byte[total];
        int at = 0;
        for (Piece piece : pieces) {
            System.arraycopy(piece.bytes(), 0, all, at, piece.length());
            at += piece.length();
        }
        System.arraycopy(out, 0, all, at, size);
        return all;
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
        if (chars.length < n) chars = new char[Math.max(n, 2 * chars.length)];
        char[] cs = chars;
        if (s instanceof String string) string.getChars(0, n, cs, 0);
        else if (s instanceof StringBuilder builder) builder.getChars(0, n, cs, 0);
        else for (int i = 0; i < n; i++) cs[i] = s.charAt(i);
        room(2 + 6 * n);
        byte[] b = out;
        int at = size;
        b[at++] = '"';
        for (int i = 0; i < n; i++) {
            char c = cs[i];
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

    private void raw(byte[] bytes) {
        room(bytes.length);
        System.arraycopy(bytes, 0, out, size, bytes.length);
        size += bytes.length;
    }

    private JsonBytes put(char c) {
        room(1);
        out[size++] = (byte) c;
        return this;
    }

    private void room(int more) {
        if (out.length - size >= more) return;
        pieces.add(new Piece(out, size));
        out = new byte[Math.max(CHUNK, more)];
        size = 0;
    }
}
