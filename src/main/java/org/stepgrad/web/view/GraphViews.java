package org.stepgrad.web.view;

import org.stepgrad.replay.Replay;

import java.util.ArrayList;
import java.util.List;
import org.stepgrad.engine.Node;
import org.stepgrad.engine.Op;
import org.stepgrad.layout.Layout;
import org.stepgrad.layout.LayoutCache;
import org.stepgrad.layout.Shape;

/**
 * Turns a replay into the SVG graph at a step: sizes each node box from the longest text it
 * will ever show (so nothing jumps while stepping), asks the layout for positions, and marks
 * what the step highlights.
 */
public final class GraphViews {
    /** Node texts are monospace, so a text's width is its length times the advance. */
    static final double LABEL_ADVANCE = 8.5;   // 14px DejaVu Sans Mono
    static final double TEXT_ADVANCE = 7.6;    // 12.5px
    static final double PAD = 20;
    static final double MIN_WIDTH = 64;
    static final double HEIGHT = 74;
    static final int MAX_LABEL = 28;
    static final double SCALE = 1.5;
    static final double TOGGLE_ADVANCE = 9.2;  // 15px bold, a cluster's toggle

    private final LayoutCache layouts;

    public GraphViews(LayoutCache layouts) {
        this.layouts = layouts;
    }

    public Layout layout(Replay replay) {
        return layouts.layout(shape(replay));
    }

    /** The layout's input: box sizes, edges in replay order, inputs pinned left and the output right. */
    public static Shape shape(Replay replay) {
        List<Node> nodes = replay.trace().nodes();
        List<Shape.NodeSize> sizes = new ArrayList<>(nodes.size());
        List<Shape.Edge> edges = new ArrayList<>(replay.edgeCount());
        for (Node node : nodes) {
            Shape.Pin pin = node.op() == Op.INPUT ? Shape.Pin.FIRST
                    : node.id() == replay.trace().output() ? Shape.Pin.LAST : Shape.Pin.NONE;
            sizes.add(new Shape.NodeSize(node.id(), width(replay, node), HEIGHT, replay.clusters().of(node.id()), pin));
            for (int input : node.inputs()) edges.add(new Shape.Edge(input, node.id()));
        }
        List<Shape.Cluster> clusters = replay.clusters().all().stream()
                .map(c -> new Shape.Cluster(c.id(), c.label())).toList();
        return new Shape(sizes, edges, clusters);
    }

    /** As wide as the longest text the node will ever show, so nothing jumps while stepping. */
    static double width(Replay replay, Node node) {
        int text = node.op().id().length();
        for (Replay.Shown e : replay.node(node.id()).shown()) text = Math.max(text, Math.max(e.value().length(), e.grad().length()));
        double w = Math.max(shortLabel(node.label()).length() * LABEL_ADVANCE, text * TEXT_ADVANCE) + PAD;
        return Math.ceil(Math.max(MIN_WIDTH, w));
    }

    static String shortLabel(String label) {
        return label.length() <= MAX_LABEL ? label : label.substring(0, MAX_LABEL - 1) + "…";
    }

    /**
     * The graph as it looks after page step {@code s}: each node's texts and classes are the
     * replay's entries at s, the highlights are frame s's marks, exactly what the browser applies.
     */
    public GraphView at(Replay replay, Layout layout, int s, List<Replay.Mark> extra) {
        Replay.Frame frame = replay.frame(s);
        List<Node> nodes = replay.trace().nodes();
        String[] marked = new String[nodes.size()];
        for (List<Replay.Mark> marks : List.of(frame.marks(), extra)) {
            for (Replay.Mark m : marks) marked[m.node()] = marked[m.node()] == null ? m.cssClass() : marked[m.node()] + " " + m.cssClass();
        }
        String[] lit = new String[replay.edgeCount()];
        String[] labels = new String[replay.edgeCount()];
        for (Replay.EdgeMark e : frame.edges()) {
            lit[e.edge()] = e.cssClass();
            labels[e.edge()] = e.label();
        }
        int open = replay.walk().focus(s); // the cluster being worked in is open, the others are shut
        boolean[] folded = new boolean[nodes.size()];
        boolean[] foldedEdge = new boolean[replay.edgeCount()];
        for (Replay.Group g : replay.groups()) {
            if (g.id() == open) continue;
            for (int id : g.nodes()) folded[id] = true;
            for (int e : g.edges()) foldedEdge[e] = true;
        }

        List<GraphView.NodeView> nodeViews = new ArrayList<>(nodes.size());
        for (Node node : nodes) {
            int id = node.id();
            Layout.Box box = layout.nodes().get(id);
            Replay.Shown shown = replay.shownAt(id, s);
            String css = "node op-" + node.op().id() + (shown.known() ? " known" : "")
                    + (marked[id] == null ? "" : " " + marked[id]) + (folded[id] ? " folded" : "");
            nodeViews.add(new GraphView.NodeView(id, node.name(), shortLabel(node.label()), node.label(), node.op().id(),
                    css, "translate(" + n(box.x()) + "," + n(box.y()) + ")", n(box.width()), n(box.height()),
                    n(box.width() / 2), shown.value(), shown.grad(), shown.gradClass()));
        }

        List<GraphView.EdgeView> edgeViews = new ArrayList<>(layout.edges().size());
        for (int e = 0; e < layout.edges().size(); e++) {
            Layout.Route route = layout.edges().get(e);
            Layout.Point end = route.points().get(route.points().size() - 1);
            edgeViews.add(new GraphView.EdgeView(e, route.from(), route.to(),
                    "edge" + (lit[e] == null ? "" : " " + lit[e]) + (foldedEdge[e] ? " folded" : ""), path(route),
                    n(end.x() - 8), n(end.y() - 5), labels[e] == null ? "" : labels[e]));
        }

        List<GraphView.ClusterView> clusters = new ArrayList<>();
        for (Layout.Box c : layout.clusters()) {
            Replay.Group group = replay.groups().get(c.id());
            String label = group.label();
            boolean shut = c.id() != open;
            double toggle = (label.length() + 2) * TOGGLE_ADVANCE + 14;
            clusters.add(new GraphView.ClusterView(c.id(), label, n(c.x()), n(c.y()), n(c.width()), n(c.height()),
                    n(c.x() + 8), n(c.y() + 19), shut ? "cover collapsed" : "cover", Boolean.toString(!shut),
                    Replay.latest(group.summaries(), s).text(), n(c.x() + toggle + 12), n(c.y() + 19), n(toggle),
                    n(c.x() + c.width() / 2), n(c.y() + c.height() / 2 + 14)));
        }
        String w = n(layout.width());
        String h = n(layout.height());
        // drawn larger than the layout's units: small graphs stay readable, CSS shrinks big ones to fit
        return new GraphView(n(layout.width() * SCALE), n(layout.height() * SCALE), "0 0 " + w + " " + h,
                nodeViews, edgeViews, clusters);
    }

    private static String path(Layout.Route route) {
        StringBuilder d = new StringBuilder();
        for (Layout.Point p : route.points()) {
            d.append(d.length() == 0 ? "M" : " L").append(n(p.x())).append(' ').append(n(p.y()));
        }
        return d.toString();
    }

    /** A coordinate with at most one decimal, "12" not "12.0": short, and the same bytes everywhere. */
    static String n(double v) {
        long tenths = Math.round(v * 10);
        return tenths % 10 == 0 ? Long.toString(tenths / 10) : (tenths / 10.0 + "");
    }
}
