package org.stepgrad.web.http;

import io.javalin.http.Context;
import java.util.function.BiConsumer;

/**
 * Security headers: a strict CSP everywhere; only /embed/ pages may be framed by other sites.
 * Set on every answer, Jetty's own errors included, through {@link #each}.
 */
public final class Headers {
    private static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors ";

    /** A standalone drawing: its own inline style and nothing else; no script, no fetch of any kind. */
    public static final String DRAWING_CSP = "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'self'";

    private Headers() {
    }

    public static void apply(Context ctx) {
        each(ctx.path(), ctx::header);
    }

    /** Gives each security header for an answer at {@code path} to {@code header}. */
    public static void each(String path, BiConsumer<String, String> header) {
        boolean embed = path != null && path.startsWith("/embed/");
        header.accept("Content-Security-Policy", CSP + (embed ? "*" : "'self'"));
        header.accept("X-Content-Type-Options", "nosniff");
        header.accept("Referrer-Policy", "strict-origin-when-cross-origin");
        if (!embed) header.accept("X-Frame-Options", "SAMEORIGIN");
    }
}
