package org.stepgrad.web.view;

import org.stepgrad.replay.ClusterWalk;
import org.stepgrad.replay.Replay;

import java.util.List;
import java.util.function.IntFunction;
import org.stepgrad.layout.Layout;

/** Fills a {@link StepperView} for one step, with links built by the page that hosts it. */
    public final class StepperViews {
    private final GraphViews graphs;

    public StepperViews(GraphViews graphs) {
        this.graphs = graphs;
    }

    /**
     * @param hrefAt     the page's own URL at another step (a real link for no-script stepping)
     * @param formAction the page's path, where the scrubber form goes with {@code fields}
     */
    public StepperView at(Replay replay, int step, String replayUrl, IntFunction<String> hrefAt,
                          String formAction, List<StepperView.Field> fields) {
        return at(replay, step, replayUrl, hrefAt, formAction, fields, List.of());
    }

    /** @param extra classes the host page adds to nodes at this step (a checkpoint hides what it asks) */
    public StepperView at(Replay replay, int step, String replayUrl, IntFunction<String> hrefAt,
                          String formAction, List<StepperView.Field> fields, List<Replay.Mark> extra) {
        int s = replay.clamp(step);
        Replay.Frame frame = replay.frame(s);
        Layout layout = graphs.layout(replay);
        int total = replay.stepCount();
        int forward = replay.forwardSteps();
        int nodes = replay.trace().nodes().size();
        String summary = nodes + " nodes · " + forward + " forward steps · " + (total - forward) + " backward steps";
        return new StepperView(graphs.at(replay, layout, s, extra), summary,
                new StepperView.Position(s, total, forward),
                new StepperView.Narration(frame.headline(), frame.text(), frame.sends()),
                new StepperView.Links(hrefAt.apply(0), hrefAt.apply(Math.max(0, s - 1)), hrefAt.apply(Math.min(total, s + 1)),
                        hrefAt.apply(forward), hrefAt.apply(total)),
                new StepperView.Scrubber(formAction, fields, "0 0 " + Math.max(1, total) + " 1", Integer.toString(forward),
                        Integer.toString(forward), Integer.toString(total - forward)),
                points(replay, s, hrefAt), replayUrl);
    }

    private static StepperView.PointNav points(Replay replay, int s, IntFunction<String> hrefAt) {
        if (replay.clusters().isEmpty()) return null;
        ClusterWalk walk = replay.walk();
        int prev = walk.prev(s);
        int next = walk.next(s);
        return new StepperView.PointNav(hrefAt.apply(prev), hrefAt.apply(next), "To " + where(replay, prev) + " ([)",
                "To " + where(replay, next) + " (])", replay.clusters().all().get(walk.focus(s)).label());
    }

    /** "point 4's first step", or "step 120" where a jump lands outside every cluster. */
    private static String where(Replay replay, int step) {
        int c = replay.walk().cluster(step);
        return c < 0 ? "step " + step : replay.clusters().all().get(c).label() + "'s first step";
    }

    /** A step (or other count) from a URL: absent or mangled reads as 0, so a broken permalink still opens. */
    public static int stepParam(String param) {
        if (param == null) return 0;
        try {
            return Math.max(0, Integer.parseInt(param.trim()));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
