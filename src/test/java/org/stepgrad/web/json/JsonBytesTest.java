package org.stepgrad.web.json;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The trace's byte writer against the generator every other answer uses: the same calls, the same bytes. */
class JsonBytesTest {
    private static final JsonBytes.Name S = new JsonBytes.Name("s");

    @Test
    void every_char_is_escaped_or_encoded_as_the_generator_does() {
        StringBuilder all = new StringBuilder();
        for (int c = 0; c <= Character.MAX_VALUE; c++) {
            String one = String.valueOf((char) c);
            assertSame(new JsonBytes().startObject().field(S, one).endObject().toByteArray(),
                    Json.bytes(json -> {
                        json.writeStartObject();
                        json.writeStringField("s", one);
                        json.writeEndObject();
                    }), "char " + Integer.toHexString(c));
            all.append((char) c);
        }
        String text = all + "a\uD83D\uDE00b ∂f/∂(x*y) · → \"quoted\" \\ \uDE00 tail";
        assertSame(new JsonBytes().startObject().field(S, text).endObject().toByteArray(), Json.bytes(json -> {
            json.writeStartObject();
            json.writeStringField("s", text);
            json.writeEndObject();
        }), "every char in one string");
    }

    @Test
    void numbers_nulls_and_nesting_match_the_generator() {
        Random random = new Random(5);
        double[] doubles = new double[20_000];
        for (int i = 0; i < doubles.length; i++) {
            doubles[i] = switch (i % 4) {
                case 0 -> Double.longBitsToDouble(random.nextLong()); // every exponent, NaNs and infinities among them
                case 1 -> (random.nextDouble() - 0.5) * Math.pow(10, random.nextInt(20) - 10);
                case 2 -> random.nextInt(2001) - 1000 + (i % 8 == 2 ? 1e7 - 1000 : 0); // whole numbers, to past where the exponent starts
                default -> random.nextInt(1000) / 1000.0;
            };
        }
        double[] special = {0.0, -0.0, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
                Double.MIN_VALUE, Double.MAX_VALUE, 1e-7, 2e22, 1e23, 0.1 + 0.2, 1e7, -1e7, 9_999_999, 1e7 + 1, 0x1p63, -0x1p63};
        JsonBytes bytes = new JsonBytes().startObject().startArray(new JsonBytes.Name("d"));
        for (double d : doubles) bytes.value(d);
        for (double d : special) bytes.value(d);
        bytes.endArray().startArray(new JsonBytes.Name("n")).value(0).value(-7).value(Long.MAX_VALUE).value(Long.MIN_VALUE).endArray()
                .field(new JsonBytes.Name("none"), (CharSequence) null).field(new JsonBytes.Name("i"), 42).field(new JsonBytes.Name("x"), 0.5)
                .startArray(new JsonBytes.Name("objects")).startObject().endObject().startObject().field(new JsonBytes.Name("a"), 1).endObject().endArray()
                .startArray(new JsonBytes.Name("empty")).endArray().endObject();
        byte[] expected = Json.bytes(json -> {
            json.writeStartObject();
            json.writeArrayFieldStart("d");
            for (double d : doubles) json.writeNumber(d);
            for (double d : special) json.writeNumber(d);
            json.writeEndArray();
            json.writeArrayFieldStart("n");
            for (long n : new long[] {0, -7, Long.MAX_VALUE, Long.MIN_VALUE}) json.writeNumber(n);
            json.writeEndArray();
            json.writeStringField("none", null);
            json.writeNumberField("i", 42);
            json.writeNumberField("x", 0.5);
            json.writeArrayFieldStart("objects");
            json.writeStartObject();
            json.writeEndObject();
            json.writeStartObject();
            json.writeNumberField("a", 1);
            json.writeEndObject();
            json.writeEndArray();
            json.writeArrayFieldStart("empty");
            json.writeEndArray();
            json.writeEndObject();
        });
        assertSame(bytes.toByteArray(), expected, "numbers");
    }

    private static void assertSame(byte[] got, byte[] expected, String what) {
        assertArrayEquals(expected, got, () -> what + ": " + new String(got, StandardCharsets.UTF_8) + " vs " + new String(expected, StandardCharsets.UTF_8));
    }
}
