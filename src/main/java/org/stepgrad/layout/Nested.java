package org.stepgrad.layout;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Lays out a tree of groups one open group at a time. Each open group's inside is laid out on its
 * own, its shut children as single boxes, and the pieces are fitted together by offset; so opening
 * a group costs the small layout of its inside and of each level above it (whose order is kept,
 * so the rest moves aside rather than being rearranged), never a layout of the whole graph.
 * An edge is drawn once per pair of boxes it connects at the level where its ends part, so the
 * many wires from a shared input to a shut group become one.
 */
public final class Nested {
    /** Padding inside an open group's frame: room for its label on top. */
    static final double PAD = 10;
    static final double PAD_TOP = 30;

    /**
     * The tree to lay out. Groups are numbered from 0 (the root); {@code parent} is -1 for the root.
     * A node sits directly in {@code groupOf(node)}.
     */
    public interface Tree {
        int groupCount();

        int parent(int group);

        /** A group's children in written order: a value {@code >= 0} is a node, {@code -1 - g} is group g. */
        List<Integer> children(int group);

        int groupOf(int node);
    }

    /** A node's box size and where it must go regardless of its edges. */
    public record NodeSpec(double width, double height, Shape.Pin pin) {
    }

    /** A visible item: a node ({@code group == -1}) or a group ({@code node == -1}), open or shut, in absolute coordinates. */
    public record Placed(int node, int group, boolean open, double x, double y, double width, double height) {
    }

    /**
     * A drawn connection between two visible items, with the node-level edges it carries
     * (indices into the caller's edge list) and its route in absolute coordinates.
     */
    public record Wire(Placed from, Placed to, List<Integer> edges, List<Layout.Point> points) {
        public Wire {
            edges = List.copyOf(edges);
            points = List.copyOf(points);
        }
    }

    /** The laid-out view: its size, every visible item (frames before what they hold), and the wires. */
    public record View(double width, double height, List<Placed> items, List<Wire> wires) {
        public View {
            items = List.copyOf(items);
            wires = List.copyOf(wires);
        }
    }

    private final Tree tree;
    private final List<NodeSpec> nodes;
    private final List<Shape.Edge> edges;
    private final LayoutCache layouts;
    private final int[] depth;

    /**
     * @param nodes  every node's box, by id
     * @param edges  every node-level edge (from operand to reader); their indices name them in {@link Wire#edges()}
     */
    public Nested(Tree tree, List<NodeSpec> nodes, List<Shape.Edge> edges, LayoutCache layouts) {
        this.tree = tree;
        this.nodes = nodes;
        this.edges = edges;
        this.layouts = layouts;
        depth = new int[tree.groupCount()];
        for (int g = 1; g < depth.length; g++) depth[g] = depthOf(g);
    }

    private int depthOf(int g) {
        int d = 0;
        for (int p = g; p > 0; p = tree.parent(p)) d++;
        return d;
    }

    /**
     * The view with {@code open} groups open (a group whose parent is shut stays hidden).
     *
     * @param shutSize the box of a shut group (its label and summary decide its width)
     */
    public View view(Set<Integer> open, java.util.function.IntFunction<NodeSpec> shutSize) {
        Level root = level(0, open, shutSize);
        List<Placed> items = new ArrayList<>();
        List<Wire> wires = new ArrayList<>();
        place(root, 0, 0, items, wires);
        wires.sort(java.util.Comparator.comparingInt(w -> w.edges().get(0)));
        return new View(root.width(), root.height(), items, wires);
    }

    /**
     * A group's inside with every child shut, laid out once and kept: what opening a child
     * starts from. {@code ends} holds each wire's two children (indices), {@code carried} the
     * node-level edges it carries.
     */
    private record Base(List<Integer> children, Layout layout, List<int[]> ends, List<List<Integer>> carried) {
    }

    /**
     * A group's inside with some children open: each child's box (x, y, width, height, relative to
     * the level's origin), the open children's own levels, the wires' routes, and its size.
     */
    private record Level(Base base, double[][] boxes, Level[] inner, List<List<Layout.Point>> routes, double width, double height) {
    }

    private final Map<Integer, Base> bases = new java.util.concurrent.ConcurrentHashMap<>();

    private Base base(int group, java.util.function.IntFunction<NodeSpec> shutSize) {
        return bases.computeIfAbsent(group, g -> {
            List<Integer> children = tree.children(g);
            List<Shape.NodeSize> sizes = new ArrayList<>(children.size());
            Map<Integer, Integer> index = new HashMap<>();
            for (int i = 0; i < children.size(); i++) {
                int child = children.get(i);
                index.put(child, i);
                NodeSpec size = child >= 0 ? nodes.get(child) : shutSize.apply(-1 - child);
                sizes.add(new Shape.NodeSize(i, size.width(), size.height(), -1, size.pin()));
            }
            // every node-level edge whose ends part at this level becomes (part of) one wire between two children
            Map<Long, List<Integer>> bundles = new LinkedHashMap<>();
            for (int e = 0; e < edges.size(); e++) {
                Shape.Edge edge = edges.get(e);
                int a = childAt(edge.from(), g);
                int b = childAt(edge.to(), g);
                if (a == Integer.MIN_VALUE || b == Integer.MIN_VALUE || a == b) continue;
                long pair = ((long) index.get(a) << 32) | index.get(b);
                bundles.computeIfAbsent(pair, p -> new ArrayList<>()).add(e);
            }
            List<Shape.Edge> shapeEdges = new ArrayList<>(bundles.size());
            List<int[]> ends = new ArrayList<>();
            List<List<Integer>> carried = new ArrayList<>();
            for (Map.Entry<Long, List<Integer>> b : bundles.entrySet()) {
                int from = (int) (b.getKey() >>> 32);
                int to = (int) (long) b.getKey();
                ends.add(new int[] {from, to});
                carried.add(List.copyOf(b.getValue()));
                shapeEdges.add(new Shape.Edge(from, to));
            }
            return new Base(children, layouts.layout(new Shape(sizes, shapeEdges, List.of())), ends, carried);
        });
    }

    /**
     * Opens the given children of a group in place: an open child keeps its top-left corner and
     * grows to its inside's size; what lies right of its column moves right by as much as the
     * column grew, what lies below it in its column moves down. Nothing else moves, and no
     * layout of this level is run again.
     */
    private Level level(int group, Set<Integer> open, java.util.function.IntFunction<NodeSpec> shutSize) {
        Base base = base(group, shutSize);
        int n = base.children().size();
        Level[] inner = new Level[n];
        double[][] boxes = new double[n][];
        List<double[]> grown = new ArrayList<>(); // x, right, y, bottom, dw, dh of each open child, as laid out shut
        for (int i = 0; i < n; i++) {
            Layout.Box b = base.layout().nodes().get(i);
            boxes[i] = new double[] {b.x(), b.y(), b.width(), b.height()};
            int child = base.children().get(i);
            if (child < 0 && open.contains(-1 - child)) {
                inner[i] = level(-1 - child, open, shutSize);
                double w = inner[i].width() + 2 * PAD;
                double h = inner[i].height() + PAD_TOP + PAD;
                grown.add(new double[] {b.x(), b.x() + b.width(), b.y(), b.y() + b.height(), Math.max(0, w - b.width()), Math.max(0, h - b.height())});
                boxes[i][2] = w;
                boxes[i][3] = h;
            }
        }
        if (grown.isEmpty()) {
            List<List<Layout.Point>> routes = new ArrayList<>();
            for (Layout.Route r : base.layout().edges()) routes.add(r.points());
            return new Level(base, boxes, inner, routes, base.layout().width(), base.layout().height());
        }
        double width = 0;
        double height = 0;
        for (int i = 0; i < n; i++) {
            double[] b = boxes[i];
            double x = b[0] + dx(grown, b[0]);
            // a box shares a column with an open child when their spans overlap: boxes of one layer
            // are centred, so a wider or narrower one below starts left or right of the child
            double y = b[1] + dy(grown, b[0], b[0] + b[2], b[1]);
            boxes[i] = new double[] {x, y, b[2], b[3]};
            width = Math.max(width, x + b[2]);
            height = Math.max(height, y + b[3]);
        }
        List<List<Layout.Point>> routes = new ArrayList<>();
        for (Layout.Route r : base.layout().edges()) {
            List<Layout.Point> moved = new ArrayList<>(r.points().size());
            for (Layout.Point p : r.points()) moved.add(new Layout.Point(p.x() + dx(grown, p.x()), p.y() + dy(grown, p.x(), p.x(), p.y())));
            routes.add(moved);
        }
        return new Level(base, boxes, inner, routes, width + PAD, height + PAD);
    }

    /** How far a point at x moves right: the growth of every column of open children wholly left of it. */
    private static double dx(List<double[]> grown, double x) {
        double shift = 0;
        double columnEnd = Double.NEGATIVE_INFINITY;
        double columnGrowth = 0;
        List<double[]> left = new ArrayList<>();
        for (double[] g : grown) if (g[1] <= x + 0.5) left.add(g);
        left.sort(java.util.Comparator.comparingDouble(g -> g[0]));
        for (double[] g : left) {
            if (g[0] >= columnEnd) { // a new column: the last one's growth is final
                shift += columnGrowth;
                columnGrowth = 0;
            }
            columnGrowth = Math.max(columnGrowth, g[4]);
            columnEnd = Math.max(columnEnd, g[1]);
        }
        return shift + columnGrowth;
    }

    /** How far something spanning x0…x1 at height y moves down: the growth of the open children above it in its column. */
    private static double dy(List<double[]> grown, double x0, double x1, double y) {
        double shift = 0;
        for (double[] g : grown) {
            boolean column = x0 == x1 ? x0 >= g[0] - 0.5 && x0 < g[1] - 0.5 : x1 > g[0] + 0.5 && x0 < g[1] - 0.5;
            if (column && g[3] <= y + 0.5) shift += g[5];
        }
        return shift;
    }

    /** Which child of {@code group} holds node {@code node}, or MIN_VALUE when the node is not under it. */
    private int childAt(int node, int group) {
        int g = tree.groupOf(node);
        if (g == group) return node;
        int d = depth[group];
        while (g > 0 && depth[g] > d + 1) g = tree.parent(g);
        return g > 0 && depth[g] == d + 1 && tree.parent(g) == group ? -1 - g : Integer.MIN_VALUE;
    }

    private void place(Level level, double ox, double oy, List<Placed> items, List<Wire> wires) {
        Placed[] placed = new Placed[level.boxes().length];
        for (int i = 0; i < level.boxes().length; i++) {
            int child = level.base().children().get(i);
            double[] b = level.boxes()[i];
            boolean isNode = child >= 0;
            placed[i] = new Placed(isNode ? child : -1, isNode ? -1 : -1 - child, level.inner()[i] != null, ox + b[0], oy + b[1], b[2], b[3]);
            items.add(placed[i]);
            if (level.inner()[i] != null) place(level.inner()[i], ox + b[0] + PAD, oy + b[1] + PAD_TOP, items, wires);
        }
        for (int w = 0; w < level.routes().size(); w++) {
            int[] ends = level.base().ends().get(w);
            List<Layout.Point> points = new ArrayList<>();
            for (Layout.Point p : level.routes().get(w)) points.add(new Layout.Point(ox + p.x(), oy + p.y()));
            wires.add(new Wire(placed[ends[0]], placed[ends[1]], level.base().carried().get(w), points));
        }
    }
}
