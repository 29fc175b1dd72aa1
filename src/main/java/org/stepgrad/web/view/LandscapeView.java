package org.stepgrad.web.view;

import java.util.List;

/**
 * The loss landscape beside a Curve Fitter, ready to print: a heat map of the loss over two
 * knobs (the others held, and said so), the lesson's recorded runs drawn on it as paths that
 * differ by line style and marker as well as colour, where the knobs are now, the axis choices,
 * and one update of the chosen method worked out for the x knob. {@code contours} are the band
 * edges as path data, one per level, drawn over the bands so the map reads as a contour plot. Every coordinate is computed
 * by {@link LandscapeViews}; the script swaps the drawing in as the knobs move.
 */
public record LandscapeView(String parts, String box, List<Choice> xChoices, List<Choice> yChoices, Axes axes, String slice,
                            List<Cell> cells, List<String> contours, List<Path> paths, Here here, String scale, Worked worked, String query) {
    public LandscapeView {
        xChoices = List.copyOf(xChoices);
        yChoices = List.copyOf(yChoices);
        cells = List.copyOf(cells);
        contours = List.copyOf(contours);
        paths = List.copyOf(paths);
    }

    /** A knob in an axis menu. */
    public record Choice(String value, boolean selected) {
    }

    /** The axes' names and end values, placed. */
    public record Axes(String xName, String yName, String xLow, String xHigh, String yLow, String yHigh,
                       String left, String right, String top, String bottom, String xNameX, String xNameY, String yNameX, String yNameY) {
    }

    /** A run of cells in one row that share a loss band (merged so a slice is tens of rectangles, not hundreds). */
    public record Cell(String x, String y, String width, String height, String cssClass) {
    }

    /**
     * A recorded run's path through the two knobs, cut where it leaves the map; its end marker
     * (a shape per run), and the legend's sample of the same line and marker.
     */
    public record Path(int index, String label, String cssClass, List<String> segments, String marker, String sampleMarker, String note) {
        public Path {
            segments = List.copyOf(segments);
        }
    }

    /** Where the knobs are now, or off the map. */
    public record Here(String cx, String cy, boolean shown, String text) {
    }

    /** One method's update of one knob, written out: a heading and its lines of arithmetic. */
    public record Worked(String heading, List<String> lines) {
        public Worked {
            lines = List.copyOf(lines);
        }
    }
}
