package org.stepgrad.web.view;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.stepgrad.lesson.Lesson;
import org.stepgrad.model.Classifier;
import org.stepgrad.model.TrainingRun;
import org.stepgrad.replay.Format;

/**
 * Builds the classifier panel: on the lesson page at the link's iteration of a recorded run, and as the parts the script swaps in when the iteration moves. The boundary is
 * computed here from the weights with {@link Classifier#probability}, the points' sides with
 * {@link Classifier#correct}; the loss plot is the Curve Fitter's ({@link FitterViews#lossPlot}).
 */
public final class ClassifierViews {
    /** The no-script links stop at these iterations (those inside the run), and at its end. */
    private static final int[] STOPS = {0, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10_000};

    private ClassifierViews() {
    }

    /**
     * The panel of a lesson page at recorded run 0's iteration {@code it} (0 when the link has none).
     * The link's k (the graph's weights) is not read: the graph link writes k with its it, and the
     * slider moves it alone, so it is what the panel shows; null for a lesson without a classifier
     * and a recorded run.
     */
    public static ClassifierView page(Lesson lesson, int it, int step) {
        if (!(lesson.model() instanceof Classifier) || !lesson.hasTraining()) return null;
        return parts(lesson, 0, Math.max(0, it), step);
    }

    /** The parts at recorded run {@code run}'s iteration {@code it} (its last, if it ended sooner). */
    public static ClassifierView parts(Lesson lesson, int run, int it, int step) {
        Classifier c = (Classifier) lesson.model();
        TrainingRun r = lesson.training().get(run).run();
        int at = Math.min(it, r.iterations());
        return view(lesson, c, run, at, r.params().get(at), step);
    }

    private static ClassifierView view(Lesson lesson, Classifier c, int run, int it, double[] params, int step) {
        BoundaryPlot plot = new BoundaryPlot(c.points());
        List<ClassifierView.Mark> marks = new ArrayList<>();
        for (int i = 0; i < c.points().size(); i++) {
            Classifier.Sample s = c.points().get(i);
            double p = c.probability(params, s.x1(), s.x2());
            boolean right = (p >= 0.5) == (s.label() == 1);
            double cx = plot.sx(s.x1()), cy = plot.sy(s.x2());
            marks.add(new ClassifierView.Mark(s.label() == 1, Format.coordinate(cx), Format.coordinate(cy), BoundaryPlot.triangle(cx, cy),
                    "point class-" + s.label() + (right ? "" : " wrong"),
                    "point " + (i + 1) + " (" + Format.number(s.x1()) + ", " + Format.number(s.x2()) + "), class " + s.label()
                            + ": p = " + Format.number(p) + (right ? "" : ", on the wrong side")));
        }
        int n = c.points().size(), correct = c.correct(params);
        String accuracy = correct + " of " + n + " points on their class's side (" + Math.round(100.0 * correct / n) + "%)";
        TrainingRun r = lesson.training().get(run).run();
        String id = lesson.id();
        String graph = "/lessons/" + id + "?step=0" + KnobLink.of(params, it).query();
        List<ClassifierView.IterationLink> links = new ArrayList<>();
        TreeSet<Integer> stops = new TreeSet<>();
        for (int s : STOPS) if (s < r.iterations()) stops.add(s);
        stops.add(r.iterations());
        for (int s : stops) links.add(new ClassifierView.IterationLink(s, "/lessons/" + id + "?step=" + step + "&it=" + s, s == it));
        String box = "0 0 " + BoundaryPlot.SIZE + " " + BoundaryPlot.SIZE;
        String contour = plot.contour(c, params);
        Classifier.Sample any = c.points().get(0); // with no line, p is on one side everywhere: any place says which
        String side = !contour.isEmpty() ? ""
                : c.probability(params, any.x1(), any.x2()) >= 0.5 ? "No line: p is above one half over the whole plot, so every point is called class 1."
                : "No line: p is below one half over the whole plot, so every point is called class 0.";
        return new ClassifierView(
                new ClassifierView.Links("/lessons/" + id + "/classifier", graph),
                new ClassifierView.Boundary(box, plot.bands(c, params), contour, marks, plot.xLow(), plot.xHigh(), plot.yLow(), plot.yHigh()),
                FitterViews.lossPlot(lesson, run, it), FitterViews.recordedRuns(lesson),
                new ClassifierView.State(run, it, r.iterations(), Format.number(c.lossAt(params)), accuracy, side), links);
    }
}
