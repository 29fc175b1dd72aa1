package org.stepgrad.web.http;

import org.stepgrad.web.json.Json;

import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every failure leaves as JSON {"error", "line", "column"}: never Javalin's HTML page, which
 * would echo input, and never a stack trace.
 */
public final class Errors {
    private static final Logger LOG = LoggerFactory.getLogger(Errors.class);

    private Errors() {
    }

    public static void apiError(ApiError e, Context ctx) {
        send(ctx, e.status(), e.getMessage(), e.line(), e.column());
    }

    public static void httpError(HttpResponseException e, Context ctx) {
        int status = e.getStatus();
        String message = switch (status) {
            case 413 -> "the request body is too large";
            case 404 -> "there is nothing at " + ctx.path();
            case 405 -> "this address does not take " + ctx.method();
            default -> status >= 500 ? "the server failed to answer" : "the request was refused (" + status + ")";
        };
        send(ctx, status, message, 0, 0);
    }

    public static void unexpected(Exception e, Context ctx) {
        LOG.error("unexpected failure on {} {}", ctx.method(), ctx.path(), e);
        send(ctx, 500, "the server failed to answer; the fault is logged", 0, 0);
    }

    public static void notFound(Context ctx) {
        // a handler that answered 404 itself (an unknown lesson) already said what is missing
        if (ctx.resultInputStream() != null) return;
        send(ctx, 404, "there is nothing at " + ctx.path(), 0, 0);
    }

    public static void send(Context ctx, int status, String message, int line, int column) {
        ctx.status(status).contentType("application/json").result(json(message, line, column));
    }

    public static byte[] json(String message, int line, int column) {
        return Json.bytes(json -> {
            json.writeStartObject();
            json.writeStringField("error", message);
            if (line > 0) {
                json.writeNumberField("line", line);
                json.writeNumberField("column", column);
            }
            json.writeEndObject();
        });
    }
}
