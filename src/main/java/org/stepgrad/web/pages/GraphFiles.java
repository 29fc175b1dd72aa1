package org.stepgrad.web.pages;

import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import org.stepgrad.lesson.Catalog;
import org.stepgrad.lesson.Lesson;
import org.stepgrad.lesson.LessonLibrary;
import org.stepgrad.replay.Replay;
import org.stepgrad.web.api.LessonController;
import org.stepgrad.web.api.OembedController;
import org.stepgrad.web.api.TraceService;
import org.stepgrad.web.http.ApiError;
import org.stepgrad.web.http.ByteCache;
import org.stepgrad.web.http.Cached;
import org.stepgrad.web.http.Headers;
import org.stepgrad.web.view.StepperViews;

/**
 * The graph at a step as a standalone SVG file ({@code /lessons/{id}/graph.svg},
 * {@code /playground/graph.svg}), for slides and vector editors: the same drawing the page shows,
 * with the graph's rules of stepgrad.css inside and no outside references.
 */
public final class GraphFiles implements OembedController.Drawings {
    /** Everything a file depends on: the lesson (or null) or program, the knobs, the step and the open groups. */
    private record Key(Loaded lesson, String source, String k, int step, Set<Integer> open) {
    }

    private final LessonLibrary library;
    private final TraceService traces;
    private final Templates templates;
    private final StepperViews steppers;
    private final String style = GraphStyle.load();
    private final ByteCache<Key, Cached> files = ByteCache.responses(32L << 20,
            k -> 2L * ((k.source() == null ? 0 : k.source().length()) + (k.k() == null ? 0 : k.k().length())));

    public GraphFiles(LessonLibrary library, TraceService traces, Templates templates, StepperViews steppers) {
        this.library = library;
        this.traces = traces;
        this.templates = templates;
        this.steppers = steppers;
    }

    /** GET /lessons/{id}/graph.svg?step=N (&k=… the graph at other knobs, &open=3,7). */
    public void lesson(Context ctx) {
        Catalog catalog = library.current();
        Lesson lesson = LessonController.find(catalog, ctx.pathParam("id"));
        String k = ctx.queryParam("k");
        Set<Integer> open = StepperViews.groupsParam(ctx.queryParam("open"));
        String step = ctx.queryParam("step");
        String source = k == null || lesson.model() == null ? lesson.program() : lesson.model().program(LessonController.knobs(k, lesson));
        Replay replay = traces.replay(source);
        int s = step(step, replay);
        drawing(ctx);
        ctx.header("Content-Disposition", "inline; filename=\"" + lesson.id() + "-step-" + s + ".svg\"");
        files.get(new Key(new Loaded(lesson), null, k, s, open),
                x -> svg(replay, s, open, lesson.title() + " at step " + s)).send(ctx);
    }

    /** GET /playground/graph.svg?source=…&step=N (&open=3,7). */
    public void playground(Context ctx) {
        String source = ctx.queryParam("source");
        if (source == null) throw new ApiError(400, "add the program as ?source=…");
        Set<Integer> open = StepperViews.groupsParam(ctx.queryParam("open"));
        Replay replay = traces.replay(source); // a faulty program is answered 400 with its fault
        int s = step(ctx.queryParam("step"), replay);
        drawing(ctx);
        ctx.header("Content-Disposition", "inline; filename=\"playground-step-" + s + ".svg\"");
        files.get(new Key(null, source, null, s, open), x -> svg(replay, s, open, "Stepgrad playground at step " + s)).send(ctx);
    }

    /** The page's CSP forbids inline style, which is all a file opened in its own tab is painted with. */
    private static void drawing(Context ctx) {
        ctx.header("Content-Security-Policy", Headers.DRAWING_CSP);
    }

    /** Unlike a page's link, a file's step is not clamped: a picture of some other step than asked for would mislead. */
    static int step(String param, Replay replay) {
        if (param == null) return 0;
        String p = param.strip();
        int total = replay.stepCount();
        if (!p.matches("\\d{1,9}") || Long.parseLong(p) > total) {
            throw new ApiError(400, "step must be a whole number from 0 to " + total + " (this graph has " + total + " steps)");
        }
        return Integer.parseInt(p);
    }

    private Cached svg(Replay replay, int s, Set<Integer> open, String title) {
        String svg = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + templates.render("graph-file",
                Map.of("g", steppers.graph(replay, s, open), "style", style, "title", title));
        return Cached.of(200, "image/svg+xml; charset=utf-8", svg.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public OembedController.Drawing lesson(Lesson lesson, int step) {
        Replay replay = traces.replay(lesson.program());
        return drawing("/lessons/" + lesson.id() + "/graph.svg?step=", replay, step);
    }

    @Override
    public OembedController.Drawing program(String source, int step) {
        if (source == null || !traces.trace(source).ok()) return null;
        return drawing("/playground/graph.svg?source=" + PageController.enc(source) + "&step=", traces.replay(source), step);
    }

    /** A link's step beyond the end shows the end, as the page it names does. */
    private OembedController.Drawing drawing(String pathUpToStep, Replay replay, int step) {
        int s = replay.clamp(step);
        org.stepgrad.web.view.GraphView g = steppers.graph(replay, s, Set.of());
        return new OembedController.Drawing(pathUpToStep + s, Double.parseDouble(g.width()), Double.parseDouble(g.height()));
    }
}
