package org.stepgrad.web.http;

import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.zip.GZIPOutputStream;

/**
 * A finished response body with its type and ETag, ready to be sent again from a cache. Its
 * gzip form is made once, on the first request that accepts it, so three hundred browsers
 * opening one lesson share one compression instead of paying for three hundred.
 */
public final class Cached {
    /** Below this, compressing costs more than it saves. */
    private static final int COMPRESS_FROM = 1024;

    private final int status;
    private final String contentType;
    private final byte[] body;
    private final String etag;
    private volatile byte[] gzipped;

    private Cached(int status, String contentType, byte[] body, String etag) {
        this.status = status;
        this.contentType = contentType;
        this.body = body;
        this.etag = etag;
    }

    public static Cached of(int status, String contentType, byte[] body) {
        return new Cached(status, contentType, body, Etag.of(body));
    }

    /** A rendered page. */
    public static Cached html(int status, String page) {
        return of(status, "text/html; charset=utf-8", page.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    public int status() { return status; }

    public String contentType() { return contentType; }

    public byte[] body() { return body; }

    public String etag() { return etag; }

    /** Sends the body (gzipped when the client accepts it), or 304 when the client holds these bytes. */
    public void send(Context ctx) {
        ctx.header("ETag", etag);
        ctx.header("Vary", "Accept-Encoding");
        if (status == 200 && etag.equals(ctx.header("If-None-Match"))) {
            ctx.status(304);
            return;
        }
        ctx.status(status).contentType(contentType);
        String accepts = ctx.header("Accept-Encoding");
        byte[] sent = body;
        if (body.length >= COMPRESS_FROM && accepts != null && accepts.contains("gzip")) {
            sent = gzipped();
            ctx.header("Content-Encoding", "gzip");
        }
        // a known length spares the client chunked decoding of a 10 MB trace
        ctx.header("Content-Length", Integer.toString(sent.length));
        ctx.result(sent);
    }

    private byte[] gzipped() {
        byte[] packed = gzipped;
        if (packed == null) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(body.length / 4 + 64);
            try (GZIPOutputStream gzip = new GZIPOutputStream(out, 1 << 16)) {
                gzip.write(body);
            } catch (IOException e) {
                throw new UncheckedIOException(e); // writing to memory does not fail
            }
            packed = out.toByteArray();
            gzipped = packed; // a race only compresses twice; both results are equal
        }
        return packed;
    }
}
