package org.stepgrad.web.view;

import java.util.ArrayList;
import java.util.List;
import org.stepgrad.lesson.Lesson;
import org.stepgrad.lesson.Training;
import org.stepgrad.model.Adam;
import org.stepgrad.model.Evaluation;
import org.stepgrad.model.Landscape;
import org.stepgrad.model.Method;
import org.stepgrad.model.Model;
import org.stepgrad.model.ModelError;
import org.stepgrad.model.Momentum;
import org.stepgrad.model.Optimizer;
import org.stepgrad.replay.Format;

/**
 * Builds the landscape beside a Curve Fitter: the slice's heat map in loss bands (log scale),
 * the recorded runs' paths projected on the two knobs, where the knobs are now, and one update of
 * the chosen method worked out for the x knob. Every coordinate is computed here.
 */
public final class LandscapeViews {
    /** Cells a side on the page: fine enough to read the valley, small enough to redraw as a knob moves. */
    public static final int SIZE = 25;
    static final int WIDTH = 340, HEIGHT = 326;
    static final double LEFT = 46, RIGHT = 332, TOP = 6, BOTTOM = 292;
    static final int BANDS = 10;
    static final int DECADES = 5;
    /** Paths keep a point only this far (in drawing units) from the last one kept: 500 iterations stay a few kilobytes. */
    private static final double MIN_GAP = 0.75;

    private LandscapeViews() {
    }

    /** The knobs on the axes: x and y as a link names them, each defaulting to the first two (y never equals x). */
    public record Axes(int x, int y) {
        public static Axes read(Model model, String x, String y) {
            List<String> names = model.parameters();
            int xi = Math.max(0, x == null ? 0 : names.indexOf(x.trim()));
            int yi = y == null ? -1 : names.indexOf(y.trim());
            if (yi < 0 || yi == xi) yi = xi == 1 ? 0 : 1;
            return new Axes(xi, yi);
        }
    }

    /**
     * The landscape of {@code model} (the lesson's, or its curve over the learner's own points) at
     * {@code knobs}, over the axes, with {@code optimizer}'s update of the x knob worked out; the
     * paths are the lesson's recorded runs.
     */
    public static LandscapeView of(Lesson lesson, Model model, double[] knobs, Axes axes, Optimizer optimizer) {
        List<String> names = model.parameters();
        double[] box = box(lesson, knobs, axes);
        Landscape slice = Landscape.of(model, knobs, axes.x(), axes.y(), box, SIZE);
        double hx = (box[1] - box[0]) / (SIZE - 1) / 2, hy = (box[3] - box[2]) / (SIZE - 1) / 2; // each value is a cell's centre
        Frame frame = new Frame(box[0] - hx, box[1] + hx, box[2] - hy, box[3] + hy);

        List<LandscapeView.Cell> cells = cells(slice, frame);
        List<LandscapeView.Path> paths = new ArrayList<>();
        for (int i = 0; i < lesson.training().size(); i++) paths.add(path(lesson.training().get(i), i, axes, frame));

        String xn = names.get(axes.x()), yn = names.get(axes.y());
        double nowX = knobs[axes.x()], nowY = knobs[axes.y()];
        boolean inside = frame.inside(nowX, nowY);
        LandscapeView.Here here = new LandscapeView.Here(Format.coordinate(inside ? frame.sx(nowX) : -20), Format.coordinate(inside ? frame.sy(nowY) : -20),
                inside, "now: " + xn + " = " + Format.number(nowX) + ", " + yn + " = " + Format.number(nowY) + (inside ? "" : " (off the map)"));

        double[] b = slice.bounds();
        String scale = b == null ? "No finite loss on this slice."
                : "Darker is lower: the loss runs from " + Format.number(b[0]) + " to " + Format.number(b[1]) + " here, in " + BANDS
                        + " bands on a log scale" + (b[0] < b[1] * Math.pow(10, -DECADES) ? " (everything below " + Format.number(b[1] * Math.pow(10, -DECADES)) + " is the darkest)." : ".");
        LandscapeView.Axes placed = new LandscapeView.Axes(xn, yn, n(box[0]), n(box[1]), n(box[2]), n(box[3]),
                Format.coordinate(LEFT), Format.coordinate(RIGHT), Format.coordinate(TOP + 10), Format.coordinate(BOTTOM),
                Format.coordinate((LEFT + RIGHT) / 2), Format.coordinate(BOTTOM + 28), Format.coordinate(LEFT - 6), Format.coordinate((TOP + BOTTOM) / 2));
        return new LandscapeView("/lessons/" + lesson.id() + "/landscape", "0 0 " + WIDTH + " " + HEIGHT,
                choices(names, axes.x()), choices(names, axes.y()), placed, sliceText(names, knobs, axes),
                cells, contours(slice, frame), paths, here, scale, worked(model, knobs, axes.x(), optimizer, names.get(axes.x())), KnobLink.text(knobs));
    }

    /**
     * The map's extent: where the recorded runs went and where the knobs are now, with a margin,
     * within the sliders' ±range (so the Curve Fitter's paths, which move about one unit, are not
     * lost in a ±3 square).
     */
    static double[] box(Lesson lesson, double[] knobs, Axes axes) {
        double range = lesson.knobRange();
        double[] b = {clamp(knobs[axes.x()], range), clamp(knobs[axes.x()], range), clamp(knobs[axes.y()], range), clamp(knobs[axes.y()], range)};
        for (Training t : lesson.training()) {
            for (double[] p : t.run().params()) {
                double px = p[axes.x()], py = p[axes.y()];
                if (!(Math.abs(px) <= range && Math.abs(py) <= range)) continue; // a run that left the sliders' range is drawn to the edge
                b[0] = Math.min(b[0], px);
                b[1] = Math.max(b[1], px);
                b[2] = Math.min(b[2], py);
                b[3] = Math.max(b[3], py);
            }
        }
        for (int a = 0; a < 4; a += 2) {
            double span = Math.max(b[a + 1] - b[a], range / 6), pad = span * 0.3;
            b[a] = Math.max(-range, b[a] - pad);
            b[a + 1] = Math.min(range, b[a + 1] + pad);
        }
        return b;
    }

    private static double clamp(double v, double range) {
        return Math.max(-range, Math.min(range, v));
    }

    /** Maps knob values in the extent onto the plot: x across, y up. */
    record Frame(double xLo, double xHi, double yLo, double yHi) {
        double sx(double v) {
            return LEFT + (v - xLo) / (xHi - xLo) * (RIGHT - LEFT);
        }

        double sy(double v) {
            return BOTTOM - (v - yLo) / (yHi - yLo) * (BOTTOM - TOP);
        }

        boolean inside(double x, double y) {
            return x >= xLo && x <= xHi && y >= yLo && y <= yHi;
        }
    }

    private static List<LandscapeView.Choice> choices(List<String> names, int selected) {
        List<LandscapeView.Choice> out = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) out.add(new LandscapeView.Choice(names.get(i), i == selected));
        return out;
    }

    /** Says plainly what the picture is: which knobs are held, and at what. */
    private static String sliceText(List<String> names, double[] knobs, Axes axes) {
        String over = "the loss over " + names.get(axes.x()) + " and " + names.get(axes.y());
        if (names.size() == 2) return "The whole landscape: " + over + ", the model's only two knobs.";
        List<String> held = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            if (i != axes.x() && i != axes.y()) held.add(names.get(i) + " = " + Format.number(knobs[i]));
        }
        return "A slice: " + over + " with " + String.join(", ", held) + " held where they are now. The paths are each run's "
                + names.get(axes.x()) + " and " + names.get(axes.y()) + "; its other knobs moved too, so a path need not follow this slice's valleys.";
    }

    /** Each row's cells in loss bands, neighbours of one band merged into one rectangle. */
    private static List<LandscapeView.Cell> cells(Landscape slice, Frame frame) {
        double[] b = slice.bounds();
        List<LandscapeView.Cell> out = new ArrayList<>();
        int n = slice.xs().length;
        double w = (RIGHT - LEFT) / n, h = (BOTTOM - TOP) / n;
        for (int j = 0; j < n; j++) {
            int i = 0;
            while (i < n) {
                int band = band(slice.loss()[j][i], b);
                int end = i + 1;
                while (end < n && band(slice.loss()[j][end], b) == band) end++;
                double top = BOTTOM - (j + 1) * h;
                out.add(new LandscapeView.Cell(Format.coordinate(LEFT + i * w), Format.coordinate(top),
                        Format.coordinate((end - i) * w + 0.4), Format.coordinate(h + 0.4), band < 0 ? "cell none" : "cell band-" + band));
                i = end;
            }
        }
        return out;
    }

    /**
     * The edges between loss bands as contour lines, by marching squares over the grid's cell
     * centres on log10 of the loss; one path per level, each a list of short straight pieces.
     */
    private static List<String> contours(Landscape slice, Frame frame) {
        double[] b = slice.bounds();
        List<String> out = new ArrayList<>();
        if (b == null) return out;
        double hi = Math.log10(Math.max(b[1], 1e-300)), lo = Math.max(Math.log10(Math.max(b[0], 1e-300)), hi - DECADES);
        if (!(hi > lo)) return out;
        int n = slice.xs().length;
        double[][] v = new double[n][n];
        for (int j = 0; j < n; j++) for (int i = 0; i < n; i++) v[j][i] = Math.log10(Math.max(slice.loss()[j][i], 1e-300));
        for (int level = 1; level < BANDS; level++) {
            double t = lo + (hi - lo) * level / BANDS;
            StringBuilder d = new StringBuilder();
            for (int j = 0; j + 1 < n; j++) {
                for (int i = 0; i + 1 < n; i++) {
                    // corners in order: (i, j), (i+1, j), (i+1, j+1), (i, j+1); an edge is crossed where its ends differ in side
                    double[] c = {v[j][i], v[j][i + 1], v[j + 1][i + 1], v[j + 1][i]};
                    if (!(Double.isFinite(c[0]) && Double.isFinite(c[1]) && Double.isFinite(c[2]) && Double.isFinite(c[3]))) continue;
                    List<double[]> crossings = new ArrayList<>();
                    for (int e = 0; e < 4; e++) {
                        double a = c[e], z = c[(e + 1) % 4];
                        if ((a < t) == (z < t)) continue;
                        double f = (t - a) / (z - a);
                        double[] p = corner(slice, i, j, e), q = corner(slice, i, j, (e + 1) % 4);
                        crossings.add(new double[] {p[0] + f * (q[0] - p[0]), p[1] + f * (q[1] - p[1])});
                    }
                    // two crossings make one piece; four (a saddle) make two, paired along the edges' order
                    for (int k = 0; k + 1 < crossings.size(); k += 2) {
                        double[] p = crossings.get(k), q = crossings.get(k + 1);
                        d.append(d.isEmpty() ? "" : " ").append('M').append(c(frame.sx(p[0]))).append(' ').append(c(frame.sy(p[1])))
                                .append(" L").append(c(frame.sx(q[0]))).append(' ').append(c(frame.sy(q[1])));
                    }
                }
            }
            if (!d.isEmpty()) out.add(d.toString());
        }
        return out;
    }

    /** Corner {@code e} (0 to 3, anticlockwise from the lower left) of the grid square at (i, j), in knob values. */
    private static double[] corner(Landscape slice, int i, int j, int e) {
        int di = e == 1 || e == 2 ? 1 : 0, dj = e >= 2 ? 1 : 0;
        return new double[] {slice.xs()[i + di], slice.ys()[j + dj]};
    }

    /**
     * 0 (lowest) to BANDS − 1 on log10 of the loss between the slice's bounds, over at most
     * {@link #DECADES} decades (a cell at the exact minimum, loss 0, would otherwise stretch the
     * scale over dozens of decades and wash the valley out); -1 for no finite loss.
     */
    static int band(double loss, double[] bounds) {
        if (!Double.isFinite(loss) || bounds == null) return -1;
        double hi = Math.log10(Math.max(bounds[1], 1e-300)), lo = Math.max(Math.log10(Math.max(bounds[0], 1e-300)), hi - DECADES);
        if (!(hi > lo)) return 0;
        double t = (Math.log10(Math.max(loss, 1e-300)) - lo) / (hi - lo);
        return (int) Math.max(0, Math.min(BANDS - 1, Math.floor(t * BANDS)));
    }

    /** A recorded run's knobs on the two axes, point by point, cut where the run leaves the map. */
    private static LandscapeView.Path path(Training t, int index, Axes axes, Frame frame) {
        List<String> segments = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        double lastX = Double.NaN, lastY = Double.NaN;
        List<double[]> params = t.run().params();
        for (int p = 0; p < params.size(); p++) {
            double kx = params.get(p)[axes.x()], ky = params.get(p)[axes.y()];
            if (!frame.inside(kx, ky)) {
                if (current.indexOf(" ") > 0) segments.add(current.toString());
                current.setLength(0);
                lastX = Double.NaN;
                continue;
            }
            double sx = frame.sx(kx), sy = frame.sy(ky);
            boolean last = p == params.size() - 1;
            if (!Double.isNaN(lastX) && Math.hypot(sx - lastX, sy - lastY) < MIN_GAP && !last) continue;
            if (!current.isEmpty()) current.append(' ');
            current.append(Format.coordinate(sx)).append(',').append(Format.coordinate(sy));
            lastX = sx;
            lastY = sy;
        }
        if (current.indexOf(" ") > 0) segments.add(current.toString());
        double[] end = params.get(params.size() - 1);
        boolean shown = frame.inside(end[axes.x()], end[axes.y()]);
        String marker = shown ? marker(index, frame.sx(end[axes.x()]), frame.sy(end[axes.y()])) : "";
        String note = t.run().diverged() ? "diverged" : !shown ? "ends off the map" : "ends at the marker";
        return new LandscapeView.Path(index, t.label(), "path path-" + index + " run-" + index, segments, marker, marker(index, 34, 7), note);
    }

    /** A marker shape per run, so paths differ without colour: circle, square, triangle, diamond, cross, plus, down-triangle. */
    static String marker(int index, double cx, double cy) {
        String x = Format.coordinate(cx), y = Format.coordinate(cy);
        return switch (index % 7) {
            case 0 -> "M" + c(cx - 5) + " " + y + " a5 5 0 1 0 10 0 a5 5 0 1 0 -10 0";
            case 1 -> "M" + c(cx - 4.5) + " " + c(cy - 4.5) + " h9 v9 h-9 z";
            case 2 -> "M" + x + " " + c(cy - 6) + " L" + c(cx + 5.5) + " " + c(cy + 4) + " L" + c(cx - 5.5) + " " + c(cy + 4) + " z";
            case 3 -> "M" + x + " " + c(cy - 6) + " L" + c(cx + 6) + " " + y + " L" + x + " " + c(cy + 6) + " L" + c(cx - 6) + " " + y + " z";
            case 4 -> "M" + c(cx - 5) + " " + c(cy - 5) + " L" + c(cx + 5) + " " + c(cy + 5) + " M" + c(cx + 5) + " " + c(cy - 5) + " L" + c(cx - 5) + " " + c(cy + 5);
            case 5 -> "M" + c(cx - 6) + " " + y + " H" + c(cx + 6) + " M" + x + " " + c(cy - 6) + " V" + c(cy + 6);
            default -> "M" + x + " " + c(cy + 6) + " L" + c(cx + 5.5) + " " + c(cy - 4) + " L" + c(cx - 5.5) + " " + c(cy - 4) + " z";
        };
    }

    private static String c(double v) {
        return Format.coordinate(v);
    }

    /** Two updates of the knob from the knobs now, as a run from here would make them (from rest, so update 2 shows the memory). */
    static LandscapeView.Worked worked(Model model, double[] knobs, int knob, Optimizer o, String name) {
        String a = Format.number(o.size());
        try {
            return switch (o.method()) {
                case GRADIENT_DESCENT -> {
                    double g = Evaluation.of(model, knobs).gradient()[knob];
                    double next = knobs[knob] - o.size() * g;
                    yield new LandscapeView.Worked("One gradient-descent update of " + name + ", α = " + a,
                            List.of("∂L/∂" + name + " = " + n(g), name + " ← " + name + " − α·∂L/∂" + name + " = " + n(knobs[knob]) + " − " + a + "·" + p(g) + " = " + n(next)));
                }
                case MOMENTUM -> {
                    String b = Format.number(o.beta1());
                    List<String> lines = new ArrayList<>();
                    for (Momentum.Step s : Momentum.worked(model, knobs, o.size(), o.beta1(), knob, 2)) {
                        lines.add((lines.isEmpty() ? "update 1: " : "update 2: ") + "∂L/∂" + name + " = " + n(s.gradient()));
                        lines.add("v ← β·v + ∂L/∂" + name + " = " + b + "·" + p(s.velocity()) + " + " + p(s.gradient()) + " = " + n(s.nextVelocity()));
                        lines.add(name + " ← " + name + " − α·v = " + n(s.knob()) + " − " + a + "·" + p(s.nextVelocity()) + " = " + n(s.next()));
                    }
                    yield new LandscapeView.Worked("Two momentum updates of " + name + " from rest, α = " + a + ", β = " + b, lines);
                }
                case ADAM -> {
                    String b1 = Format.number(o.beta1()), b2 = Format.number(o.beta2());
                    List<String> lines = new ArrayList<>();
                    for (Adam.Step s : Adam.worked(model, knobs, o.size(), o.beta1(), o.beta2(), knob, 2)) {
                        lines.add("update " + s.t() + ": g = ∂L/∂" + name + " = " + n(s.gradient()));
                        lines.add("m ← β1·m + (1 − β1)·g = " + b1 + "·" + p(s.m()) + " + " + Format.number(1 - o.beta1()) + "·" + p(s.gradient()) + " = " + n(s.nextM()));
                        lines.add("v ← β2·v + (1 − β2)·g² = " + b2 + "·" + p(s.v()) + " + " + Format.number(1 - o.beta2()) + "·" + p(s.gradient()) + "² = " + n(s.nextV()));
                        lines.add("m̂ = m / (1 − β1^" + s.t() + ") = " + n(s.mHat()) + ",  v̂ = v / (1 − β2^" + s.t() + ") = " + n(s.vHat()));
                        lines.add(name + " ← " + name + " − α·m̂ / (√v̂ + ε) = " + n(s.knob()) + " − " + a + "·" + p(s.mHat()) + " / " + n(Math.sqrt(s.vHat())) + " = " + n(s.next()));
                    }
                    yield new LandscapeView.Worked("Two Adam updates of " + name + " from rest, α = " + a + ", β1 = " + b1 + ", β2 = " + b2 + ", ε = 10⁻⁸", lines);
                }
                case RANDOM_SEARCH -> new LandscapeView.Worked("Random search reads no gradient",
                        List.of("It nudges one knob, picked at random, by a normal amount of spread " + a + ", and keeps the nudge only if the loss falls."));
            };
        } catch (ModelError e) {
            return new LandscapeView.Worked("No update from here", List.of("These knobs give no finite loss: " + e.getMessage()));
        }
    }

    /** A number as printed. */
    private static String n(double v) {
        return Format.number(v);
    }

    /** A number after an operator, in parentheses when negative. */
    private static String p(double v) {
        return v < 0 ? "(" + Format.number(v) + ")" : Format.number(v);
    }
}
