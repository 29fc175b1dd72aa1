package org.stepgrad.web.view;

import java.util.ArrayList;
import java.util.List;
import org.stepgrad.model.Point;
import org.stepgrad.replay.Format;
import org.stepgrad.model.PolynomialFit;

/**
 * The coordinates of the Curve Fitter's plots, computed here so the browser only paints: the data
 * points and the fitted curve in a fixed SVG box (the y range is fixed by the data, so the box
 * does not jump as knobs move), and loss curves on a log scale.
 */
    public final class FitPlot {
    public static final int WIDTH = 400;
    public static final int HEIGHT = 260;
    public static final int LOSS_WIDTH = 400;
    public static final int LOSS_HEIGHT = 180;
    private static final int PAD = 12;
    private static final int SAMPLES = 160;

    private final double xMin;
    private final double xMax;
    private final double yMin;
    private final double yMax;

    public FitPlot(List<Point> points) {
        double x0 = Double.POSITIVE_INFINITY, x1 = Double.NEGATIVE_INFINITY, y0 = x0, y1 = x1;
        for (Point p : points) {
            x0 = Math.min(x0, p.x());
            x1 = Math.max(x1, p.x());
            y0 = Math.min(y0, p.y());
            y1 = Math.max(y1, p.y());
        }
        double dx = Math.max(x1 - x0, 1e-9), dy = Math.max(y1 - y0, 1);
        xMin = x0 - 0.05 * dx;
        xMax = x1 + 0.05 * dx;
        yMin = y0 - 0.35 * dy;
        yMax = y1 + 0.35 * dy;
    }

    public double sx(double x) {
        return PAD + (x - xMin) / (xMax - xMin) * (WIDTH - 2 * PAD);
    }

    public double sy(double y) {
        return HEIGHT - PAD - (y - yMin) / (yMax - yMin) * (HEIGHT - 2 * PAD);
    }

    /** The curve as polyline point lists, cut where it leaves the box (it may leave and come back). */
    public List<String> curve(double[] knobs) {
        List<String> segments = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (int i = 0; i <= SAMPLES; i++) {
            double x = xMin + (xMax - xMin) * i / SAMPLES;
            double y = PolynomialFit.value(knobs, x);
            if (Double.isFinite(y) && y >= yMin && y <= yMax) {
                if (!current.isEmpty()) current.append(' ');
                current.append(coord(sx(x))).append(',').append(coord(sy(y)));
            } else if (!current.isEmpty()) {
                segments.add(current.toString());
                current.setLength(0);
            }
        }
        if (!current.isEmpty()) segments.add(current.toString());
        return segments;
    }

    /** A loss curve: iteration on x (over {@code iterations}), log10(loss) on y between the given bounds. */
    public static String lossPath(double[] losses, int iterations, double logMin, double logMax) {
        StringBuilder path = new StringBuilder();
        double span = Math.max(logMax - logMin, 1e-9);
        for (int i = 0; i < losses.length; i++) {
            double x = PAD + (double) i / Math.max(iterations, 1) * (LOSS_WIDTH - 2 * PAD);
            double l = Math.log10(Math.max(losses[i], 1e-300));
            double y = LOSS_HEIGHT - PAD - (Math.min(Math.max(l, logMin), logMax) - logMin) / span * (LOSS_HEIGHT - 2 * PAD);
            if (i > 0) path.append(' ');
            path.append(coord(x)).append(',').append(coord(y));
        }
        return path.toString();
    }

    /** Loss path of a run that starts at iteration {@code from} of a plot {@code iterations} wide; points past its end are left off. */
    public static String lossPath(double[] losses, int from, int iterations, double logMin, double logMax) {
        int room = Math.max(0, Math.min(losses.length, iterations - from + 1));
        double[] shown = java.util.Arrays.copyOf(losses, room);
        String path = lossPath(shown, iterations, logMin, logMax);
        if (from == 0 || path.isEmpty()) return path;
        StringBuilder moved = new StringBuilder();
        double dx = (double) from / Math.max(iterations, 1) * (LOSS_WIDTH - 2 * PAD);
        for (String point : path.split(" ")) {
            int comma = point.indexOf(',');
            if (!moved.isEmpty()) moved.append(' ');
            moved.append(coord(Double.parseDouble(point.substring(0, comma)) + dx)).append(point.substring(comma));
        }
        return moved.toString();
    }

    /** Width and height of a knob's gradient arrow box; the arrow starts at its centre. */
    public static final int ARROW_WIDTH = 120;
    public static final int ARROW_HEIGHT = 16;

    /**
     * The arrow that draws ∂L/∂k beside a knob: pointing the way the loss rises, its length on a
     * log scale (10⁻³ is a dot, 10² and more the full half-width), so tiny and huge slopes both read.
     */
    public static String arrow(double gradient) {
        double half = ARROW_WIDTH / 2.0, mid = ARROW_HEIGHT / 2.0;
        double size = Math.abs(gradient);
        if (!(size >= 1e-3)) return "M" + coord(half - 2) + " " + coord(mid) + " H" + coord(half + 2);
        double length = (half - 4) * Math.max(0.12, Math.min(1, (Math.log10(size) + 3) / 5));
        double sign = Math.signum(gradient);
        double end = half + sign * length, back = end - sign * 6;
        return "M" + coord(half) + " " + coord(mid) + " H" + coord(end)
                + " M" + coord(back) + " " + coord(mid - 5) + " L" + coord(end) + " " + coord(mid) + " L" + coord(back) + " " + coord(mid + 5);
    }

    public static String arrowClass(double gradient) {
        return Math.abs(gradient) < 1e-3 ? "arrow zero" : gradient > 0 ? "arrow pos" : "arrow neg";
    }

    public static String coord(double v) {
        return Format.coordinate(v);
    }
}
