package org.stepgrad.replay;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.TreeSet;
import org.stepgrad.engine.Contribution;
import org.stepgrad.engine.Node;
import org.stepgrad.engine.Op;
import org.stepgrad.engine.Phase;
import org.stepgrad.engine.Step;
import org.stepgrad.engine.Trace;

/**
 * The one representation of a replay: every text a learner reads and every class the graph
 * paints, at every step, computed once from a trace. The trace JSON, the page's replay JSON and
 * the SVG at step N are all written from it; the browser receives these texts and classes and
 * only looks them up by step, with {@link #latest}'s rule.
 *
 * <p>Page step {@code s} is the state after {@code s} trace steps: 0 shows the inputs, the last
 * shows every value and gradient.
 */
public final class Replay {
    /** Anything that takes effect from a page step on. */
    public interface Stepped {
        int step();
    }

    /** What a node shows from page step {@code step} on; {@code known} once its value is on screen. */
    public record Shown(int step, String value, String grad, String gradClass, boolean known) implements Stepped {
    }

    /**
     * A node's fixed texts and its changes. {@code formula} says how it was computed; for a computed
     * node it is the narration of page step {@code formulaStep} (sent once, under that step).
     */
    public record NodeText(int id, String name, String label, String op, List<Integer> edgesIn, String formula,
                           int formulaStep, List<Shown> shown) {
        public NodeText {
            edgesIn = List.copyOf(edgesIn);
            shown = List.copyOf(shown);
        }
    }

    /** A node the step highlights, and how ("current", "reading", "receiving"). */
    public record Mark(int node, String cssClass) {
    }

    /** An edge the step lights ("lit forward", "lit back"), with the label it writes beside its arrow. */
    public record EdgeMark(int edge, String cssClass, String label) {
    }

    /**
     * What page step {@code step} shows: its phase ("start", "forward", "backward"), the node it
     * computed (-1 at the start), the headline and narration, what it highlights, and on the way
     * back one sentence per input the gradient is sent to (in operand order), and the groups that
     * open by themselves to show the node ({@link Hierarchy#path}).
     */
    public record Frame(int step, String phase, int node, String headline, String text, List<Mark> marks,
                        List<EdgeMark> edges, List<String> sends, List<Integer> open) {
        public Frame {
            marks = List.copyOf(marks);
            edges = List.copyOf(edges);
            sends = List.copyOf(sends);
            open = List.copyOf(open);
        }
    }

    /** A cluster as the page folds it: its nodes and the edges inside it, and its summary line per step. */
    public record Group(int id, String label, List<Integer> nodes, List<Integer> edges, List<ClusterWalk.Summary> summaries) {
        public Group {
            nodes = List.copyOf(nodes);
            edges = List.copyOf(edges);
            summaries = List.copyOf(summaries);
        }
    }

    private static final int LISTED_INPUTS = 8;

    private final Trace trace;
    private final Clusters clusters;
    private final ClusterWalk walk;
    private final int[] edgeStart;
    private final List<NodeText> nodes;
    private final List<Frame> frames;
    private final List<Group> groups;
    private final Hierarchy hierarchy;
    private final int[] changeStart; // changed(s) is changeNodes[changeStart[s] .. changeStart[s + 1])
    private final int[] changeNodes;

    /** A replay without clusters: every node is drawn and stepped alike. */
    public Replay(Trace trace) {
        this(trace, null, "");
    }

    public Replay(Trace trace, int[] nodeLine) {
        this(trace, nodeLine, "");
    }

    /**
     * @param nodeLine the source line of every node ({@code Traced.nodeLine()}), which groups them into clusters
     * @param source   the program, whose group comments declare the hierarchy
     */
    public Replay(Trace trace, int[] nodeLine, String source) {
        this.trace = trace;
        this.clusters = Clusters.of(trace, nodeLine);
        this.hierarchy = Hierarchy.of(trace, nodeLine, source);
        Narrator narrator = new Narrator(trace);
        int n = trace.nodes().size();
        edgeStart = new int[n + 1];
        for (int id = 0; id < n; id++) edgeStart[id + 1] = edgeStart[id] + trace.node(id).inputs().size();
        this.nodes = nodeTexts(narrator);
        this.frames = frames(narrator);
        this.walk = new ClusterWalk(trace, clusters);
        this.groups = buildGroups();
        // which nodes show something new at each step, so a window of steps names only those
        changeStart = new int[stepCount() + 2];
        for (NodeText t : nodes) for (Shown e : t.shown()) if (e.step() > 0) changeStart[e.step() + 1]++;
        for (int s = 0; s <= stepCount(); s++) changeStart[s + 1] += changeStart[s];
        changeNodes = new int[changeStart[stepCount() + 1]];
        int[] fill = java.util.Arrays.copyOf(changeStart, stepCount() + 1);
        for (NodeText t : nodes) for (Shown e : t.shown()) if (e.step() > 0) changeNodes[fill[e.step()]++] = t.id();
    }

    // ---- what the model holds ----

    public Trace trace() { return trace; }

    public Clusters clusters() { return clusters; }

    /** The groups the graph is drawn in, opened one at a time. */
    public Hierarchy hierarchy() { return hierarchy; }

    /** Which cluster each page step works in, and where "next point" and "previous point" go from it. */
    public ClusterWalk walk() { return walk; }

    public List<NodeText> nodes() { return nodes; }

    public NodeText node(int id) { return nodes.get(id); }

    /** Frames 0 … {@link #stepCount()}. */
    public List<Frame> frames() { return frames; }

    public Frame frame(int s) { return frames.get(s); }

    public List<Group> groups() { return groups; }

    public int stepCount() { return trace.steps().size(); }

    public int forwardSteps() { return trace.forwardSteps(); }

    public int clamp(int step) { return Math.max(0, Math.min(stepCount(), step)); }

    /** Edges are numbered node by node, operand by operand: edge of operand k of node n. */
    public int edge(int node, int operand) { return edgeStart[node] + operand; }

    public int edgeCount() { return edgeStart[edgeStart.length - 1]; }

    /** The nodes whose texts change at page step s (none at 0), in id order. */
    public int[] changedAt(int s) {
        return java.util.Arrays.copyOfRange(changeNodes, changeStart[s], changeStart[s + 1]);
    }

    /** What a node shows at page step s. */
    public Shown shownAt(int node, int s) { return latest(nodes.get(node).shown(), s); }

    /** A node's formula: its own text for a leaf, else the narration of the step that computed it. */
    public String formula(int node) {
        NodeText t = nodes.get(node);
        return t.formulaStep() < 0 ? t.formula() : frames.get(t.formulaStep()).text();
    }

    /** The one lookup rule, shared with the browser: the last entry whose step is at most s (entries start at step 0). */
    public static <T extends Stepped> T latest(List<T> entries, int s) {
        int lo = 0;
        int hi = entries.size() - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (entries.get(mid).step() <= s) lo = mid;
            else hi = mid - 1;
        }
        return entries.get(lo);
    }

    // ---- built once ----

    /** A node's gradient text from page step {@code step} on; {@code acc} shows "+=" at the step that added it. */
    private record GradEvent(int step, String text, String acc, String sign) {
    }

    private List<NodeText> nodeTexts(Narrator narrator) {
        int n = trace.nodes().size();
        int[] valueStep = new int[n];
        List<List<GradEvent>> grads = new ArrayList<>(n);
        for (int id = 0; id < n; id++) grads.add(new ArrayList<>(1));
        List<Step> steps = trace.steps();
        for (int i = 0; i < steps.size(); i++) {
            Step step = steps.get(i);
            int at = i + 1;
            if (step.phase() == Phase.FORWARD) {
                valueStep[step.node()] = at;
                continue;
            }
            if (step.node() == trace.output()) grads.get(step.node()).add(new GradEvent(at, gradText(1), null, sign(1)));
            for (Contribution c : step.contributions()) {
                // where a value fans out, the second path adds to what the first left: show the sum
                String acc = c.gradBefore() == 0 ? null
                        : "grad " + Format.number(c.gradBefore()) + " += " + Format.factor(c.product()) + " → " + Format.number(c.gradAfter());
                grads.get(c.input()).add(new GradEvent(at, gradText(c.gradAfter()), acc, sign(c.gradAfter())));
            }
        }
        List<NodeText> texts = new ArrayList<>(n);
        for (Node node : trace.nodes()) {
            int id = node.id();
            String value = "= " + Format.number(node.value());
            TreeSet<Integer> changes = new TreeSet<>(List.of(0, valueStep[id]));
            for (GradEvent e : grads.get(id)) {
                changes.add(e.step());
                if (e.acc() != null) changes.add(e.step() + 1); // the "+=" form shows only at its own step
            }
            List<Shown> shown = new ArrayList<>(changes.size());
            List<GradEvent> events = grads.get(id);
            int next = 0;
            GradEvent g = null;
            for (int s : changes) {
                if (s > stepCount()) continue;
                while (next < events.size() && events.get(next).step() <= s) g = events.get(next++);
                boolean known = s >= valueStep[id];
                String grad = g == null ? "" : g.step() == s && g.acc() != null ? g.acc() : g.text();
                shown.add(new Shown(s, known ? value : "", grad, g == null ? "grad" : "grad " + g.sign(), known));
            }
            List<Integer> in = new ArrayList<>(node.inputs().size());
            for (int k = 0; k < node.inputs().size(); k++) in.add(edge(id, k));
            String formula = switch (node.op()) {
                case INPUT -> node.label() + " = " + Format.number(node.value()) + ", an input";
                case CONST -> "the constant " + Format.number(node.value());
                default -> null;
            };
            texts.add(new NodeText(id, node.name(), node.label(), node.op().id(), in, formula,
                    formula == null ? valueStep[id] : -1, shown));
        }
        return texts;
    }

    private List<Frame> frames(Narrator narrator) {
        List<Frame> list = new ArrayList<>(stepCount() + 1);
        list.add(new Frame(0, "start", -1, headline(0, null), start(), List.of(), List.of(), List.of(), List.of()));
        List<Step> steps = trace.steps();
        for (int i = 0; i < steps.size(); i++) {
            Step step = steps.get(i);
            Node node = trace.node(step.node());
            boolean back = step.phase() == Phase.BACKWARD;
            List<Mark> marks = new ArrayList<>(node.inputs().size() + 1);
            marks.add(new Mark(node.id(), "current"));
            List<EdgeMark> edges = new ArrayList<>(node.inputs().size());
            List<String> sends = new ArrayList<>(back ? node.inputs().size() : 0);
            for (int k = 0; k < node.inputs().size(); k++) {
                marks.add(new Mark(node.inputs().get(k), back ? "receiving" : "reading"));
                String label = "";
                if (back) {
                    Contribution c = step.contributions().get(k);
                    label = "+= " + Format.factor(c.upstream()) + "·" + Format.factor(c.local());
                    sends.add(narrator.contribution(node, c));
                }
                edges.add(new EdgeMark(edge(node.id(), k), back ? "lit back" : "lit forward", label));
            }
            list.add(new Frame(i + 1, step.phase().id(), node.id(), headline(i + 1, step), narrator.step(step), marks, edges, sends,
                    hierarchy.path(node.id())));
        }
        return Collections.unmodifiableList(list);
    }

    /** Every cluster's members and inside edges, in one pass over the nodes (a thousand points cost what one does). */
    private List<Group> buildGroups() {
        int count = clusters.all().size();
        List<List<Integer>> members = new ArrayList<>(count);
        List<List<Integer>> inside = new ArrayList<>(count);
        for (Clusters.Cluster c : clusters.all()) {
            members.add(new ArrayList<>(c.size()));
            inside.add(new ArrayList<>());
        }
        for (Node node : trace.nodes()) {
            int c = clusters.of(node.id());
            if (c < 0) continue;
            members.get(c).add(node.id());
            for (int k = 0; k < node.inputs().size(); k++) {
                if (clusters.of(node.inputs().get(k)) == c) inside.get(c).add(edge(node.id(), k));
            }
        }
        List<Group> list = new ArrayList<>(count);
        for (Clusters.Cluster c : clusters.all()) list.add(new Group(c.id(), c.label(), members.get(c.id()), inside.get(c.id()), walk.summaries(c.id())));
        return list;
    }

    /** "Step 3 of 8 · forward pass". */
    private String headline(int s, Step done) {
        String phase = done == null ? "start: the inputs" : done.phase() == Phase.FORWARD ? "forward pass" : "backward pass";
        return "Step " + s + " of " + stepCount() + " · " + phase;
    }

    /** The sentence for step 0: which inputs are set and what the first press will do. */
    private String start() {
        List<String> inputs = new ArrayList<>();
        int count = 0;
        for (Node node : trace.nodes()) {
            if (node.op() != Op.INPUT) continue;
            if (count++ < LISTED_INPUTS) inputs.add(node.label() + " = " + Format.number(node.value()));
        }
        String list = String.join(", ", inputs) + (count > LISTED_INPUTS ? " and " + (count - LISTED_INPUTS) + " more" : "");
        String set = count == 0 ? "The graph has no inputs, only constants." : "The inputs are set: " + list + ".";
        return set + (stepCount() == 0 ? "" : " Press → to compute the first node.");
    }

    private static String gradText(double g) {
        return "grad " + Format.number(g);
    }

    private static String sign(double g) {
        return g > 0 ? "pos" : g < 0 ? "neg" : "zero";
    }
}
