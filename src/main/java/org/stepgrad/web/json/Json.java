package org.stepgrad.web.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Every JSON answer is written here, by streaming into bytes: the contract's field order is the
 * order written, and a 50,000-node trace costs no intermediate tree.
 */
public final class Json {
    // Schubfach double formatting: a trace writes six numbers per contribution
    private static final JsonFactory FACTORY = JsonFactory.builder().enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER).build();

    private Json() {
    }

    /** What to write into a fresh generator. */
    public interface Body {
        void write(JsonGenerator json) throws IOException;
    }

    /** The bytes {@code body} writes; {@code sizeHint} saves the buffer's regrowth for large answers. */
    public static byte[] bytes(int sizeHint, Body body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(256, sizeHint));
        try (JsonGenerator json = FACTORY.createGenerator(out)) {
            body.write(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // writing to memory does not fail
        }
        return out.toByteArray();
    }

    public static byte[] bytes(Body body) {
        return bytes(256, body);
    }
}
