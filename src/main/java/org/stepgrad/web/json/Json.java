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

    /** Records written by their components, in the order they are declared (the contract's order). */
    private static final com.fasterxml.jackson.databind.ObjectMapper RECORDS = com.fasterxml.jackson.databind.json.JsonMapper.builder(FACTORY)
            .configure(com.fasterxml.jackson.databind.MapperFeature.SORT_PROPERTIES_ALPHABETICALLY, false).build();

    /** A small answer that is one record, written as one object whose fields are its components. */
    public static byte[] bytes(Record answer) {
        try {
            return RECORDS.writeValueAsBytes(answer);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("a record of numbers and texts is always written", e);
        }
    }
}
