package org.stepgrad.web.http;

import org.stepgrad.web.json.Json;

import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every failure leaves as the app's sentence: JSON {"error", "line", "column"} for the API, a
 * small HTML page for pages, with the security headers and {@code Cache-Control: no-store};
 * never Javalin's or Jetty's page, which would echo input, and never a stack trace. The same
 * bodies answer Jetty's own errors ({@link JettyErrors}).
 */
public final class Errors {
    private static final Logger LOG = LoggerFactory.getLogger(Errors.class);

    private final String stylesheet;

    /** {@code stylesheet}: the fingerprinted CSS the error pages link to. */
    public Errors(String stylesheet) {
        this.stylesheet = stylesheet;
    }

    /** A finished error answer: its type and bytes. */
    public record Body(String contentType, byte[] bytes) {
    }

    public void apiError(ApiError e, Context ctx) {
        if (e.retryAfterSeconds() > 0) ctx.header("Retry-After", Integer.toString(e.retryAfterSeconds()));
        send(ctx, e.status(), e.getMessage(), e.line(), e.column());
    }

    public void httpError(HttpResponseException e, Context ctx) {
        send(ctx, e.getStatus(), sentence(e.getStatus(), ctx.path(), ctx.method().name()), 0, 0);
    }

    public void unexpected(Exception e, Context ctx) {
        if (Disconnects.isClientGone(e)) {
            LOG.info("client went away during {} {}: {}", ctx.method(), ctx.path(), Disconnects.describe(e));
            return;
        }
        int refused = Disconnects.refusedStatus(e);
        if (refused > 0) {
            LOG.info("refused {} {} with {}: {}", ctx.method(), ctx.path(), refused, Disconnects.describe(e));
            send(ctx, refused, sentence(refused, ctx.path(), ctx.method().name()), 0, 0);
            return;
        }
        LOG.error("unexpected failure on {} {}", ctx.method(), ctx.path(), e);
        send(ctx, 500, sentence(500, ctx.path(), ctx.method().name()), 0, 0);
    }

    public void notFound(Context ctx) {
        // a handler that answered 404 itself (an unknown lesson) already said what is missing
        if (ctx.resultInputStream() != null) return;
        send(ctx, 404, sentence(404, ctx.path(), ctx.method().name()), 0, 0);
    }

    public void send(Context ctx, int status, String message, int line, int column) {
        Body body = body(ctx.path(), status, message, line, column);
        ctx.header("Cache-Control", "no-store");
        ctx.status(status).contentType(body.contentType()).result(body.bytes());
    }

    /** The app's sentence for a status it did not phrase itself (Javalin's and Jetty's errors). */
    public static String sentence(int status, String path, String method) {
        return switch (status) {
            case 400 -> "the request could not be read: its address or headers are not well-formed";
            case 404 -> "there is nothing at " + shorten(path);
            case 405 -> "this address does not take " + method;
            case 408 -> "the request arrived too slowly; send it again";
            case 413 -> "the request body is too large";
            case 414, 431 -> "the address or headers are too long; send a long program to POST /api/trace instead";
            case 415 -> "send the body as Content-Type: application/json";
            case 503 -> "the server is busy; try again in a moment";
            default -> status >= 500 ? "the server failed to answer; the fault is logged" : "the request was refused (" + status + ")";
        };
    }

    /** JSON for the API and oEmbed, a page for everything a browser opens. */
    public Body body(String path, int status, String message, int line, int column) {
        if (path == null || wantsJson(path)) return new Body("application/json", json(message, line, column));
        return new Body("text/html; charset=utf-8", page(status, message).getBytes(StandardCharsets.UTF_8));
    }

    static boolean wantsJson(String path) {
        return path.startsWith("/api/") || path.equals("/oembed") || path.equals("/ready") || path.equals("/health");
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

    private String page(int status, String message) {
        String title = switch (status) {
            case 404 -> "Not found";
            case 408 -> "Too slow";
            case 413, 414, 431 -> "Too large";
            case 503 -> "Busy";
            default -> status >= 500 ? "Server fault" : "Refused";
        };
        return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>" + title + " · Stepgrad</title><link rel=\"stylesheet\" href=\"" + escape(stylesheet) + "\"></head>\n"
                + "<body class=\"index not-found\"><header class=\"site\"><h1><a href=\"/\">Stepgrad</a></h1></header>\n"
                + "<main><h2>" + title + "</h2><p class=\"message\">" + escape(message) + "</p>"
                + "<p><a href=\"/\">See all lessons</a></p></main></body></html>\n";
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&#39;");
    }

    private static String shorten(String s) {
        return s == null ? "" : s.length() > 120 ? s.substring(0, 120) + "…" : s;
    }
}
