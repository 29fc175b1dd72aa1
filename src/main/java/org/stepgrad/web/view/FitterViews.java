package org.stepgrad.web.view;

import java.util.ArrayList;
import java.util.List;
import org.stepgrad.lesson.Lesson;
import org.stepgrad.lesson.Training;
import org.stepgrad.model.FitResult;
import org.stepgrad.model.Method;
import org.stepgrad.model.ModelError;
import org.stepgrad.model.Point;
import org.stepgrad.model.PolynomialFit;
import org.stepgrad.model.TrainingRun;
import org.stepgrad.replay.Format;

/**
 * Builds the Curve Fitter's panel: on the lesson page at the link's knobs, and as the parts a
 * fitter request redraws (after a slider move, a stretch of training, or a pick of a recorded
 * run's iteration). Every coordinate is computed here through {@link FitPlot}.
 */
public final class FitterViews {
    /** The steps box starts here. */
    static final int DEFAULT_STEPS = 100;

    private FitterViews() {
    }

    /**
     * The panel of a lesson page whose link holds {@code knobs} (null: the start) at iteration
     * {@code it}, over {@code points} (null: the lesson's), with its landscape over knobs {@code x}
     * and {@code y} (by name; null or unknown: the first two); {@code refused} is the sentence for a
     * link's points that could not be read (or ""). Null without a fitter.
     */
    public static FitterView page(Lesson lesson, double[] knobs, int it, List<Point> points, String refused, String x, String y) {
        if (!(lesson.model() instanceof PolynomialFit own) || !lesson.hasTraining()) return null;
        PolynomialFit fit = own.over(points);
        FitResult at;
        try {
            at = FitResult.of(fit, knobs == null ? fit.start() : knobs, lesson.optimizer(Method.GRADIENT_DESCENT), 0, 0);
        } catch (ModelError e) {
            at = FitResult.of(fit, fit.start(), lesson.optimizer(Method.GRADIENT_DESCENT), 0, 0); // a link's knobs may overflow
            it = 0;
        }
        FitterView panel = view(lesson, fit, at.knobs(), at.loss(), at.gradient(), Math.max(0, it), refused, false, null, -1, "");
        return panel.withLandscape(LandscapeViews.of(lesson, fit, at.knobs(), LandscapeViews.Axes.read(fit, x, y), lesson.optimizer(Method.GRADIENT_DESCENT)));
    }

    /**
     * The parts after a fitter request: at the answer's knobs, or where its run ended. A run is drawn
     * on the lesson's loss plot from iteration {@code from}; {@code picked} (or -1) is the recorded run
     * whose iteration {@code from} the knobs came from, marked on the plot.
     */
    public static FitterView parts(Lesson lesson, PolynomialFit fit, FitResult answer, int from, int picked) {
        FitResult.Run run = answer.run();
        if (run == null) return view(lesson, fit, answer.knobs(), answer.loss(), answer.gradient(), from, "", false, null, picked, "");
        int it = from + run.iterations();
        boolean stopped = run.diverged() || run.escaped();
        double[] losses = run.losses();
        // the run stopped at the last step whose loss was finite and whose knobs were within range
        String status = !stopped ? ""
                : run.iterations() == 0 ? "The learning rate is too big: the first step sends the loss or the knobs out of range, so training stopped at step " + from + ". Try a smaller α."
                : "The learning rate is too big: the loss grew from " + Format.number(losses[0]) + " to "
                + Format.number(losses[losses.length - 1]) + " by step " + it + ", and training stopped there. Reset and try a smaller α.";
        return view(lesson, fit, run.knobs(), run.loss(), run.gradient(), it, status, stopped, run, picked, scaleOf(lesson).path(run.losses(), from));
    }

    /** The knobs of recorded run {@code run} at iteration {@code it} (its last, if it ended sooner). */
    public static double[] recorded(Lesson lesson, int run, int it) {
        TrainingRun r = lesson.training().get(run).run();
        return r.params().get(Math.min(it, r.params().size() - 1));
    }

    private static FitterView view(Lesson lesson, PolynomialFit fit, double[] knobs, double loss, double[] gradient, int it,
                                   String status, boolean stopped, FitResult.Run run, int picked, String minePath) {
        FitPlot plot = new FitPlot(fit.points());
        double range = lesson.knobRange();
        List<FitterView.Knob> sliders = new ArrayList<>();
        for (int i = 0; i < knobs.length; i++) {
            double g = gradient[i];
            sliders.add(new FitterView.Knob(i, fit.parameters().get(i), Format.exact(knobs[i]), Format.number(knobs[i]),
                    Format.exact(-range), Format.exact(range), Format.number(g), FitPlot.arrow(g), FitPlot.arrowClass(g)));
        }
        List<FitterView.Dot> dots = fit.points().stream()
                .map(p -> new FitterView.Dot(Format.coordinate(plot.sx(p.x())), Format.coordinate(plot.sy(p.y())),
                        "(" + Format.number(p.x()) + ", " + Format.number(p.y()) + ")"))
                .toList();
        String query = KnobLink.text(knobs);
        String id = lesson.id();
        boolean own = fit.points().equals(((PolynomialFit) lesson.model()).points());
        // the lesson's graph is over its own points; another data set's graph is its program in the playground
        String graph = own ? "/lessons/" + id + "?step=0" + new KnobLink(query, it).query()
                : "/playground?source=" + java.net.URLEncoder.encode(fit.program(knobs), java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
        StringBuilder lines = new StringBuilder();
        for (Point p : fit.points()) lines.append(Format.exact(p.x())).append(", ").append(Format.exact(p.y())).append('\n');
        return new FitterView(
                new FitterView.Links("/lessons/" + id + "/fitter", "/lessons/" + id, graph),
                new FitterView.Knobs(Format.exact(range), sliders),
                new FitterView.Plot("0 0 " + FitPlot.WIDTH + " " + FitPlot.HEIGHT, dots, plot.curve(knobs),
                        own ? "" : KnobLink.points(fit.points()), lines.toString()),
                lossPlot(lesson, picked, it),
                new FitterView.Runs(recordedRuns(lesson), minePath, run == null ? "" : "run mine " + kind(run.method().id())),
                new FitterView.Controls(Format.exact(lesson.fitRate()), FitResult.MAX_STEPS, DEFAULT_STEPS, methods(lesson)),
                new FitterView.State(query, it, Format.number(loss), stopped, status), null);
    }

    /** The loss plot's scale and labels, its marker on recorded run {@code picked} (-1: none) at iteration {@code it}. */
    static FitterView.LossPlot lossPlot(Lesson lesson, int picked, int it) {
        FitPlot.LossScale scale = scaleOf(lesson);
        boolean marked = picked >= 0 && picked < lesson.training().size();
        String mx = "-10", my = "-10";
        if (marked) {
            double[] losses = lesson.training().get(picked).run().losses();
            int i = Math.min(it, losses.length - 1);
            mx = Format.coordinate(scale.x(i));
            my = Format.coordinate(scale.y(losses[i]));
        }
        return new FitterView.LossPlot("0 0 " + FitPlot.LOSS_WIDTH + " " + FitPlot.LOSS_HEIGHT, Format.number(Math.pow(10, scale.logMax())),
                Format.number(Math.pow(10, scale.logMin())), scale.iterations(), mx, my, marked);
    }

    /** The lesson's recorded runs on the shared loss scale, each with its label and how it ended. */
    static List<FitterView.Run> recordedRuns(Lesson lesson) {
        FitPlot.LossScale scale = scaleOf(lesson);
        List<FitterView.Run> recorded = new ArrayList<>();
        for (int i = 0; i < lesson.training().size(); i++) {
            Training t = lesson.training().get(i);
            String end = t.run().diverged() ? "diverged" : "final loss " + Format.number(t.run().finalLoss());
            recorded.add(new FitterView.Run(i, t.label(), t.method(), "run run-" + i + " " + kind(t.method()),
                    scale.path(t.run().losses(), 0), end));
        }
        return recorded;
    }

    /** The training menu: every method, each with the rate the lesson file gives it (random search's α box is unused). */
    private static List<FitterView.MethodChoice> methods(Lesson lesson) {
        List<FitterView.MethodChoice> out = new ArrayList<>();
        for (Method m : Method.values()) {
            String rate = m == Method.RANDOM_SEARCH ? Format.exact(lesson.fitRate()) : Format.exact(lesson.optimizer(m).size());
            out.add(new FitterView.MethodChoice(m.id(), m.label(), rate));
        }
        return out;
    }

    private static FitPlot.LossScale scaleOf(Lesson lesson) {
        return FitPlot.LossScale.of(lesson.training().stream().map(t -> t.run().losses()).toList());
    }

    private static String kind(String method) {
        return Training.RANDOM_SEARCH.equals(method) ? "random" : "descent";
    }
}
