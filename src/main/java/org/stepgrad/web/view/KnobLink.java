package org.stepgrad.web.view;

import java.util.function.Function;
import org.stepgrad.replay.Format;

/**
 * The knobs and iteration a lesson link holds, in one vocabulary: {@code k=0.5,2,…} (the knobs,
 * as exact text) and {@code it=N} (training steps from the start). The graph and the Curve
 * Fitter both read them; the Curve Fitter's own data ride along as {@code points=x,y;…}. Links shared before the vocabulary was one said {@code knobs=} and
 * {@code iteration=}; those still read, and nothing the server or the page writes uses them.
 *
 * @param k  the knobs as written in the link, or null for the lesson's start
 * @param it the iteration, or -1 when the link has none
 */
public record KnobLink(String k, int it) {
    /** Reads a link's query: the new names first, the old ones where the new are absent. */
    public static KnobLink read(Function<String, String> query) {
        String k = either(query.apply("k"), query.apply("knobs"));
        String it = either(query.apply("it"), query.apply("iteration"));
        return new KnobLink(k, it == null ? -1 : StepperViews.stepParam(it));
    }

    /** The link for these knobs (null or empty: the start) at iteration {@code it} (-1: none). */
    public static KnobLink of(double[] knobs, int it) {
        return new KnobLink(knobs == null ? null : text(knobs), it);
    }

    /** "&k=…&it=…", or "" at the lesson's start. */
    public String query() {
        if (k == null) return "";
        return "&k=" + k + (it >= 0 ? "&it=" + it : "");
    }

    /** The knobs as a URL value, "0.5,-1,2": short and exact. */
    public static String text(double[] knobs) {
        StringBuilder s = new StringBuilder();
        for (double v : knobs) {
            if (!s.isEmpty()) s.append(',');
            s.append(Format.exact(v));
        }
        return s.toString();
    }

    /** The Curve Fitter's data as a link's {@code points=} value, "x,y;x,y": short and exact. */
    public static String points(java.util.List<org.stepgrad.model.Point> points) {
        StringBuilder s = new StringBuilder();
        for (org.stepgrad.model.Point p : points) {
            if (!s.isEmpty()) s.append(';');
            s.append(Format.exact(p.x())).append(',').append(Format.exact(p.y()));
        }
        return s.toString();
    }

    private static String either(String now, String before) {
        return now != null ? now : before;
    }
}
