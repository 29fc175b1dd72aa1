package org.stepgrad.web.view;

import java.util.ArrayList;
import java.util.List;
import org.stepgrad.model.Classifier;
import org.stepgrad.replay.Format;

/**
 * The coordinates of a classifier's decision-boundary plot, computed here so the browser only
 * paints: a grid of cells shaded by the predicted probability (one path per tenth of p, so a
 * 40×40 grid is ten elements), the p = 0.5 line by marching squares over the grid's corners, and
 * the points, placed in a box fixed by the data so it does not move between iterations.
 */
public final class BoundaryPlot {
    public static final int SIZE = 320;
    /** The plot's square inside the box; the margin on the left and below holds the axis labels. */
    static final double LEFT = 34, TOP = 8, SIDE = 278;
    /** Cells per side. */
    static final int GRID = 40;
    /** Shades of p, each a tenth. */
    public static final int BANDS = 10;

    private final double xMin, xMax, yMin, yMax;

    public BoundaryPlot(List<Classifier.Sample> points) {
        double x0 = Double.POSITIVE_INFINITY, x1 = Double.NEGATIVE_INFINITY, y0 = x0, y1 = x1;
        for (Classifier.Sample s : points) {
            x0 = Math.min(x0, s.x1());
            x1 = Math.max(x1, s.x1());
            y0 = Math.min(y0, s.x2());
            y1 = Math.max(y1, s.x2());
        }
        double dx = Math.max(x1 - x0, 1e-9), dy = Math.max(y1 - y0, 1e-9);
        xMin = x0 - 0.08 * dx;
        xMax = x1 + 0.08 * dx;
        yMin = y0 - 0.08 * dy;
        yMax = y1 + 0.08 * dy;
    }

    public double sx(double x1) {
        return LEFT + (x1 - xMin) / (xMax - xMin) * SIDE;
    }

    public double sy(double x2) {
        return TOP + SIDE - (x2 - yMin) / (yMax - yMin) * SIDE;
    }

    /** The data coordinates of grid corner (i, j), i across and j up. */
    private double gx(double i) {
        return xMin + (xMax - xMin) * i / GRID;
    }

    private double gy(double j) {
        return yMin + (yMax - yMin) * j / GRID;
    }

    /** A filled region: the cells whose p falls in one tenth, as one path. */
    public record Band(int band, String path) {
        public String cssClass() {
            return "band band-" + band;
        }
    }

    /**
     * The cells shaded by p at each cell's centre: per band, each row's runs of cells in that band as
     * rectangles. Bands without a cell are left out.
     */
    public List<Band> bands(Classifier c, double[] params) {
        StringBuilder[] paths = new StringBuilder[BANDS];
        double cell = SIDE / GRID;
        for (int j = 0; j < GRID; j++) {
            int runBand = -1, runStart = 0;
            for (int i = 0; i <= GRID; i++) {
                int band = i == GRID ? -1 : band(c.probability(params, gx(i + 0.5), gy(j + 0.5)));
                if (band == runBand) continue;
                if (runBand >= 0) {
                    // absolute corners, so rounding never adds up into gaps or overlaps across a row
                    String left = Format.coordinate(LEFT + runStart * cell), right = Format.coordinate(LEFT + i * cell);
                    if (paths[runBand] == null) paths[runBand] = new StringBuilder();
                    paths[runBand].append('M').append(left).append(' ').append(Format.coordinate(TOP + SIDE - (j + 1) * cell))
                            .append('H').append(right).append('V').append(Format.coordinate(TOP + SIDE - j * cell)).append('H').append(left).append('z');
                }
                runBand = band;
                runStart = i;
            }
        }
        List<Band> bands = new ArrayList<>();
        for (int b = 0; b < BANDS; b++) if (paths[b] != null) bands.add(new Band(b, paths[b].toString()));
        return bands;
    }

    /** The tenth p falls in, 0 to 9 (p = 1 is in the last); a probability that is not a number counts as 0.5. */
    static int band(double p) {
        if (!(p >= 0 && p <= 1)) return BANDS / 2;
        return Math.min(BANDS - 1, (int) (p * BANDS));
    }

    /**
     * The line p = 0.5 as path segments, by marching squares: in each cell, the points where p − 0.5
     * changes sign along its edges (placed by linear interpolation) are joined; a saddle, with four
     * crossings, is split by the sign at the cell's centre. Empty when p is on one side everywhere.
     */
    public String contour(Classifier c, double[] params) {
        double[][] v = new double[GRID + 1][GRID + 1];
        for (int i = 0; i <= GRID; i++) {
            for (int j = 0; j <= GRID; j++) v[i][j] = c.probability(params, gx(i), gy(j)) - 0.5;
        }
        StringBuilder path = new StringBuilder();
        for (int i = 0; i < GRID; i++) {
            for (int j = 0; j < GRID; j++) {
                // corners counter-clockwise from the bottom left; edge k joins corner k to corner k+1
                double[] cx = {i, i + 1, i + 1, i};
                double[] cy = {j, j, j + 1, j + 1};
                double[] cv = {v[i][j], v[i + 1][j], v[i + 1][j + 1], v[i][j + 1]};
                List<double[]> crossings = new ArrayList<>(4);
                for (int k = 0; k < 4; k++) {
                    double a = cv[k], b = cv[(k + 1) % 4];
                    if ((a < 0) == (b < 0)) continue;
                    double t = a / (a - b);
                    crossings.add(new double[] {cx[k] + t * (cx[(k + 1) % 4] - cx[k]), cy[k] + t * (cy[(k + 1) % 4] - cy[k])});
                }
                if (crossings.size() == 2) {
                    segment(path, crossings.get(0), crossings.get(1));
                } else if (crossings.size() == 4) {
                    // crossings sit on edges 0..3 in order; the centre's sign says which corners its region joins
                    boolean centreLikeFirst = (c.probability(params, gx(i + 0.5), gy(j + 0.5)) - 0.5 < 0) == (cv[0] < 0);
                    int shift = centreLikeFirst ? 0 : 1; // like corner 0: cut off corners 1 and 3, else corners 0 and 2
                    segment(path, crossings.get(shift), crossings.get(shift + 1));
                    segment(path, crossings.get((shift + 2) % 4), crossings.get((shift + 3) % 4));
                }
            }
        }
        return path.toString();
    }

    private void segment(StringBuilder path, double[] a, double[] b) {
        path.append('M').append(Format.coordinate(sx(gx(a[0])))).append(' ').append(Format.coordinate(sy(gy(a[1]))))
                .append('L').append(Format.coordinate(sx(gx(b[0])))).append(' ').append(Format.coordinate(sy(gy(b[1]))));
    }

    /** The axes' end values, as printed under and beside the plot. */
    public String xLow() {
        return Format.number(Math.round(xMin * 100) / 100.0);
    }

    public String xHigh() {
        return Format.number(Math.round(xMax * 100) / 100.0);
    }

    public String yLow() {
        return Format.number(Math.round(yMin * 100) / 100.0);
    }

    public String yHigh() {
        return Format.number(Math.round(yMax * 100) / 100.0);
    }

    /** A triangle centred on (cx, cy), for a point of class 1: a shape, not only a colour, tells the classes apart. */
    public static String triangle(double cx, double cy) {
        return "M" + Format.coordinate(cx) + " " + Format.coordinate(cy - 6) + "L" + Format.coordinate(cx + 5.5) + " " + Format.coordinate(cy + 4)
                + "L" + Format.coordinate(cx - 5.5) + " " + Format.coordinate(cy + 4) + "Z";
    }
}
