package org.stepgrad.web.view;

import java.util.ArrayList;
import java.util.List;
import org.stepgrad.model.Point;
import org.stepgrad.replay.Format;
import org.stepgrad.model.PolynomialFit;

/**
 * The coordinates of the Curve Fitter's plots, computed here so the browser only paints: the data
 * points and the fitted curve in a fixed SVG box (the y range is fixed by the data, so the box
 * does not jump as knobs move), and loss curves on a log scale ({@link LossScale}).
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

    /** The data x at box coordinate {@code sx}, rounded to a thousandth of the plot's width (a click is no finer). */
    public double x(double sx) {
        return round(xMin + (sx - PAD) / (WIDTH - 2 * PAD) * (xMax - xMin), xMax - xMin);
    }

    /** The data y at box coordinate {@code sy}, rounded like {@link #x}. */
    public double y(double sy) {
        return round(yMin + (HEIGHT - PAD - sy) / (HEIGHT - 2 * PAD) * (yMax - yMin), yMax - yMin);
    }

    /** v to three significant digits of the span: 0.01 on a plot two wide, 10 on one two thousand wide. */
    private static double round(double v, double span) {
        double unit = Math.pow(10, Math.floor(Math.log10(span)) - 2);
        return unit >= 1 ? Math.round(v / unit) * unit : Math.round(v / unit) / (1 / unit);
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
                current.append(Format.coordinate(sx(x))).append(',').append(Format.coordinate(sy(y)));
            } else if (!current.isEmpty()) {
                segments.add(current.toString());
                current.setLength(0);
            }
        }
        if (!current.isEmpty()) segments.add(current.toString());
        return segments;
    }

    /**
     * The lesson's loss plot: iterations on x up to its longest recorded run (or
     * {@link #DEFAULT_ITERATIONS} without one), log10(loss) on y between bounds that hold every
     * recorded loss, so all runs, and the learner's, share one scale.
     */
    public record LossScale(int iterations, double logMin, double logMax) {
        public static LossScale of(List<double[]> runs) {
            double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
            int longest = 0;
            for (double[] losses : runs) {
                longest = Math.max(longest, losses.length - 1);
                for (double l : losses) {
                    double v = Math.log10(Math.max(l, 1e-300));
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
            int width = longest > 0 ? longest : DEFAULT_ITERATIONS;
            if (!Double.isFinite(lo)) return new LossScale(width, 0, 1);
            return new LossScale(width, Math.floor(lo), Math.max(Math.ceil(hi), Math.floor(lo) + 1));
        }

        public double x(double iteration) {
            return PAD + iteration / Math.max(iterations, 1) * (LOSS_WIDTH - 2 * PAD);
        }

        public double y(double loss) {
            double l = Math.log10(Math.max(loss, 1e-300));
            double span = Math.max(logMax - logMin, 1e-9);
            return LOSS_HEIGHT - PAD - (Math.min(Math.max(l, logMin), logMax) - logMin) / span * (LOSS_HEIGHT - 2 * PAD);
        }

        /** A run's losses as polyline points, its first at iteration {@code from}; points past the plot's right edge are left off. */
        public String path(double[] losses, int from) {
            StringBuilder path = new StringBuilder();
            for (int i = 0; i < losses.length && from + i <= iterations; i++) {
                if (i > 0) path.append(' ');
                path.append(Format.coordinate(x(from + i))).append(',').append(Format.coordinate(y(losses[i])));
            }
            return path.toString();
        }
    }

    /** The loss plot's width in iterations when the lesson records no run. */
    public static final int DEFAULT_ITERATIONS = 100;

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
        if (!(size >= 1e-3)) return "M" + Format.coordinate(half - 2) + " " + Format.coordinate(mid) + " H" + Format.coordinate(half + 2);
        double length = (half - 4) * Math.max(0.12, Math.min(1, (Math.log10(size) + 3) / 5));
        double sign = Math.signum(gradient);
        double end = half + sign * length, back = end - sign * 6;
        return "M" + Format.coordinate(half) + " " + Format.coordinate(mid) + " H" + Format.coordinate(end)
                + " M" + Format.coordinate(back) + " " + Format.coordinate(mid - 5) + " L" + Format.coordinate(end) + " " + Format.coordinate(mid) + " L" + Format.coordinate(back) + " " + Format.coordinate(mid + 5);
    }

    public static String arrowClass(double gradient) {
        return Math.abs(gradient) < 1e-3 ? "arrow zero" : gradient > 0 ? "arrow pos" : "arrow neg";
    }
}
