package org.stepgrad.web.view;

import java.util.List;

/**
 * The classifier panel at one iteration of a recorded run, ready to print: the decision-boundary
 * plot (shaded cells, the p = 0.5 line, the points by class with a shape and a colour each), the
 * loss and accuracy there, the loss plot with its marker, and the ways to move the iteration (a
 * slider for the script, links that work without it). Every coordinate comes from {@link BoundaryPlot}.
 */
public record ClassifierView(Links links, Boundary boundary, FitterView.LossPlot lossPlot, List<FitterView.Run> runs,
                             State state, List<IterationLink> iterations) {
    public ClassifierView {
        runs = List.copyOf(runs);
        iterations = List.copyOf(iterations);
    }

    /** The fragment route the script asks, and the graph at this iteration's weights. */
    public record Links(String parts, String graph) {
    }

    /** The plot: its box, the shaded cells, the 0.5 line, the points and the axes' end values. */
    public record Boundary(String box, List<BoundaryPlot.Band> bands, String contour, List<Mark> points,
                           String xLow, String xHigh, String yLow, String yHigh) {
        public Boundary {
            bands = List.copyOf(bands);
            points = List.copyOf(points);
        }
    }

    /**
     * One data point: a circle (class 0) at (cx, cy) or a triangle (class 1) drawn by {@code path};
     * its class says its colour, and "wrong" when it lies on the other class's side at this iteration.
     */
    public record Mark(boolean triangle, String cx, String cy, String path, String cssClass, String title) {
    }

    /**
     * Which run and iteration are shown, of how many, and the loss and accuracy there; {@code sideText}
     * says why no line is drawn when p stays on one side of one half over the whole plot, else "".
     */
    public record State(int run, int iteration, int iterations, String lossText, String accuracyText, String sideText) {
    }

    /** A no-script link to the panel at one iteration; the current one is marked. */
    public record IterationLink(int iteration, String href, boolean current) {
        public String cssClass() {
            return current ? "iteration-link current" : "iteration-link";
        }
    }
}
