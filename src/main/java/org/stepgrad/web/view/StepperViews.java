package org.stepgrad.web.view;

import org.stepgrad.web.http.Counts;

import org.stepgrad.replay.ClusterWalk;
import org.stepgrad.replay.Replay;

import java.util.List;
import java.util.function.IntFunction;
import java.util.Set;

/** Fills a {@link StepperView} for one step, with links built by the page that hosts it. */
public final class StepperViews {
    private final GraphViews graphs;

    public StepperViews(GraphViews graphs) {
        this.graphs = graphs;
    }

    /**
     * How the page hosting a stepper links: where its script fetches the replay ({@code replayUrl})
     * and the graph with other groups open ({@code viewUrl}), its own URL at another step
     * ({@code hrefAt}, real links for no-script stepping), and where the scrubber's form goes with
     * {@code fields} kept; {@code source} is the program drawn, which the numeric check sends back.
     */
    public record Host(String replayUrl, String viewUrl, IntFunction<String> hrefAt, String formAction,
                       List<StepperView.Field> fields, String source) {
    }

    /** The largest program a page hands its numeric check: well inside the 64 KB body POST /api/gradcheck takes, escapes and all. */
    public static final int CHECKED_SOURCE = 48 * 1024;

    /**
     * @param pinned groups the learner opened (the ones holding the step's node open by themselves)
     * @param extra  classes the host page adds to nodes at this step (a checkpoint hides what it asks)
     */
    public StepperView at(Replay replay, int step, Set<Integer> pinned, Host host, List<Replay.Mark> extra) {
        int s = replay.clamp(step);
        Replay.Frame frame = replay.frame(s);
        int total = replay.stepCount();
        int forward = replay.forwardSteps();
        int nodes = replay.trace().nodes().size();
        IntFunction<String> hrefAt = host.hrefAt();
        String summary = nodes + " nodes · " + forward + " forward steps · " + (total - forward) + " backward steps";
        return new StepperView(graphs.at(replay, GraphViews.openAt(replay, s, pinned), s, extra), summary,
                new StepperView.Position(s, total, forward),
                new StepperView.Narration(frame.headline(), frame.text(), frame.sends()),
                new StepperView.Links(hrefAt.apply(0), hrefAt.apply(Math.max(0, s - 1)), hrefAt.apply(Math.min(total, s + 1)),
                        hrefAt.apply(forward), hrefAt.apply(total)),
                new StepperView.Scrubber(host.formAction(), host.fields(), "0 0 " + Math.max(1, total) + " 1", Integer.toString(forward),
                        Integer.toString(forward), Integer.toString(total - forward)),
                points(replay, s, hrefAt), host.replayUrl(), host.viewUrl(),
                host.source().length() <= CHECKED_SOURCE ? host.source() : "");
    }

    /** The graph alone at a step with these groups open, for the page to swap in when a group opens or shuts. */
    public GraphView graph(Replay replay, int step, Set<Integer> open) {
        int s = replay.clamp(step);
        return graphs.at(replay, GraphViews.openAt(replay, s, open), s, List.of());
    }

    /** Group ids from a URL ("3,7"): anything that is not one is left out, so a mangled link still opens. */
    public static Set<Integer> groupsParam(String param) {
        Set<Integer> groups = new java.util.TreeSet<>();
        if (param == null) return groups;
        for (String part : param.split(",", 200)) {
            try {
                groups.add(Integer.parseInt(part.trim()));
            } catch (NumberFormatException e) {
                // a mangled entry is ignored: the graph opens with the rest
            }
        }
        return groups;
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
        return (int) Math.min(Integer.MAX_VALUE, Counts.lenient(param));
    }
}
