package org.stepgrad.replay;

import java.util.ArrayList;
import java.util.List;
import org.stepgrad.engine.Contribution;
import org.stepgrad.engine.Node;
import org.stepgrad.engine.Phase;
import org.stepgrad.engine.Step;
import org.stepgrad.engine.Trace;

/**
 * What the page shows at every step of a trace, as ready-to-print text: the server renders a
 * step from it and {@link ReplayJson} hands the same texts to the browser, so the page reads the
 * same with and without JavaScript.
 *
 * <p>Page step {@code s} is the state after {@code s} trace steps: 0 shows the inputs, the last
 * shows every value and gradient.
 */
public final class Replay {
    /** A node's gradient text from page step {@code step} on; {@code accText} shows "+=" while current. */
    public record GradEvent(int step, String text, String accText, String sign) {
    }

    /** What one backward step sends along one edge. */
    public record Send(int edge, int node, String label, String text) {
    }

    private static final int LISTED_INPUTS = 8;

    private final Trace trace;
    private final Narrator narrator;
    private final int[] valueStep;
    private final int[] edgeStart;
    private final List<List<GradEvent>> grads;
    private final Clusters clusters;
    private final ClusterWalk walk;

    /** A replay without clusters: every node is drawn and stepped alike. */
    public Replay(Trace trace) {
        this(trace, null);
    }

    /** @param nodeLine the source line of every node ({@code Traced.nodeLine()}), which groups them into clusters */
    public Replay(Trace trace, int[] nodeLine) {
        this.trace = trace;
        this.clusters = Clusters.of(trace, nodeLine);
        this.narrator = new Narrator(trace);
        int n = trace.nodes().size();
        valueStep = new int[n];
        edgeStart = new int[n + 1];
        grads = new ArrayList<>(n);
        for (int id = 0; id < n; id++) {
            edgeStart[id + 1] = edgeStart[id] + trace.node(id).inputs().size();
            grads.add(new ArrayList<>(1));
        }
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
        walk = new ClusterWalk(trace, clusters);
    }

    public Clusters clusters() { return clusters; }

    /** Which cluster each page step works in, and where "next point" and "previous point" go from it. */
    public ClusterWalk walk() { return walk; }

    public Trace trace() { return trace; }

    public int stepCount() { return trace.steps().size(); }

    public int forwardSteps() { return trace.forwardSteps(); }

    public int clamp(int step) { return Math.max(0, Math.min(stepCount(), step)); }

    /** Edges are numbered node by node, operand by operand: edge of operand k of node n. */
    public int edge(int node, int operand) { return edgeStart[node] + operand; }

    public int edgeCount() { return edgeStart[edgeStart.length - 1]; }

    /** The page step at which a node's value appears: 0 for leaves. */
    public int valueStep(int node) { return valueStep[node]; }

    public String valueText(int node) { return "= " + Format.number(trace.node(node).value()); }

    public List<GradEvent> gradEvents(int node) { return grads.get(node); }

    /** The trace step that page step {@code s} has just done, or null at step 0. */
    public Step doneAt(int s) { return s == 0 ? null : trace.steps().get(s - 1); }

    public String valueAt(int node, int s) { return s >= valueStep[node] ? valueText(node) : ""; }

    /** The gradient event showing at step s, or null while the node has none. */
    public GradEvent gradAt(int node, int s) {
        GradEvent shown = null;
        for (GradEvent e : grads.get(node)) {
            if (e.step() > s) break;
            shown = e;
        }
        return shown;
    }

    public String gradTextAt(int node, int s) {
        GradEvent e = gradAt(node, s);
        if (e == null) return "";
        return e.step() == s && e.accText() != null ? e.accText() : e.text();
    }

    /** "Step 3 of 8 · forward pass". */
    public String headline(int s) {
        String phase = s == 0 ? "start: the inputs"
                : doneAt(s).phase() == Phase.FORWARD ? "forward pass" : "backward pass";
        return "Step " + s + " of " + stepCount() + " · " + phase;
    }

    public String narration(int s) {
        return s == 0 ? start() : narrator.step(doneAt(s));
    }

    public List<Send> sends(int s) {
        Step step = doneAt(s);
        if (step == null || step.phase() != Phase.BACKWARD) return List.of();
        Node node = trace.node(step.node());
        List<Send> sends = new ArrayList<>(step.contributions().size());
        for (int k = 0; k < step.contributions().size(); k++) {
            Contribution c = step.contributions().get(k);
            sends.add(new Send(edge(node.id(), k), c.input(),
                    "+= " + Format.factor(c.upstream()) + "·" + Format.factor(c.local()), narrator.contribution(node, c)));
        }
        return sends;
    }

    /** What clicking a node explains: how it was computed. */
    public String formula(int id) {
        Node node = trace.node(id);
        return switch (node.op()) {
            case INPUT -> node.label() + " = " + Format.number(node.value()) + ", an input";
            case CONST -> "the constant " + Format.number(node.value());
            default -> narrator.forward(node);
        };
    }

    /** The sentence for step 0: which inputs are set and what the first press will do. */
    private String start() {
        List<String> inputs = new ArrayList<>();
        int count = 0;
        for (Node node : trace.nodes()) {
            if (node.op() != org.stepgrad.engine.Op.INPUT) continue;
            if (count++ < LISTED_INPUTS) inputs.add(node.label() + " = " + Format.number(node.value()));
        }
        String list = String.join(", ", inputs) + (count > LISTED_INPUTS ? " and " + (count - LISTED_INPUTS) + " more" : "");
        String set = count == 0 ? "The graph has no inputs, only constants." : "The inputs are set: " + list + ".";
        return set + (stepCount() == 0 ? "" : " Press → to compute the first node.");
    }

    private static String gradText(double g) {
        return "grad " + Format.number(g);
    }

    public static String sign(double g) {
        return g > 0 ? "pos" : g < 0 ? "neg" : "zero";
    }
}
