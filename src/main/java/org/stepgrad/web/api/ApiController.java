package org.stepgrad.web.api;

import org.stepgrad.web.http.ApiError;
import org.stepgrad.web.json.Json;
import org.stepgrad.web.view.SourceErrorView;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import org.stepgrad.expr.Tracer;

/** The JSON API: programs in, traces out. */
public final class ApiController {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final TraceService traces;

    public ApiController(TraceService traces) {
        this.traces = traces;
    }

    /** POST /api/trace with {"source": "..."}. */
    public void trace(Context ctx) {
        traces.traceJson(sourceOf(ctx.body())).send(ctx);
    }

    /**
     * POST /api/check with {"source": "..."}: whether the program traces, and if not the fault as
     * the playground prints it (sentence, place, the line and a caret under the column), so the
     * editor can say what is wrong while the learner types. Answered 200 either way: the check
     * itself succeeded.
     */
    public void check(Context ctx) {
        String source = sourceOf(ctx.body());
        Tracer.Traced traced = traces.trace(source);
        byte[] body = Json.bytes(json -> {
            json.writeStartObject();
            json.writeBooleanField("ok", traced.ok());
            if (traced.ok()) {
                json.writeNumberField("nodes", traced.trace().nodes().size());
            } else {
                SourceErrorView error = SourceErrorView.of(traced.error(), source);
                json.writeStringField("message", error.message());
                json.writeStringField("place", error.place());
                json.writeStringField("line", error.line());
                json.writeStringField("caret", error.caret());
            }
            json.writeEndObject();
        });
        ctx.header("Cache-Control", "no-store");
        ctx.contentType("application/json").result(body);
    }

    /** Reads {"source": "..."}; a body that is not that gets a sentence with its place. */
    static String sourceOf(String body) {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            var at = e.getLocation();
            String why = e.getOriginalMessage();
            int cut = why.indexOf('\n');
            if (cut > 0) why = why.substring(0, cut);
            if (why.length() > 200) why = why.substring(0, 200) + "…";
            throw new ApiError(400, "the body is not JSON (" + why + "); send {\"source\": \"<program>\"}",
                    at == null ? 0 : at.getLineNr(), at == null ? 0 : at.getColumnNr());
        }
        if (root == null || !root.isObject()) {
            throw new ApiError(400, "the body must be a JSON object: {\"source\": \"<program>\"}");
        }
        JsonNode source = root.get("source");
        if (source == null || !source.isTextual()) {
            throw new ApiError(400, "the body needs a \"source\" field holding the program as a string");
        }
        return source.asText();
    }
}
