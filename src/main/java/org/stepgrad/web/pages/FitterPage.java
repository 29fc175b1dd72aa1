package org.stepgrad.web.pages;

import io.javalin.http.Context;
import java.util.Map;
import org.stepgrad.lesson.Lesson;
import org.stepgrad.model.PolynomialFit;
import org.stepgrad.web.api.FitQuery;
import org.stepgrad.web.api.FitService;
import org.stepgrad.web.api.LessonController;
import org.stepgrad.web.http.ApiError;
import org.stepgrad.web.http.ByteCache;
import org.stepgrad.web.http.Cached;
import org.stepgrad.lesson.LessonLibrary;
import org.stepgrad.web.view.FitterView;
import org.stepgrad.web.view.FitterViews;

/**
 * GET /lessons/{id}/fitter?k=…&it=N[&run=r][&steps=S&rate=α&method=…][&points=x,y;…[&add=…|move=…|remove=…]]: the Curve Fitter's
 * drawable parts as an HTML fragment (curve, loss, knob readouts and arrows, the newest stretch
 * of training on the loss plot, the marker, the graph link), which fitter.js swaps into the panel.
 * With {@code run=r} the knobs are recorded run r's at iteration {@code it}. The data are the
 * link's points (the lesson's when absent) after one edit made on the plot ({@link PointEdit}).
 */
public final class FitterPage {
    private final LessonLibrary library;
    private final FitService fits;
    private final Templates templates;
    private final ByteCache<Key, Cached> parts = ByteCache.responses(32L << 20, k -> 16L * k.query().points().size() + 8L * k.query().knobs().size());

    /**
     * A fragment depends on the answer's query, where the run starts on the loss plot, the picked
     * run, and the lesson drawing it: its id, slider range and rate, and its recorded runs (a
     * reloaded lesson's runs are new objects, so its old fragments stop being asked for).
     */
    record Key(String lesson, FitQuery query, int from, int picked, double range, double rate, java.util.List<org.stepgrad.lesson.Training> runs) {
    }

    public FitterPage(LessonLibrary library, FitService fits, Templates templates) {
        this.library = library;
        this.fits = fits;
        this.templates = templates;
    }

    public void parts(Context ctx) {
        Panel panel = Panel.of(library.current(), ctx.pathParam("id"));
        Lesson lesson = panel.lesson();
        PolynomialFit own = panel.fit();
        PolynomialFit linked = FitQuery.curve(own, ctx::queryParam);
        java.util.List<org.stepgrad.model.Point> points = PointEdit.apply(linked.points(), ctx::queryParam);
        PolynomialFit fit = own.over(points);
        int from = iteration(ctx.queryParam("it"));
        int picked = run(ctx.queryParam("run"), lesson);
        FitQuery query = FitQuery.read(lesson, fit, ctx::queryParam);
        if (picked >= 0) {
            query = FitQuery.of(fit, FitterViews.recorded(lesson, picked, from), query.optimizer(), query.steps());
            from = Math.min(from, lesson.training().get(picked).run().iterations());
        }
        FitQuery q = query;
        int start = from;
        Key key = new Key(lesson.id(), q, start, picked, lesson.knobRange(), lesson.fitRate(), lesson.training());
        parts.get(key, k -> {
            FitterView view = FitterViews.parts(lesson, fit, fits.answer(fit, q), start, picked);
            return Cached.html(200, templates.render("fitter-parts", Map.of("f", view)));
        }).send(ctx);
    }

    /** A lesson that shows a Curve Fitter panel (and its landscape), with its curve fit. */
    record Panel(Lesson lesson, PolynomialFit fit) {
        /** The panel of the lesson called {@code id}, or a 404 that says it has none. */
        static Panel of(org.stepgrad.lesson.Catalog catalog, String id) {
            Lesson lesson = LessonController.find(catalog, id);
            PolynomialFit fit = LessonController.curve(lesson);
            if (!lesson.hasTraining()) throw new ApiError(404, "the lesson '" + lesson.id() + "' has no Curve Fitter panel");
            return new Panel(lesson, fit);
        }
    }

    static int iteration(String param) {
        if (param == null || param.isBlank()) return 0;
        try {
            int it = Integer.parseInt(param.trim());
            if (it >= 0 && it <= 1_000_000) return it;
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new ApiError(400, "it is the iteration, a whole number from 0 to 1000000, not '" + ApiError.clip(param.trim()) + "'");
    }

    static int run(String param, Lesson lesson) {
        if (param == null || param.isBlank()) return -1;
        int n = lesson.training().size();
        try {
            int r = Integer.parseInt(param.trim());
            if (r >= 0 && r < n) return r;
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new ApiError(400, "run is the number of one of the lesson's " + n + " recorded runs, from 0 to " + (n - 1) + ", not '" + ApiError.clip(param.trim()) + "'");
    }
}
