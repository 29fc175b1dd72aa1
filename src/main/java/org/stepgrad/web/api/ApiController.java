package org.stepgrad.web.api;

import org.stepgrad.web.http.ApiError;
import org.stepgrad.web.http.Bodies;
import org.stepgrad.web.json.Json;
import org.stepgrad.web.json.JsonRequest;
import org.stepgrad.web.view.SourceErrorView;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import org.stepgrad.expr.Tracer;

/** The JSON API: programs in, traces out. */
public final class ApiController {
    private final TraceService traces;

    public ApiController(TraceService traces) {
        this.traces = traces;
    }

    /** Above this, reading the body is itself expensive work: it waits its turn under the bulkhead. */
    static final int LARGE_BODY = 64 * 1024;

    /** POST /api/trace with {"source": "..."}. */
    public void trace(Context ctx) {
        String body = Bodies.text(ctx);
        if (body.length() <= LARGE_BODY) {
            traces.traceJson(sourceOf(ctx, body)).send(ctx);
        } else {
            // 260 clients posting a 2 MB program each would otherwise parse 500 MB at once
            traces.bulkhead().call(() -> traces.traceJson(sourceOf(ctx, body))).send(ctx);
        }
    }

    /**
     * POST /api/check with {"source": "..."}: whether the program traces, and if not the fault as
     * the playground prints it (sentence, place, the line and a caret under the column), so the
     * editor can say what is wrong while the learner types. Answered 200 either way: the check
     * itself succeeded.
     */
    public void check(Context ctx) {
        String sent = Bodies.text(ctx);
        String source = sent.length() <= LARGE_BODY ? sourceOf(ctx, sent) : traces.bulkhead().call(() -> sourceOf(ctx, sent));
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

    /** Reads {"source": "..."} strictly; a body that is not that gets a sentence with its place. */
    static String sourceOf(Context ctx, String body) {
        JsonNode object = JsonRequest.object(ctx.header("Content-Type"), body, "{\"source\": \"<program>\"}");
        return JsonRequest.text(object, "source", "the program");
    }
}
