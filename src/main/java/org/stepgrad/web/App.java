package org.stepgrad.web;

import io.javalin.Javalin;
import io.javalin.http.HttpResponseException;

/**
 * Builds the Stepgrad web app from its settings. Every route is listed in {@link #create},
 * so this file tells what the server does.
 */
public final class App {
    /** Large enough for a 2 MB program sent as JSON; our own limit answers it with a sentence. */
    private static final long MAX_BODY = 8L << 20;

    private App() {
    }

    public static Javalin create(Settings settings) {
        TraceService traces = new TraceService();
        ApiController api = new ApiController(traces);
        return Javalin.create(config -> {
            config.http.maxRequestSize = MAX_BODY;
            config.http.prefer405over404 = true;
            config.http.generateEtags = false; // ours come from content, the same on every instance
            config.startup.showJavalinBanner = false;
            config.jetty.modifyHttpConfiguration(http -> http.setRequestHeaderSize(64 * 1024)); // long permalinks
            config.routes.before(Headers::apply);

            config.routes.post("/api/trace", api::trace);
            config.routes.get("/api/lessons", ctx -> ctx.json(java.util.List.of()));

            config.routes.exception(ApiError.class, Errors::apiError);
            config.routes.exception(HttpResponseException.class, Errors::httpError);
            config.routes.exception(Exception.class, Errors::unexpected);
            config.routes.error(404, Errors::notFound);
        });
    }
}
