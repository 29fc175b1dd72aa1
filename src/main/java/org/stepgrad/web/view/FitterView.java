package org.stepgrad.web.view;

import java.util.List;

/**
 * The Curve Fitter panel at one setting of the knobs: the sliders with their gradient arrows,
 * the data and the fitted curve, and the loss over the lesson's training runs. Every coordinate
 * comes from {@link FitPlot}; the panel's script asks the fit API for new ones and paints them.
 *
 * @param iteration how many training steps the knobs are from the start (as the URL says)
 */
public record FitterView(String api, String lessonHref, String range, String rate, List<Knob> knobs, String lossText,
                         String plotBox, List<Dot> points, List<String> curve, String lossBox, List<Run> runs,
                         String lossHigh, String lossLow, int iteration, int iterations, String graphHref, String query) {
    public FitterView {
        knobs = List.copyOf(knobs);
        points = List.copyOf(points);
        curve = List.copyOf(curve);
        runs = List.copyOf(runs);
    }

    /** One knob: its slider value and the arrow that draws ∂L/∂k. */
    public record Knob(int index, String name, String value, String valueText, String min, String max, String gradText, String arrow,
                       String arrowClass) {
        public String id() {
            return "knob-" + index;
        }
    }

    public record Dot(String cx, String cy, String title) {
    }

    /** A training run from the lesson's start, drawn on the shared loss plot. */
    public record Run(int index, String label, String method, String cssClass, String lossPath, String finalText) {
    }
}
