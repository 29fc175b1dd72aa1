package org.stepgrad.replay;

import java.util.ArrayList;
import java.util.List;
import org.stepgrad.engine.Contribution;
import org.stepgrad.engine.Node;
import org.stepgrad.engine.Phase;
import org.stepgrad.engine.Step;
import org.stepgrad.engine.Trace;

/**
 * How the page steps through clusters, worked out once per replay and indexed by page step
 * (0 … stepCount): the cluster each step works in, the cluster shown open, where "next point" and
 * "previous point" jump, and each cluster's one-line summary from the step it changes. The
 * browser only looks these up.
 */
public final class ClusterWalk {
    /** A collapsed cluster's line from page step {@code step} on. */
    public record Summary(int step, String text) implements Replay.Stepped {
    }

    private static final int ANY = -2;

    private final int[] cluster;
    private final int[] focus;
    private final int[] next;
    private final int[] prev;
    private final List<List<Summary>> summaries = new ArrayList<>();

    ClusterWalk(Trace trace, Clusters clusters) {
        int count = trace.steps().size();
        int forward = trace.forwardSteps();
        cluster = new int[count + 1];
        focus = new int[count + 1];
        next = new int[count + 1];
        prev = new int[count + 1];
        cluster[0] = -1;
        for (int s = 1; s <= count; s++) cluster[s] = clusters.of(trace.steps().get(s - 1).node());
        int first = -1;
        for (int s = 1; s <= count && first < 0; s++) first = cluster[s];
        focus[0] = clusters.isEmpty() ? -1 : Math.max(0, first);
        for (int s = 1; s <= count; s++) focus[s] = cluster[s] >= 0 ? cluster[s] : focus[s - 1];

        boolean[] runStart = new boolean[count + 1];
        for (int s = 1; s <= count; s++) {
            runStart[s] = cluster[s] >= 0 && (cluster[s - 1] != cluster[s] || s == forward + 1);
        }
        for (int s = 0; s <= count; s++) {
            boolean inForward = s <= forward;
            int phaseFirst = inForward ? 0 : forward;  // the page step a phase starts from
            int phaseLast = inForward ? forward : count;
            int n = find(runStart, s + 1, phaseLast, +1, cluster[s]);
            if (n < 0) n = s < phaseLast ? phaseLast : find(runStart, s + 1, count, +1, ANY);
            next[s] = n < 0 ? count : n;
            int p = find(runStart, s - 1, phaseFirst + 1, -1, cluster[s]);
            if (p < 0) p = s > phaseFirst ? phaseFirst : find(runStart, s - 1, 1, -1, ANY);
            prev[s] = Math.max(0, p);
        }

        String of = "∂" + trace.node(trace.output()).label() + "/∂";
        for (Clusters.Cluster c : clusters.all()) summaries.add(summaries(trace, c, of));
    }

    /** The first run start from {@code from} towards {@code to} whose cluster is not {@code current}, or -1. */
    private int find(boolean[] runStart, int from, int to, int dir, int current) {
        for (int t = from; dir > 0 ? t <= to : t >= to; t += dir) {
            if (runStart[t] && cluster[t] != current) return t;
        }
        return -1;
    }

    /** "21 nodes", then "r_3 = -1.3", then "r_3 = -1.3 · ∂loss/∂r_3 = -0.22": the toggle beside it names the point. */
    private static List<Summary> summaries(Trace trace, Clusters.Cluster c, String of) {
        List<Summary> list = new ArrayList<>();
        list.add(new Summary(0, c.size() + " nodes"));
        Node out = trace.node(c.output());
        String value = out.label() + " = " + Format.number(out.value());
        List<Step> steps = trace.steps();
        for (int i = 0; i < steps.size(); i++) {
            Step step = steps.get(i);
            if (step.phase() == Phase.FORWARD && step.node() == out.id()) list.add(new Summary(i + 1, value));
            if (step.phase() != Phase.BACKWARD) continue;
            if (step.node() == trace.output() && out.id() == trace.output()) {
                list.add(new Summary(i + 1, value + " · " + of + out.label() + " = 1"));
            }
            for (Contribution k : step.contributions()) {
                if (k.input() == out.id()) list.add(new Summary(i + 1, value + " · " + of + out.label() + " = " + Format.number(k.gradAfter())));
            }
        }
        return list;
    }

    /** The cluster the node done at page step s sits in; -1 at step 0 and for shared nodes. */
    public int cluster(int s) { return cluster[s]; }

    /** The cluster shown open at page step s: the step's own, else the last one worked in. */
    public int focus(int s) { return focus[s]; }

    /** Where "next point" goes from page step s: the next cluster's first step in this pass. */
    public int next(int s) { return next[s]; }

    public int prev(int s) { return prev[s]; }

    public List<Summary> summaries(int cluster) { return summaries.get(cluster); }

    /** A cluster's summary line as it reads after page step s. */
    public String summaryAt(int cluster, int s) {
        return Replay.latest(summaries.get(cluster), s).text();
    }
}
