package org.stepgrad.web.api;

import org.stepgrad.expr.Tracer;
import org.stepgrad.replay.Replay;
import org.stepgrad.web.http.ApiError;
import org.stepgrad.web.http.Bulkhead;
import org.stepgrad.web.http.ByteCache;
import org.stepgrad.web.http.Cached;
import org.stepgrad.web.http.Etag;
import org.stepgrad.web.json.TraceJson;

/**
 * Turns program text into its trace and its {@link Replay}, once per distinct program: a class
 * opening one link computes it once, and every page, API answer and warm-up asks here, so a
 * replay is built in this one place. The caches are bounded by bytes, so large programs cannot
 * exhaust memory, and every computation on a miss runs under the {@link Bulkhead}, so a flood of
 * distinct programs is answered 503 instead of taking the threads cached pages need.
 */
public final class TraceService {
    /** What a trace and its replay depend on: the program text alone. */
    public record Program(String source) {
    }

    /** Roughly what a replay keeps per node (texts for every change, frames, marks), measured on the course. */
    private static final long REPLAY_BYTES_PER_NODE = 1_200;

    /** About what one traced node holds: its record, its steps and their contributions. */
    private static final long TRACE_BYTES_PER_NODE = 320;

    private final Bulkhead bulkhead;
    private final ByteCache<Program, Tracer.Traced> traces = ByteCache.of(64L << 20,
            (p, t) -> chars(p) + (t.ok() ? TRACE_BYTES_PER_NODE * t.trace().nodes().size() : 0));
    private final ByteCache<Program, Replay> replays = ByteCache.of(256L << 20,
            (p, r) -> chars(p) + REPLAY_BYTES_PER_NODE * r.trace().nodes().size());
    private final ByteCache<Program, Cached> json = ByteCache.responses(64L << 20, TraceService::chars);

    public TraceService() {
        this(Bulkhead.forCores());
    }

    public TraceService(Bulkhead bulkhead) {
        this.bulkhead = bulkhead;
    }

    /** The bulkhead this service computes under, for other expensive work (layout, fits) to share. */
    public Bulkhead bulkhead() {
        return bulkhead;
    }

    private static long chars(Program p) {
        return p.source() == null ? 0 : 2L * p.source().length();
    }

    /** The traced program, or the fault that stopped it (never thrown). */
    public Tracer.Traced trace(String source) {
        return traces.get(new Program(source), p -> bulkhead.call(() -> Tracer.trace(p.source())));
    }

    /** The replay of a program; throws {@link ApiError} for a faulty one. */
    public Replay replay(String source) {
        return replays.get(new Program(source), p -> {
            Tracer.Traced traced = trace(p.source());
            if (!traced.ok()) throw ApiError.of(traced.error());
            return bulkhead.call(() -> new Replay(traced.trace(), traced.nodeLine(), p.source()));
        });
    }

    /**
     * The trace JSON for a program; throws {@link ApiError} for a faulty one. Written straight from
     * the trace, narrated as it streams: the API needs no Replay, and building one first (frames,
     * marks, groups for every step) cost more than the trace itself.
     */
    public Cached traceJson(String source) {
        return json.get(new Program(source), p -> {
            Tracer.Traced traced = trace(p.source());
            if (!traced.ok()) throw ApiError.of(traced.error());
            return bulkhead.call(() -> {
                TraceJson.Written written = TraceJson.written(traced.trace(), traced.nodeLine());
                return Cached.of(200, "application/json", written.bytes(), Etag.ofDigest(written.sha256()));
            });
        });
    }
}
