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
        Jumps after = new Jumps(runStart, cluster, +1);
        Jumps before = new Jumps(runStart, cluster, -1);
        for (int s = 0; s <= count; s++) {
            boolean inForward = s <= forward;
            int phaseFirst = inForward ? 0 : forward;  // the page step a phase starts from
            int phaseLast = inForward ? forward : count;
            int n = after.find(s, cluster[s], phaseLast);
            if (n < 0) n = s < phaseLast ? phaseLast : after.find(s, ANY, count);
            next[s] = n < 0 ? count : n;
            int p = before.find(s, cluster[s], phaseFirst + 1);
            if (p < 0) p = s > phaseFirst ? phaseFirst : before.find(s, ANY, 1);
            prev[s] = Math.max(0, p);
        }

        summaries(trace, clusters);
    }

    /**
     * The run starts met walking from a step in one direction, found in O(1): the first run start
     * past each step, and past each run start the first one in another cluster (a point's steps
     * can be interrupted by shared nodes and resume, so the nearest start may be the same point's).
     */
    private static final class Jumps {
        private final int dir;
        private final int[] cluster;
        private final int[] first; // the first run start strictly past step t, or -1
        private final int[] other; // at a run start t: the first run start past t whose cluster differs from t's, or -1

        Jumps(boolean[] runStart, int[] cluster, int dir) {
            int count = runStart.length - 1;
            this.dir = dir;
            this.cluster = cluster;
            first = new int[count + 1];
            other = new int[count + 1];
            int nearest = -1;
            for (int i = 0; i <= count; i++) {
                int t = dir > 0 ? count - i : i; // sweep against the walking direction
                first[t] = nearest;
                if (t >= 1 && runStart[t]) {
                    other[t] = nearest < 0 ? -1 : cluster[nearest] != cluster[t] ? nearest : other[nearest];
                    nearest = t;
                }
            }
        }

        /** The first run start past {@code s}, up to {@code bound} (inclusive), whose cluster is not {@code current}; -1 if none. */
        int find(int s, int current, int bound) {
            int t = first[s];
            if (t >= 0 && cluster[t] == current) t = other[t];
            return t < 0 || (dir > 0 ? t > bound : t < bound) ? -1 : t;
        }
    }

    /**
     * "21 nodes", then "r_3 = -1.3", then "r_3 = -1.3 · ∂loss/∂r_3 = -0.22": the toggle beside it
     * names the point. One pass over the steps for all clusters, each step looked up by the node
     * it reports, so a thousand points cost what one does.
     */
    private void summaries(Trace trace, Clusters clusters) {
        String of = "∂" + trace.node(trace.output()).label() + "/∂";
        int n = trace.nodes().size();
        List<List<Integer>> reporting = new ArrayList<>(n); // node → the clusters whose output it is
        for (int id = 0; id < n; id++) reporting.add(null);
        String[] value = new String[clusters.all().size()];
        for (Clusters.Cluster c : clusters.all()) {
            List<Summary> list = new ArrayList<>();
            list.add(new Summary(0, c.size() + " nodes"));
            summaries.add(list);
            Node out = trace.node(c.output());
            value[c.id()] = out.label() + " = " + Format.number(out.value());
            if (reporting.get(out.id()) == null) reporting.set(out.id(), new ArrayList<>(1));
            reporting.get(out.id()).add(c.id());
        }
        if (clusters.isEmpty()) return;
        List<Step> steps = trace.steps();
        for (int i = 0; i < steps.size(); i++) {
            Step step = steps.get(i);
            List<Integer> at = reporting.get(step.node());
            if (step.phase() == Phase.FORWARD && at != null) for (int c : at) summaries.get(c).add(new Summary(i + 1, value[c]));
            if (step.phase() != Phase.BACKWARD) continue;
            if (step.node() == trace.output() && at != null) {
                for (int c : at) summaries.get(c).add(new Summary(i + 1, value[c] + " · " + of + trace.node(step.node()).label() + " = 1"));
            }
            for (Contribution k : step.contributions()) {
                List<Integer> fed = reporting.get(k.input());
                if (fed == null) continue;
                for (int c : fed) summaries.get(c).add(new Summary(i + 1, value[c] + " · " + of + trace.node(k.input()).label() + " = " + Format.number(k.gradAfter())));
            }
        }
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
