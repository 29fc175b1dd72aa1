package org.stepgrad.web.pages;

import io.javalin.http.Context;
import java.util.Map;
import org.stepgrad.lesson.Lesson;
import org.stepgrad.lesson.LessonLibrary;
import org.stepgrad.model.Classifier;
import org.stepgrad.web.api.LessonController;
import org.stepgrad.web.http.ApiError;
import org.stepgrad.web.http.ByteCache;
import org.stepgrad.web.http.Cached;
import org.stepgrad.web.view.ClassifierViews;
import org.stepgrad.web.view.StepperViews;

/**
 * GET /lessons/{id}/classifier?it=N[&run=r][&step=S]: the classifier panel's drawable parts at
 * recorded run r's iteration N (the boundary's cells and line, the points' sides, loss, accuracy,
 * the loss plot's marker, the iteration links at step S and the graph link), which classifier.js
 * swaps into the panel. The parameters are read as the Curve Fitter's are.
 */
public final class ClassifierPage {
    private final LessonLibrary library;
    private final Templates templates;
    private final ByteCache<Key, Cached> parts = ByteCache.responses(16L << 20, k -> 64);

    /** A fragment depends on the loaded lesson (a reloaded file's runs are new objects) and the three numbers. */
    record Key(Loaded lesson, int run, int it, int step) {
    }

    public ClassifierPage(LessonLibrary library, Templates templates) {
        this.library = library;
        this.templates = templates;
    }

    public void parts(Context ctx) {
        Lesson lesson = LessonController.find(library.current(), ctx.pathParam("id"));
        if (!(lesson.model() instanceof Classifier) || !lesson.hasTraining()) {
            throw new ApiError(404, "the lesson '" + lesson.id() + "' has no classifier panel");
        }
        int it = FitterPage.iteration(ctx.queryParam("it"));
        String r = ctx.queryParam("run");
        int run = r == null || r.isBlank() ? 0 : FitterPage.run(r, lesson);
        int step = StepperViews.stepParam(ctx.queryParam("step"));
        Key key = new Key(new Loaded(lesson), run, Math.min(it, lesson.training().get(run).run().iterations()), step);
        parts.get(key, k -> Cached.html(200, templates.render("classifier-parts",
                Map.of("c", ClassifierViews.parts(lesson, k.run(), k.it(), k.step()))))).send(ctx);
    }
}
