package org.stepgrad.web.api;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.stepgrad.expr.Tracer;
import org.stepgrad.replay.Replay;
import org.stepgrad.web.http.ApiError;
import org.stepgrad.web.http.ByteCache;
import org.stepgrad.web.http.Cached;
import org.stepgrad.web.json.TraceJson;

/**
 * Turns program text into its trace and its {@link Replay}, once per distinct program: a class
 * opening one link computes it once, and every page, API answer and warm-up asks here, so a
 * replay is built in this one place. The caches are bounded by bytes, so large programs cannot
 * exhaust memory.
 */
public final class TraceService {
    /** What a trace and its replay depend on: the program text alone. */
    public record Program(String source) {
    }

    /** Roughly what a replay keeps per node (texts for every change, frames, marks), measured on the course. */
    private static final long REPLAY_BYTES_PER_NODE = 1_200;

    private final Cache<String, Tracer.Traced> traces = Caffeine.newBuilder()
            .maximumWeight(200_000) // nodes
            .weigher((String source, Tracer.Traced t) -> t.ok() ? t.trace().nodes().size() + 1 : 1)
            .build();
    private final ByteCache<Program, Replay> replays = ByteCache.of(256L << 20,
            (p, r) -> 2L * p.source().length() + REPLAY_BYTES_PER_NODE * r.trace().nodes().size());
    private final ByteCache<Program, Cached> json = ByteCache.responses(64L << 20, p -> 2L * p.source().length());

    /** The traced program, or the fault that stopped it (never thrown). */
    public Tracer.Traced trace(String source) {
        return traces.get(source, Tracer::trace);
    }

    /** The replay of a program; throws {@link ApiError} for a faulty one. */
    public Replay replay(String source) {
        return replays.get(new Program(source), p -> {
            Tracer.Traced traced = trace(p.source());
            if (!traced.ok()) throw ApiError.of(traced.error());
            return new Replay(traced.trace(), traced.nodeLine(), p.source());
        });
    }

    /** The trace JSON for a program; throws {@link ApiError} for a faulty one. */
    public Cached traceJson(String source) {
        return json.get(new Program(source), p -> Cached.of(200, "application/json",
                TraceJson.write(replay(p.source()), trace(p.source()).nodeLine())));
    }
}
