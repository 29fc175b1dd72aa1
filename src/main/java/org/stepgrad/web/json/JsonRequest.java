package org.stepgrad.web.json;

import org.stepgrad.web.http.ApiError;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a request body strictly: declared as application/json (a cross-site form cannot send
 * that without asking first), exactly one object, each key once, nothing after it. Every
 * refusal is our sentence with the place, never the parser's words.
 */
public final class JsonRequest {
    private static final ObjectMapper STRICT = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();
    private static final Pattern DUPLICATE = Pattern.compile("Duplicate field '([^']{0,80})'");

    private JsonRequest() {
    }

    /** The body as one JSON object; {@code example} shows in sentences what to send. */
    public static JsonNode object(String contentType, String body, String example) {
        if (!isJson(contentType)) {
            throw new ApiError(415, "send the body as JSON with the header Content-Type: application/json"
                    + (contentType == null || contentType.isBlank() ? " (this request has no Content-Type)" : ""));
        }
        if (body == null || body.isBlank()) throw new ApiError(400, "the body is empty; send " + example);
        JsonNode root;
        try {
            root = STRICT.readTree(body);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            int line = at == null ? 0 : Math.max(0, at.getLineNr());
            int column = at == null ? 0 : Math.max(0, at.getColumnNr());
            throw new ApiError(400, why(e, line, column) + "; send " + example, line, line > 0 ? column : 0);
        }
        if (root == null || !root.isObject()) throw new ApiError(400, "the body must be one JSON object: " + example);
        return root;
    }

    /** The text field {@code name}, or a sentence saying it is missing. */
    public static String text(JsonNode object, String name, String what) {
        JsonNode value = object.get(name);
        if (value == null || !value.isTextual()) {
            throw new ApiError(400, "the body needs a \"" + name + "\" field holding " + what + " as a string");
        }
        return value.asText();
    }

    static boolean isJson(String contentType) {
        if (contentType == null) return false;
        int semicolon = contentType.indexOf(';');
        String type = (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
        return type.equals("application/json");
    }

    private static String why(JsonProcessingException e, int line, int column) {
        String message = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        Matcher duplicate = DUPLICATE.matcher(message);
        if (duplicate.find()) return "the body names \"" + duplicate.group(1) + "\" twice; a JSON object names each key once";
        if (message.startsWith("Trailing token")) return "the body goes on after its one JSON object";
        if (e instanceof JsonEOFException) return "the body ends before its JSON is complete";
        return "the body is not JSON (it goes wrong at line " + line + ", column " + column + ")";
    }
}
