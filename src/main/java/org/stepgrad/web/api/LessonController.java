package org.stepgrad.web.api;

import org.stepgrad.web.http.ApiError;
import org.stepgrad.web.http.Cached;
import org.stepgrad.web.json.LessonJson;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.javalin.http.Context;
import org.stepgrad.lesson.Catalog;
import org.stepgrad.lesson.Lesson;
import org.stepgrad.lesson.LessonLibrary;
import org.stepgrad.model.Evaluation;
import org.stepgrad.model.GradientDescent;
import org.stepgrad.model.ModelError;
import org.stepgrad.model.PolynomialFit;
import org.stepgrad.model.RandomSearch;
import org.stepgrad.model.TrainingRun;

/**
 * The lesson API: the course list, one lesson with its trace and training runs, and the Curve
 * Fitter's answers for any knobs. Every answer is computed once and cached; a lesson reloaded
 * from LESSONS_DIR is a new object, so its old answers simply stop being asked for.
 */
    public final class LessonController {
    /** Most iterations one request may ask the Curve Fitter to train. */
    public static final int MAX_STEPS = 2000;

    private final LessonLibrary library;
    private final TraceService traces;
    private final Cache<Lesson, Cached> lessonJson = Caffeine.newBuilder().weakKeys().maximumSize(200).build();
    private final Cache<String, Cached> fits = Caffeine.newBuilder().maximumSize(5_000).build();

    public LessonController(LessonLibrary library, TraceService traces) {
        this.library = library;
        this.traces = traces;
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
     * GET /api/lessons/{id}/fit?k=…&steps=N&rate=α&method=gradient-descent|random-search&from=i:
     * loss, gradient and curve at the knobs, and optionally a run of N steps from them.
     */
    public void fit(Context ctx) {
        Lesson lesson = find(library.current(), ctx.pathParam("id"));
        if (!(lesson.model() instanceof PolynomialFit fit)) {
            throw new ApiError(404, "the lesson '" + lesson.id() + "' has no curve to fit");
        }
        double[] k = knobs(ctx.queryParam("k"), lesson);
        int steps = integer(ctx.queryParam("steps"), "steps", 0, MAX_STEPS);
        double rate = ctx.queryParam("rate") == null ? defaultRate(lesson) : positive(ctx.queryParam("rate"), "rate");
        String method = ctx.queryParam("method") == null ? "gradient-descent" : ctx.queryParam("method");
        if (!method.equals("gradient-descent") && !method.equals("random-search")) {
            throw new ApiError(400, "method is gradient-descent or random-search");
        }
        int from = integer(ctx.queryParam("from"), "from", 0, 1_000_000); // where a run starts on the lesson's loss plot
        String key = lesson.id() + "\n" + System.identityHashCode(lesson) + "\n" + LessonJson.query(k) + "\n" + steps + "\n" + rate + "\n" + method + "\n" + from;
        fits.get(key, x -> {
            try {
                Evaluation at = Evaluation.of(fit, k);
                TrainingRun run = steps == 0 ? null : method.equals("random-search")
                        ? RandomSearch.run(fit, k, randomStep(lesson), steps, 6000)
                        : GradientDescent.run(fit, k, rate, steps);
                return Cached.of(200, "application/json", LessonJson.fit(fit, k, at, run, LessonJson.Scale.of(lesson, from)));
            } catch (ModelError e) {
                throw new ApiError(422, "these knobs give no finite loss: " + e.getMessage());
            }
        }).send(ctx);
    }

    public static Lesson find(Catalog catalog, String id) {
        return catalog.find(id).orElseThrow(() -> new ApiError(404, "there is no lesson '" + id + "'; GET /api/lessons lists them"));
    }

    private static double defaultRate(Lesson lesson) {
        return lesson.training().stream().filter(t -> t.rate() > 0).mapToDouble(t -> t.rate()).findFirst().orElse(0.1);
    }

    private static double randomStep(Lesson lesson) {
        return lesson.training().stream().filter(t -> t.step() > 0).mapToDouble(t -> t.step()).findFirst().orElse(0.2);
    }

    /** "k=0.5,-1,2": one number per parameter, each within ±1000. */
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
                        + " in k) is not a number: '" + clip(parts[i].trim()) + "'");
            }
            if (!Double.isFinite(k[i]) || Math.abs(k[i]) > 1000) {
                throw new ApiError(400, "the value for " + lesson.model().parameters().get(i) + " (number " + (i + 1)
                        + " in k) must be between -1000 and 1000");
            }
        }
        return k;
    }

    private static String clip(String s) {
        return s.length() <= 20 ? s : s.substring(0, 20) + "…";
    }

    private static int integer(String param, String name, int min, int max) {
        if (param == null || param.isBlank()) return min;
        try {
            int v = Integer.parseInt(param.trim());
            if (v >= min && v <= max) return v;
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new ApiError(400, name + " must be a whole number from " + min + " to " + max);
    }

    private static double positive(String param, String name) {
        try {
            double v = Double.parseDouble(param.trim());
            if (v > 0 && v <= 10) return v;
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new ApiError(400, name + " must be a number above 0 and at most 10");
    }
}
