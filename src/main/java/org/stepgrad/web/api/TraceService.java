package org.stepgrad.web.api;

import org.stepgrad.web.http.ApiError;
import org.stepgrad.web.http.Cached;
import org.stepgrad.web.json.TraceJson;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.stepgrad.expr.Tracer;

/**
 * Turns program text into trace JSON, once per distinct program: a class opening one link
 * computes it once. The cache is bounded by bytes, so large programs cannot exhaust memory.
 */
public final class TraceService {
    private final Cache<String, Tracer.Traced> traces = Caffeine.newBuilder()
            .maximumWeight(200_000) // nodes
            .weigher((String source, Tracer.Traced t) -> t.ok() ? t.trace().nodes().size() + 1 : 1)
            .build();
    private final Cache<String, Cached> json = Caffeine.newBuilder()
            .maximumWeight(64L << 20)
            .weigher((String source, Cached c) -> c.body().length + source.length())
            .build();

    /** The traced program, or the fault that stopped it (never thrown). */
    public Tracer.Traced trace(String source) {
        return traces.get(source, Tracer::trace);
    }

    /** The trace JSON for a program; throws {@link ApiError} for a faulty one. */
    public Cached traceJson(String source) {
        return json.get(source, s -> {
            Tracer.Traced traced = trace(s);
            if (!traced.ok()) throw ApiError.of(traced.error());
            return Cached.of(200, "application/json", TraceJson.write(traced.trace(), traced.nodeLine()));
        });
    }
}
