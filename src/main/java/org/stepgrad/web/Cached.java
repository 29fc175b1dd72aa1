package org.stepgrad.web;

import io.javalin.http.Context;

/** A finished response body with its type and ETag, ready to be sent again from a cache. */
public record Cached(int status, String contentType, byte[] body, String etag) {
    public static Cached of(int status, String contentType, byte[] body) {
        return new Cached(status, contentType, body, Etag.of(body));
    }

    /** Sends the body, or 304 when the client already holds these bytes. */
    public void send(Context ctx) {
        ctx.header("ETag", etag);
        if (status == 200 && etag.equals(ctx.header("If-None-Match"))) {
            ctx.status(304);
            return;
        }
        ctx.status(status).contentType(contentType).result(body);
        // A known length spares a client chunked decoding of a 10 MB trace. Only when the client
        // takes no compression: Javalin compresses for those that do, and the length would be wrong.
        String accepts = ctx.header("Accept-Encoding");
        if (accepts == null || !(accepts.contains("gzip") || accepts.contains("br") || accepts.contains("zstd"))) {
            ctx.header("Content-Length", Integer.toString(body.length));
        }
    }
}
