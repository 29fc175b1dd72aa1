package org.stepgrad.web.http;

import io.javalin.http.Context;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What a load balancer asks: {@code /health} is 200 while the process serves; {@code /ready}
 * is 503 until the warm-up has loaded, traced, laid out and rendered every lesson once, so
 * "ready" means the first class gets warm pages, then 200.
 */
public final class Readiness {
    private final AtomicReference<String> state;

    private Readiness(String state) {
        this.state = new AtomicReference<>(state);
    }

    /** Not ready until {@link #ready()} is called (the server started by Main). */
    public static Readiness warming() {
        return new Readiness("warming up: the lessons are being traced and rendered once");
    }

    /** Ready from the start (an app built by a test that does not warm up). */
    public static Readiness alreadyWarm() {
        return new Readiness(null);
    }

    public void ready() {
        state.set(null);
    }

    /** Says why the server is not ready yet (shown in the 503). */
    public void progress(String what) {
        if (state.get() != null) state.set(what);
    }

    public boolean isReady() {
        return state.get() == null;
    }

    /** GET /ready. */
    public void ready(Context ctx) {
        String waiting = state.get();
        answer(ctx, waiting == null ? 200 : 503, waiting == null ? "ready" : "warming", waiting);
        if (waiting != null) ctx.header("Retry-After", "1");
    }

    /** GET /health. */
    public void health(Context ctx) {
        answer(ctx, 200, "serving", null);
    }

    private static void answer(Context ctx, int status, String word, String detail) {
        byte[] body = org.stepgrad.web.json.Json.bytes(json -> {
            json.writeStartObject();
            json.writeStringField("status", word);
            if (detail != null) json.writeStringField("detail", detail);
            json.writeEndObject();
        });
        ctx.header("Cache-Control", "no-store");
        ctx.status(status).contentType("application/json").result(body);
    }
}
