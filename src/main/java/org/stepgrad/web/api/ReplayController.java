package org.stepgrad.web.api;

import io.javalin.http.Context;
import org.stepgrad.lesson.Lesson;
import org.stepgrad.lesson.LessonLibrary;
import org.stepgrad.web.http.ApiError;
import org.stepgrad.web.http.ByteCache;
import org.stepgrad.web.http.Cached;
import org.stepgrad.web.http.FrontCache;
import org.stepgrad.web.json.ReplayJson;

/**
 * The replay JSON the stepper paints from: {@code GET /api/replay?source=…} for a playground
 * program and {@code GET /api/lessons/{id}/replay?k=…} for a lesson (at other knobs with k).
 * Both are the program's {@link org.stepgrad.replay.Replay}, written once per program. With
 * {@code at=s} either answers only the window of steps holding s ({@link ReplayJson#window}),
 * which is what the stepper asks for, so a large graph's first view waits for one window.
 */
public final class ReplayController {
    private final LessonLibrary library;
    private final TraceService traces;
    private final ByteCache<TraceService.Program, Cached> json =
            ByteCache.responses(96L << 20, p -> 2L * p.source().length());
    /** A window is cached by the first step it holds. */
    private record Window(TraceService.Program program, int from) {
    }

    private final ByteCache<Window, Cached> windows = ByteCache.responses(96L << 20, w -> 2L * w.program().source().length());

    public ReplayController(LessonLibrary library, TraceService traces) {
        this.library = library;
        this.traces = traces;
    }

    /** GET /api/replay?source=…. */
    public void program(Context ctx) {
        String source = ctx.queryParam("source");
        if (source == null) throw new ApiError(400, "add the program as ?source=…");
        send(ctx, source, () -> true); // the address holds the whole program
    }

    /** GET /api/lessons/{id}/replay?k=…: the lesson's graph, or the graph at other knobs. */
    public void lesson(Context ctx) {
        org.stepgrad.lesson.Catalog catalog = library.current();
        Lesson lesson = LessonController.find(catalog, ctx.pathParam("id"));
        String k = ctx.queryParam("k");
        send(ctx, k == null || lesson.model() == null ? lesson.program() : lesson.model().program(LessonController.knobs(k, lesson)),
                () -> library.current() == catalog);
    }

    /** Sends the replay of {@code source}, sent again from the front for as long as {@code current} holds. */
    private void send(Context ctx, String source, java.util.function.BooleanSupplier current) {
        String at = ctx.queryParam("at");
        if (at != null) {
            int step = step(at);
            org.stepgrad.replay.Replay replay = traces.replay(source);
            int from = Math.min(step, replay.stepCount()) / ReplayJson.WINDOW * ReplayJson.WINDOW;
            FrontCache.send(ctx, windows.get(new Window(new TraceService.Program(source), from), w -> Cached.of(200, "application/json",
                    ReplayJson.window(replay, w.from()))), current);
            return;
        }
        FrontCache.send(ctx, json.get(new TraceService.Program(source), p -> Cached.of(200, "application/json",
                ReplayJson.write(traces.replay(p.source())))), current);
    }

    /** A window's step: a whole number from 0 (past the last step means the last window). */
    private static int step(String at) {
        String digits = at.trim();
        if (!digits.isEmpty() && digits.length() <= 30 && digits.chars().allMatch(Character::isDigit)) {
            // past the last step is the last window, however far past
            return digits.length() > 9 ? Integer.MAX_VALUE : Integer.parseInt(digits);
        }
        throw new ApiError(400, "at is the step whose window of the replay to send, a whole number from 0, not '" + ApiError.clip(at) + "'");
    }
}
