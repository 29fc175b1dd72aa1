package org.stepgrad.web.http;

import io.javalin.http.Context;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.CompletableFuture;
import java.util.zip.GZIPOutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A finished response body with its type and ETag, ready to be sent again from a cache. Its
 * gzip form is made once, on the first request that accepts it, so three hundred browsers
 * opening one lesson share one compression instead of paying for three hundred. The gzip form
 * has its own tag ({@code "…-gz"}): two different byte sequences never share a strong ETag.
 */
public final class Cached {
    private static final Logger LOG = LoggerFactory.getLogger(Cached.class);
    /** Below this, compressing costs more than it saves. */
    private static final int COMPRESS_FROM = 1024;
    /** From this size the body is written without holding a thread while a slow client reads. */
    static final int ASYNC_FROM = 64 * 1024;

    private final int status;
    private final String contentType;
    private final byte[] body;
    private final String etag;
    private final String cacheControl;
    private volatile byte[] gzipped;

    private Cached(int status, String contentType, byte[] body, String etag, String cacheControl) {
        this.status = status;
        this.contentType = contentType;
        this.body = body;
        this.etag = etag;
        this.cacheControl = cacheControl;
    }

    public static Cached of(int status, String contentType, byte[] body) {
        return of(status, contentType, body, Etag.of(body));
    }

    /** A body whose tag its writer made (see {@link Etag#ofDigest}). */
    public static Cached of(int status, String contentType, byte[] body, String etag) {
        return new Cached(status, contentType, body, etag, status == 200 ? null : "no-store");
    }

    /** A body whose address changes whenever its bytes do (fingerprinted assets). */
    public static Cached immutable(String contentType, byte[] body) {
        return new Cached(200, contentType, body, Etag.of(body), "public, max-age=31536000, immutable");
    }

    /** A rendered page. */
    public static Cached html(int status, String page) {
        return of(status, "text/html; charset=utf-8", page.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    public int status() { return status; }

    public String contentType() { return contentType; }

    public byte[] body() { return body; }

    public String etag() { return etag; }

    /** The tag of the gzip form. */
    public String gzipEtag() {
        return etag.substring(0, etag.length() - 1) + "-gz\"";
    }

    /**
     * Where an answer is written: the app's {@link Context}, or Jetty's own response when
     * {@link FrontCache} sends a kept page. One {@link #answer} serves both, so a page sent again
     * from the front has the very headers the app gave it.
     */
    interface Out {
        void status(int status);

        void header(String name, String value);

        /** The body, written last; a HEAD answer may leave it unsent (its length is already set). */
        void body(byte[] bytes);
    }

    /**
     * Sends the body (gzipped when the client accepts it), or 304 when the client holds either
     * form; a HEAD request gets the same headers and no body.
     */
    public void send(Context ctx) {
        answer(ctx.header("Accept-Encoding"), ctx.header("If-None-Match"), new Out() {
            @Override
            public void status(int status) {
                ctx.status(status);
            }

            @Override
            public void header(String name, String value) {
                ctx.header(name, value);
            }

            @Override
            public void body(byte[] sent) {
                // HEAD writes the body too: Jetty checks it against Content-Length and drops it from the wire
                if (sent.length >= ASYNC_FROM && !MethodFilter.isHead(ctx.req())) {
                    ctx.future(() -> writeAsync(ctx, sent));
                } else {
                    ctx.result(sent);
                }
            }
        });
    }

    /** The answer to a request carrying these two headers (either may be null). */
    void answer(String acceptEncoding, String ifNoneMatch, Out out) {
        boolean compress = body.length >= COMPRESS_FROM && acceptsGzip(acceptEncoding);
        // a 304 names the type it stands for too, rather than the server's default text/plain
        out.header("Content-Type", contentType);
        if (cacheControl != null) out.header("Cache-Control", cacheControl);
        if (body.length >= COMPRESS_FROM) out.header("Vary", "Accept-Encoding");
        if (status == 200) {
            out.header("ETag", compress ? gzipEtag() : etag);
            if (Conditional.noneMatchFails(ifNoneMatch, etag, gzipEtag())) {
                out.status(304);
                return;
            }
        }
        out.status(status);
        byte[] sent = compress ? gzipped() : body;
        if (compress) out.header("Content-Encoding", "gzip");
        // a known length spares the client chunked decoding of a 10 MB trace
        out.header("Content-Length", Integer.toString(sent.length));
        out.body(sent);
    }

    /**
     * Writes without blocking: a client that never reads holds its connection until the idle
     * timeout, not one of the threads other requests need. The bytes are the cached ones, not a copy.
     */
    private static CompletableFuture<Void> writeAsync(Context ctx, byte[] bytes) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        try {
            ServletOutputStream out = ctx.res().getOutputStream();
            out.setWriteListener(new WriteListener() {
                private boolean written;

                @Override
                public void onWritePossible() throws IOException {
                    while (out.isReady()) {
                        if (written) {
                            done.complete(null);
                            return;
                        }
                        written = true;
                        out.write(bytes);
                    }
                }

                @Override
                public void onError(Throwable t) {
                    LOG.info("client went away while {} {} was sent: {}", ctx.method(), ctx.path(), Disconnects.describe(t));
                    done.complete(null);
                }
            });
        } catch (IOException | RuntimeException e) {
            LOG.info("could not send {} {}: {}", ctx.method(), ctx.path(), Disconnects.describe(e));
            done.complete(null);
        }
        return done;
    }

    static boolean acceptsGzip(String acceptEncoding) {
        if (acceptEncoding == null) return false;
        for (String part : acceptEncoding.split(",")) {
            String[] coding = part.trim().split(";");
            if (!coding[0].trim().equalsIgnoreCase("gzip")) continue;
            for (int i = 1; i < coding.length; i++) {
                String p = coding[i].trim();
                if (p.startsWith("q=")) {
                    try {
                        return Double.parseDouble(p.substring(2).trim()) > 0;
                    } catch (NumberFormatException e) {
                        return false;
                    }
                }
            }
            return true;
        }
        return false;
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
