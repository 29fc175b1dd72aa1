package org.stepgrad.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;

/** Request bodies for POST /api/trace, escaped by Jackson rather than by hand. */
final class JsonBody {
    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonBody() {
    }

    static String source(String program) {
        try {
            return JSON.writeValueAsString(Map.of("source", program));
        } catch (JsonProcessingException e) {
            throw new AssertionError(e);
        }
    }
}
