package org.stepgrad.web.api;

import java.util.ArrayList;
import java.util.List;
import org.stepgrad.model.Point;
import org.stepgrad.replay.Format;
import org.stepgrad.web.http.ApiError;

/**
 * The learner's own data for the Curve Fitter, as a link holds it: {@code points=x,y;x,y;…}
 * (pasted lines, one {@code x,y} a line, read the same). Checked at the edge with a sentence for
 * every refusal, so a shared link reproduces the fit or says why it cannot.
 */
public final class FitPoints {
    /** Most points a link may carry: enough for a class's data set, small enough for a URL and a page's graph. */
    public static final int MAX_POINTS = 100;
    /** The largest |x| or |y|: x⁹ and its square stay far inside a double. */
    public static final double MAX_VALUE = 1000;

    private FitPoints() {
    }

    /** The points in {@code param}; null or blank: null (the lesson's own). */
    public static List<Point> read(String param) {
        if (param == null || param.isBlank()) return null;
        String[] items = param.strip().split("\\s*[;\\n\\r]+\\s*");
        if (items.length > MAX_POINTS) {
            throw new ApiError(400, "points holds at most " + MAX_POINTS + " points, not " + items.length);
        }
        List<Point> points = new ArrayList<>();
        for (int i = 0; i < items.length; i++) {
            String[] xy = items[i].split("\\s*[,\\t ]\\s*", -1);
            if (xy.length != 2) {
                throw new ApiError(400, "point " + (i + 1) + " in points should be x,y (two numbers and a comma), not '" + ApiError.clip(items[i]) + "'");
            }
            points.add(new Point(number(xy[0], i, "x"), number(xy[1], i, "y")));
        }
        return points;
    }


    /** Refuses a data set the edit would leave empty or too large, with the same sentences as a link's. */
    public static void checkCount(int n) {
        if (n < 1) throw new ApiError(400, "a fit needs at least one point; add one before removing the last");
        if (n > MAX_POINTS) throw new ApiError(400, "points holds at most " + MAX_POINTS + " points, not " + n);
    }

    private static double number(String text, int i, String axis) {
        double v;
        try {
            v = Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new ApiError(400, "the " + axis + " of point " + (i + 1) + " in points is not a number: '" + ApiError.clip(text) + "'");
        }
        if (!(Math.abs(v) <= MAX_VALUE)) {
            throw new ApiError(400, "the " + axis + " of point " + (i + 1) + " in points must be between -"
                    + Format.exact(MAX_VALUE) + " and " + Format.exact(MAX_VALUE) + ", not " + ApiError.clip(text));
        }
        return v;
    }
}
