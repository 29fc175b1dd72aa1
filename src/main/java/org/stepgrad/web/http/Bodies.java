package org.stepgrad.web.http;

import io.javalin.http.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a request body so that a body cut short or sent too slowly becomes our answer (408,
 * 400) and one log line, rather than Javalin's empty page or a stack trace.
 */
public final class Bodies {
    private static final Logger LOG = LoggerFactory.getLogger(Bodies.class);

    private Bodies() {
    }

    public static String text(Context ctx) {
        try {
            return ctx.body();
        } catch (Exception e) { // Javalin rethrows the servlet's IOException unchecked, as itself
            if (e instanceof ApiError || e instanceof io.javalin.http.HttpResponseException) throw (RuntimeException) e;
            boolean gone = Disconnects.isClientGone(e);
            int status = gone ? 400 : Disconnects.refusedStatus(e);
            if (!gone && status == 0) {
                if (e instanceof RuntimeException r) throw r;
                throw new java.io.UncheckedIOException(new java.io.IOException(e));
            }
            LOG.info("{} {}: {}", gone ? "client went away while sending" : "refused a slow body for",
                    ctx.path(), Disconnects.describe(e));
            throw new ApiError(status, gone ? "the request body ended before its Content-Length" : Errors.sentence(status, ctx.path(), "POST"));
        }
    }
}
