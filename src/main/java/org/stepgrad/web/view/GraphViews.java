package org.stepgrad.web.view;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.stepgrad.engine.Node;
import org.stepgrad.engine.Op;
import org.stepgrad.layout.Layout;
import org.stepgrad.layout.LayoutCache;
import org.stepgrad.layout.Nested;
import org.stepgrad.layout.Shape;
import org.stepgrad.replay.Hierarchy;
import org.stepgrad.replay.Replay;

/**
 * Turns a replay into the SVG graph at a step, as far as its open groups show it: sizes each node
 * box from the longest text it will ever show (so nothing jumps while stepping), lays out each
 * open group's inside with the nested layout, and marks what the step highlights.
 */
public final class GraphViews {
    /** Node texts are monospace, so a text's width is its length times the advance. */
    static final double LABEL_ADVANCE = 8.5;   // 14px DejaVu Sans Mono
    static final double TEXT_ADVANCE = 7.6;    // 12.5px
    static final double PAD = 20;
    static final double MIN_WIDTH = 64;
    static final double HEIGHT = 74;
    static final int MAX_LABEL = 28;
    static final double GROUP_HEIGHT = 76;
    static final double GROUP_ADVANCE = 8.6;   // 14px bold, a group's label

    private final LayoutCache layouts;
    // one nested layout per replay: built once (children in written order, node sizes), laid out per open set
    private final Cache<Replay, Nested> nested = Caffeine.newBuilder().weakKeys().maximumSize(64).build();

    public GraphViews(LayoutCache layouts) {
        this.layouts = layouts;
    }

    /** The groups open at step s: those the learner pinned, and the ones holding the step's node. */
    public static Set<Integer> openAt(Replay replay, int s, Set<Integer> pinned) {
        Set<Integer> open = new TreeSet<>(pinned);
        open.removeIf(g -> g <= 0 || g >= replay.hierarchy().groups().size());
        open.addAll(replay.frame(s).open());
        return open;
    }

    private Nested nested(Replay replay) {
        return nested.get(replay, r -> {
            Hierarchy h = r.hierarchy();
            List<Nested.NodeSpec> specs = new ArrayList<>();
            List<Shape.Edge> edges = new ArrayList<>(r.edgeCount());
            for (Node node : r.trace().nodes()) {
                Shape.Pin pin = node.op() == Op.INPUT && h.groupOf(node.id()) == 0 ? Shape.Pin.FIRST
                        : node.id() == r.trace().output() ? Shape.Pin.LAST : Shape.Pin.NONE;
                specs.add(new Nested.NodeSpec(width(r, node), HEIGHT, pin));
                for (int input : node.inputs()) edges.add(new Shape.Edge(input, node.id()));
            }
            List<List<Integer>> children = new ArrayList<>();
            for (Hierarchy.Group g : h.groups()) {
                children.add(h.children(g.id()).stream().map(c -> c.isGroup() ? -1 - c.group() : c.node()).toList());
            }
            Nested.Tree tree = new Nested.Tree() {
                public int groupCount() { return h.groups().size(); }

                public int parent(int group) { return h.group(group).parent(); }

                public List<Integer> children(int group) { return children.get(group); }

                public int groupOf(int node) { return h.groupOf(node); }
            };
            return new Nested(tree, specs, edges, layouts);
        });
    }

    /** As wide as the longest text the node will ever show, so nothing jumps while stepping. */
    static double width(Replay replay, Node node) {
        int text = node.op().id().length();
        for (Replay.Shown e : replay.node(node.id()).shown()) text = Math.max(text, Math.max(e.value().length(), e.grad().length()));
        double w = Math.max(shortLabel(node.label()).length() * LABEL_ADVANCE, text * TEXT_ADVANCE) + PAD;
        return Math.ceil(Math.max(MIN_WIDTH, w));
    }

    /** A shut group: as wide as its label or the longest line of what it produces. */
    private static Nested.NodeSpec shutSize(Replay replay, int group) {
        Hierarchy.Group g = replay.hierarchy().group(group);
        double w = (shortLabel(g.label()).length() + 2) * GROUP_ADVANCE;
        if (g.output() >= 0) w = Math.max(w, width(replay, replay.trace().node(g.output())) + shortLabel(replay.node(g.output()).label()).length() * TEXT_ADVANCE);
        return new Nested.NodeSpec(Math.ceil(w + PAD), GROUP_HEIGHT, Shape.Pin.NONE);
    }

    static String shortLabel(String label) {
        return label.length() <= MAX_LABEL ? label : label.substring(0, MAX_LABEL - 1) + "…";
    }

    /**
     * The graph as it looks after page step {@code s} with {@code open} groups open: each shown
     * text and class is the replay's entry at s, the highlights are frame s's marks (and the host
     * page's {@code extra} ones), exactly what the browser applies.
     */
    public GraphView at(Replay replay, Set<Integer> open, int s, List<Replay.Mark> extra) {
        Nested.View view = nested(replay).view(open, g -> shutSize(replay, g));
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

        List<GraphView.GroupView> groups = new ArrayList<>();
        List<GraphView.NodeView> nodeViews = new ArrayList<>();
        for (Nested.Placed p : view.items()) {
            String at = "translate(" + n(p.x()) + "," + n(p.y()) + ")";
            if (p.node() >= 0) {
                Node node = nodes.get(p.node());
                int id = node.id();
                Replay.Shown shown = replay.shownAt(id, s);
                String css = "node op-" + node.op().id() + (shown.known() ? " known" : "") + (marked[id] == null ? "" : " " + marked[id]);
                nodeViews.add(new GraphView.NodeView(id, node.name(), shortLabel(node.label()), node.label(), node.op().id(),
                        css, at, n(p.width()), n(p.height()), n(p.width() / 2), shown.value(), shown.grad(), shown.gradClass(),
                        replay.formula(id), exact(node), id == frame.node()));
            } else {
                Hierarchy.Group g = replay.hierarchy().group(p.group());
                int out = g.output();
                Replay.Shown shown = out >= 0 ? replay.shownAt(out, s) : null;
                groups.add(new GraphView.GroupView(g.id(), shortLabel(g.label()), "group " + (p.open() ? "open" : "shut"), p.open(), at,
                        n(p.width()), n(p.height()), out, out >= 0 ? shortLabel(replay.node(out).label()) : "",
                        shown == null ? "" : shown.value(), shown == null ? "" : shown.grad(), shown == null ? "grad" : shown.gradClass()));
            }
        }

        List<GraphView.EdgeView> edgeViews = new ArrayList<>(view.wires().size());
        for (Nested.Wire w : view.wires()) {
            String cls = null;
            String label = "";
            for (int e : w.edges()) {
                if (lit[e] != null) cls = lit[e];
                if (labels[e] != null && !labels[e].isEmpty()) label = labels[e];
            }
            Layout.Point end = w.points().get(w.points().size() - 1);
            String carried = w.edges().stream().map(String::valueOf).collect(Collectors.joining(" "));
            edgeViews.add(new GraphView.EdgeView(carried, "edge" + (w.edges().size() > 1 ? " bundle" : "") + (cls == null ? "" : " " + cls),
                    path(w.points()), n(end.x() - 8), n(end.y() - 5), label));
        }
        String w = n(view.width());
        String h = n(view.height());
        String opened = open.stream().map(String::valueOf).collect(Collectors.joining(","));
        return new GraphView(w, h, "0 0 " + w + " " + h, opened, groups, nodeViews, edgeViews);
    }

    /** A node's value at full precision, for the details a click shows (its box shows four digits). */
    private static String exact(Node node) {
        return org.stepgrad.replay.Format.exact(node.value());
    }

    private static String path(List<Layout.Point> points) {
        StringBuilder d = new StringBuilder();
        for (Layout.Point p : points) {
            d.append(d.length() == 0 ? "M" : " L").append(n(p.x())).append(' ').append(n(p.y()));
        }
        return d.toString();
    }

    /** A coordinate with at most one decimal, "12" not "12.0": short, and the same bytes everywhere. */
    static String n(double v) {
        return org.stepgrad.replay.Format.coordinate(v);
    }
}
