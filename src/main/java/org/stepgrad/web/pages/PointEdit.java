package org.stepgrad.web.pages;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.stepgrad.model.Point;
import org.stepgrad.web.api.FitPoints;
import org.stepgrad.web.http.ApiError;
import org.stepgrad.web.view.FitPlot;
import org.stepgrad.web.view.KnobLink;

/**
 * One edit of the Curve Fitter's data made on its plot, in the plot's box units as the pointer
 * gave them: {@code add=sx,sy}, {@code move=i,sx,sy} or {@code remove=i}. The server turns box
 * units into data through {@link FitPlot}, so the page never computes a coordinate.
 */
final class PointEdit {
    private PointEdit() {
    }

    /** {@code points} after the query's edit, or {@code points} itself when it asks none. */
    static List<Point> apply(List<Point> points, Function<String, String> query) {
        String add = query.apply("add"), move = query.apply("move"), remove = query.apply("remove");
        int asked = (add == null ? 0 : 1) + (move == null ? 0 : 1) + (remove == null ? 0 : 1);
        if (asked == 0) return points;
        if (asked > 1) throw new ApiError(400, "one edit at a time: add, move or remove, not " + asked);
        FitPlot plot = new FitPlot(points);
        List<Point> edited = new ArrayList<>(points);
        if (add != null) {
            double[] at = numbers(add, 2, "add is the box position sx,sy");
            edited.add(new Point(plot.x(at[0]), plot.y(at[1])));
        } else if (move != null) {
            double[] at = numbers(move, 3, "move is the point's number and its new box position i,sx,sy");
            edited.set(index(at[0], points.size()), new Point(plot.x(at[1]), plot.y(at[2])));
        } else {
            edited.remove(index(numbers(remove, 1, "remove is the point's number")[0], points.size()));
        }
        FitPoints.checkCount(edited.size());
        return FitPoints.read(KnobLink.points(edited)); // the bounds a link's points meet, with the same sentences
    }

    private static double[] numbers(String param, int n, String sentence) {
        String[] parts = param.split(",", -1);
        double[] v = new double[n];
        try {
            if (parts.length != n) throw new NumberFormatException();
            for (int i = 0; i < n; i++) {
                v[i] = Double.parseDouble(parts[i].trim());
                // a position is inside the box, give or take a pointer dragged past its edge
                if (!(Math.abs(v[i]) <= 10 * Math.max(FitPlot.WIDTH, FitPoints.MAX_POINTS))) throw new NumberFormatException();
            }
        } catch (NumberFormatException e) {
            String shown = param.length() > 30 ? param.substring(0, 30) + "…" : param;
            throw new ApiError(400, sentence + ", not '" + shown + "'");
        }
        return v;
    }

    private static int index(double i, int size) {
        if (i != Math.rint(i) || i < 0 || i >= size) {
            throw new ApiError(400, "the data has " + size + " points, numbered from 0; there is no point " + org.stepgrad.replay.Format.exact(i));
        }
        return (int) i;
    }
}
