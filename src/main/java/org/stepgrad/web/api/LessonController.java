package org.stepgrad.web.api;

import org.stepgrad.web.http.ApiError;
import org.stepgrad.web.http.ByteCache;
import org.stepgrad.web.http.Cached;
import org.stepgrad.web.json.LessonJson;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.javalin.http.Context;
import org.stepgrad.lesson.Catalog;
import org.stepgrad.lesson.Lesson;
import org.stepgrad.lesson.LessonLibrary;
import org.stepgrad.model.FitResult;
import org.stepgrad.model.PolynomialFit;
import org.stepgrad.replay.Format;

/**
 * The lesson API: the course list, one lesson with its trace and training runs, and the Curve
 * Fitter's answers for any knobs. Every answer is computed once and cached; a lesson reloaded
 * from LESSONS_DIR is a new object, so its old answers simply stop being asked for.
 */
public final class LessonController {
    private final LessonLibrary library;
    private final TraceService traces;
    private final Cache<Lesson, Cached> lessonJson = Caffeine.newBuilder().weakKeys().maximumSize(200).build();
    private final FitService fits = new FitService();
    private final LandscapeService landscapes;
    private final ByteCache<FitQuery, Cached> fitJson = ByteCache.responses(16L << 20, q -> 16L * q.points().size() + 8L * q.knobs().size());

    public LessonController(LessonLibrary library, TraceService traces) {
        this.library = library;
        this.traces = traces;
        this.landscapes = new LandscapeService(traces.bulkhead());
    }

    public LessonLibrary library() {
        return library;
    }

    /** GET /api/lessons. */
    public void list(Context ctx) {
        Catalog catalog = library.current();
        Cached.of(200, "application/json", LessonJson.list(catalog.lessons())).send(ctx);
    }

    /** GET /api/lessons/{id}. */
    public void lesson(Context ctx) {
        Catalog catalog = library.current();
        Lesson lesson = find(catalog, ctx.pathParam("id"));
        String next = catalog.next(lesson).map(Lesson::id).orElse(null);
        lessonJson.get(lesson, l -> Cached.of(200, "application/json", LessonJson.lesson(l, traces.replay(l.program()), next))).send(ctx);
    }

    /** GET /api/lessons/{id}/trace?k=…: the graph at other knob values (the start when k is absent). */
    public void trace(Context ctx) {
        Lesson lesson = find(library.current(), ctx.pathParam("id"));
        if (lesson.model() == null) {
            traces.traceJson(lesson.program()).send(ctx);
            return;
        }
        double[] k = knobs(ctx.queryParam("k"), lesson);
        traces.traceJson(lesson.model().program(k)).send(ctx);
    }

    /**
     * GET /api/lessons/{id}/fit?k=…&steps=N&rate=α&method=gradient-descent|random-search(&points=x,y;…):
     * numbers only (the loss and gradient at the knobs, and a run of N steps from them with its loss per
     * iteration); the fitter's drawing is the page fragment GET /lessons/{id}/fitter.
     */
    public void fit(Context ctx) {
        Lesson lesson = find(library.current(), ctx.pathParam("id"));
        PolynomialFit fit = FitQuery.curve(curve(lesson), ctx::queryParam);
        FitQuery query = FitQuery.read(lesson, fit, ctx::queryParam);
        fitJson.get(query, q -> Cached.of(200, "application/json", LessonJson.fit(fits.answer(fit, q), q.optimizer()))).send(ctx);
    }

    /**
     * GET /api/lessons/{id}/landscape?x=k0&y=k2&size=15&k=…: the loss over a grid of two knobs
     * (each across the sliders' range), the others held at {@code k} (the lesson's start when absent).
     */
    public void landscape(Context ctx) {
        Lesson lesson = find(library.current(), ctx.pathParam("id"));
        LandscapeQuery query = LandscapeQuery.read(lesson, ctx::queryParam, LandscapeQuery.DEFAULT_SIZE);
        Cached.of(200, "application/json", LessonJson.landscape(lesson.model().parameters(), landscapes.slice(lesson, query))).send(ctx);
    }

    /** The landscape slices, shared with the lesson page's drawing of them. */
    public LandscapeService landscapes() {
        return landscapes;
    }

    /** The lesson's curve fit, or a 404 that says the lesson has none. */
    public static PolynomialFit curve(Lesson lesson) {
        if (lesson.model() instanceof PolynomialFit fit) return fit;
        throw new ApiError(404, "the lesson '" + lesson.id() + "' has no curve to fit");
    }

    /** The Curve Fitter's answers, shared with the fitter's page fragment. */
    public FitService fits() {
        return fits;
    }

    public static Lesson find(Catalog catalog, String id) {
        return catalog.find(id).orElseThrow(() -> new ApiError(404, "there is no lesson '" + id + "'; GET /api/lessons lists them"));
    }

    /** "k=0.5,-1,2": one number per parameter, each within ±{@link FitResult#MAX_KNOB}. */
    public static double[] knobs(String param, Lesson lesson) {
        int n = lesson.model().parameters().size();
        if (param == null || param.isBlank()) return lesson.model().start();
        String[] parts = param.split(",", -1);
        if (parts.length != n) {
            throw new ApiError(400, "k needs " + n + " numbers separated by commas (" + String.join(", ", lesson.model().parameters()) + "), not " + parts.length);
        }
        double[] k = new double[n];
        for (int i = 0; i < n; i++) {
            try {
                k[i] = Double.parseDouble(parts[i].trim());
            } catch (NumberFormatException e) {
                throw new ApiError(400, "the value for " + lesson.model().parameters().get(i) + " (number " + (i + 1)
                        + " in k) is not a number: '" + ApiError.clip(parts[i].trim()) + "'");
            }
            if (!Double.isFinite(k[i]) || Math.abs(k[i]) > FitResult.MAX_KNOB) {
                throw new ApiError(400, "the value for " + lesson.model().parameters().get(i) + " (number " + (i + 1)
                        + " in k) must be between -" + Format.exact(FitResult.MAX_KNOB) + " and " + Format.exact(FitResult.MAX_KNOB));
            }
        }
        return k;
    }
}
