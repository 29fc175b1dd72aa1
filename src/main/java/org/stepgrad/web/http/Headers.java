package org.stepgrad.web.http;

import io.javalin.http.Context;

/** Security headers: a strict CSP everywhere; only /embed/ pages may be framed by other sites. */
public final class Headers {
    private static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors ";

    private Headers() {
    }

    public static void apply(Context ctx) {
        boolean embed = ctx.path().startsWith("/embed/");
        ctx.header("Content-Security-Policy", CSP + (embed ? "*" : "'self'"));
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "strict-origin-when-cross-origin");
        if (!embed) ctx.header("X-Frame-Options", "SAMEORIGIN");
    }
}
