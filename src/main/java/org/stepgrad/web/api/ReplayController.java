package org.stepgrad.web.api;

import io.javalin.http.Context;
import org.stepgrad.lesson.Lesson;
import org.stepgrad.lesson.LessonLibrary;
import org.stepgrad.web.http.ApiError;
import org.stepgrad.web.http.ByteCache;
import org.stepgrad.web.http.Cached;
import org.stepgrad.web.json.ReplayJson;

/**
 * The replay JSON the stepper paints from: {@code GET /api/replay?source=…} for a playground
 * program and {@code GET /api/lessons/{id}/replay?k=…} for a lesson (at other knobs with k).
 * Both are the program's {@link org.stepgrad.replay.Replay}, written once per program.
 */
public final class ReplayController {
    private final LessonLibrary library;
    private final TraceService traces;
    private final ByteCache<TraceService.Program, Cached> json =
            ByteCache.responses(96L << 20, p -> 2L * p.source().length());

    public ReplayController(LessonLibrary library, TraceService traces) {
        this.library = library;
        this.traces = traces;
    }

    /** GET /api/replay?source=…. */
    public void program(Context ctx) {
        String source = ctx.queryParam("source");
        if (source == null) throw new ApiError(400, "add the program as ?source=…");
        send(ctx, source);
    }

    /** GET /api/lessons/{id}/replay?k=…: the lesson's graph, or the graph at other knobs. */
    public void lesson(Context ctx) {
        Lesson lesson = LessonController.find(library.current(), ctx.pathParam("id"));
        String k = ctx.queryParam("k");
        send(ctx, k == null || lesson.model() == null ? lesson.program() : lesson.model().program(LessonController.knobs(k, lesson)));
    }

    private void send(Context ctx, String source) {
        json.get(new TraceService.Program(source), p -> Cached.of(200, "application/json",
                ReplayJson.write(traces.replay(p.source())))).send(ctx);
    }
}
