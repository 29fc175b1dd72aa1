package org.stepgrad.web.pages;

import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import org.stepgrad.lesson.Lesson;
import org.stepgrad.lesson.LessonLibrary;
import org.stepgrad.model.Optimizer;
import org.stepgrad.model.PolynomialFit;
import org.stepgrad.web.api.FitQuery;
import org.stepgrad.web.api.LandscapeQuery;
import org.stepgrad.web.http.Bulkhead;
import org.stepgrad.web.http.ByteCache;
import org.stepgrad.web.http.Cached;
import org.stepgrad.web.view.LandscapeViews;

/**
 * GET /lessons/{id}/landscape?k=…&x=k0&y=k1[&method=…&rate=α&beta=…&beta2=…]: the Curve Fitter's
 * landscape drawing as an HTML fragment (the slice at the knobs, the recorded runs' paths, and
 * the chosen method's update worked out), which landscape.js swaps in as the knobs move.
 */
public final class LandscapePage {
    private final LessonLibrary library;
    private final Templates templates;
    private final Bulkhead bulkhead;
    private final ByteCache<Key, Cached> parts = ByteCache.responses(16L << 20, k -> 8L * k.knobs().size() + 16L * k.points().size() + 200);

    /** A drawing depends on the loaded lesson (its model, range and runs), the knobs, the axes and the method's settings. */
    record Key(Loaded lesson, List<org.stepgrad.model.Point> points, List<Double> knobs, int x, int y, Optimizer optimizer) {
    }

    public LandscapePage(LessonLibrary library, Templates templates, Bulkhead bulkhead) {
        this.library = library;
        this.templates = templates;
        this.bulkhead = bulkhead;
    }

    public void parts(Context ctx) {
        FitterPage.Panel panel = FitterPage.Panel.of(library.current(), ctx.pathParam("id"));
        Lesson lesson = panel.lesson();
        PolynomialFit fit = FitQuery.curve(panel.fit(), ctx::queryParam); // over the learner's points= when given
        FitQuery query = FitQuery.read(lesson, fit, ctx::queryParam);
        LandscapeQuery axes = LandscapeQuery.read(lesson, ctx::queryParam, LandscapeViews.SIZE);
        Key key = new Key(new Loaded(lesson), fit.points(), query.knobs(), axes.x(), axes.y(), query.optimizer());
        parts.get(key, k -> bulkhead.call(() -> Cached.html(200, templates.render("landscape-parts", Map.of("l",
                LandscapeViews.of(lesson, fit, query.knobArray(), new LandscapeViews.Axes(axes.x(), axes.y()), query.optimizer())))))).send(ctx);
    }
}
