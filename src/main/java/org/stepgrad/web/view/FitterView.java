package org.stepgrad.web.view;

import java.util.List;

/**
 * The Curve Fitter panel at one setting of the knobs, ready to print: its addresses, the knobs
 * with their gradient arrows, the data and the fitted curve, the loss plot with the lesson's runs
 * (and the learner's newest), the training controls, and where the learner is. Every coordinate
 * comes from {@link FitPlot}; the panel's script asks for new parts and paints them.
 */
public record FitterView(Links links, Knobs knobs, Plot plot, LossPlot lossPlot, Runs runs, Controls controls, State state,
                         LandscapeView landscape) {

    /** The panel with the loss landscape below it (the page's; the redrawn parts carry none, it has its own route). */
    public FitterView withLandscape(LandscapeView l) {
        return new FitterView(links, knobs, plot, lossPlot, runs, controls, state, l);
    }

    /** The fragment route the script asks, the lesson page, and the graph at these knobs. */
    public record Links(String parts, String lesson, String graph) {
    }

    /** The sliders, each ±range. */
    public record Knobs(String range, List<Knob> sliders) {
        public Knobs {
            sliders = List.copyOf(sliders);
        }
    }

    /** One knob: its slider value (exact) and text, and the arrow that draws ∂L/∂k. */
    public record Knob(int index, String name, String value, String valueText, String min, String max, String gradText,
                       String arrow, String arrowClass) {
        public String id() {
            return "knob-" + index;
        }
    }

    /**
     * The data points and the curve's polylines in a box of fixed size; the points as a link's
     * {@code points=} value ("" when they are the lesson's own) and as lines "x, y" for the paste box.
     */
    public record Plot(String box, List<Dot> points, List<String> curve, String link, String lines) {
        public Plot {
            points = List.copyOf(points);
            curve = List.copyOf(curve);
        }
    }

    public record Dot(String cx, String cy, String title) {
    }

    /** The loss plot's box and axis labels; the marker sits on a recorded run at a chosen iteration, or off the plot. */
    public record LossPlot(String box, String high, String low, int iterations, String markerX, String markerY, boolean marked) {
    }

    /** The lesson's recorded runs, and the learner's newest stretch of training (empty when none). */
    public record Runs(List<Run> recorded, String minePath, String mineClass) {
        public Runs {
            recorded = List.copyOf(recorded);
        }
    }

    /** A training run from the lesson's start, drawn on the shared loss plot. */
    public record Run(int index, String label, String method, String cssClass, String lossPath, String finalText) {
    }

    /** The α box starts at the lesson's rate; a request trains at most maxSteps; each method's menu entry carries its rate. */
    public record Controls(String rate, int maxSteps, int steps, List<MethodChoice> methods) {
        public Controls {
            methods = List.copyOf(methods);
        }
    }

    /** A method in the training menu, with the rate the α box takes when it is picked (the lesson file's). */
    public record MethodChoice(String value, String label, String rate) {
    }

    /**
     * Where the learner is: the knobs as URL text, how many training steps from the start (as the
     * URL's {@code it} says), the loss there, and a sentence for the status line (or "").
     */
    public record State(String query, int iteration, String lossText, boolean diverged, String status) {
    }
}
