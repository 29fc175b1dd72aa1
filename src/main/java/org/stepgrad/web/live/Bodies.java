package org.stepgrad.web.live;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.stepgrad.live.LiveError;

/** Reads the live API's JSON bodies; anything else is refused with a sentence that says what to send. */
final class Bodies {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Bodies() {
    }

    static JsonNode object(String body, String shape) {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw invalid("The body is not JSON; send " + shape + ".");
        }
        if (root == null || !root.isObject()) throw invalid("The body must be a JSON object: " + shape + ".");
        return root;
    }

    /** A whole number field, or null when absent. */
    static Integer integer(JsonNode root, String field) {
        JsonNode n = root.get(field);
        if (n == null || n.isNull()) return null;
        if (!n.isIntegralNumber() || !n.canConvertToInt()) throw invalid("\"" + field + "\" must be a whole number.");
        return n.intValue();
    }

    static Boolean bool(JsonNode root, String field) {
        JsonNode n = root.get(field);
        if (n == null || n.isNull()) return null;
        if (!n.isBoolean()) throw invalid("\"" + field + "\" must be true or false.");
        return n.booleanValue();
    }

    static String text(JsonNode root, String field) {
        JsonNode n = root.get(field);
        if (n == null || n.isNull()) return null;
        if (!n.isTextual()) throw invalid("\"" + field + "\" must be a string.");
        return n.textValue();
    }

    static LiveError invalid(String sentence) {
        return new LiveError(LiveError.Kind.INVALID, sentence);
    }
}
