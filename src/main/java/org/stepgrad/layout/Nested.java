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
        Map<Integer, Level> levels = new HashMap<>();
        Level root = level(0, open, shutSize, levels);
        List<Placed> items = new ArrayList<>();
        Map<Long, Placed> placed = new HashMap<>();
        place(root, 0, 0, levels, items, placed);
        List<Wire> wires = new ArrayList<>();
        for (Level level : levels.values()) wires.addAll(level.wires(placed));
        wires.sort(java.util.Comparator.comparingInt(w -> w.edges().get(0)));
        return new View(root.layout.width(), root.layout.height(), items, wires);
    }

    /** The key of a child at a level: a node's id, or -1 - group. */
    private static long key(int child) {
        return child;
    }

    /** One open group's inside, laid out with its children at their sizes (open children already laid out). */
    private final class Level {
        final int group;
        final List<Integer> children;
        final Layout layout;
        final Map<Integer, List<Integer>> wireEdges; // layout edge index → node-level edges it carries
        final List<long[]> wireEnds;

        Level(int group, List<Integer> children, Layout layout, Map<Integer, List<Integer>> wireEdges, List<long[]> wireEnds) {
            this.group = group;
            this.children = children;
            this.layout = layout;
            this.wireEdges = wireEdges;
            this.wireEnds = wireEnds;
        }

        List<Wire> wires(Map<Long, Placed> placed) {
            List<Wire> list = new ArrayList<>();
            Placed frame = placed.get(key(-1 - group));
            double ox = frame == null ? 0 : frame.x() + PAD;
            double oy = frame == null ? 0 : frame.y() + PAD_TOP;
            for (int i = 0; i < layout.edges().size(); i++) {
                long[] ends = wireEnds.get(i);
                List<Layout.Point> points = new ArrayList<>();
                for (Layout.Point p : layout.edges().get(i).points()) points.add(new Layout.Point(p.x() + ox, p.y() + oy));
                list.add(new Wire(placed.get(ends[0]), placed.get(ends[1]), wireEdges.get(i), points));
            }
            return list;
        }
    }

    private Level level(int group, Set<Integer> open, java.util.function.IntFunction<NodeSpec> shutSize, Map<Integer, Level> levels) {
        List<Integer> children = tree.children(group);
        List<Shape.NodeSize> sizes = new ArrayList<>(children.size());
        Map<Integer, Integer> index = new HashMap<>();
        for (int i = 0; i < children.size(); i++) {
            int child = children.get(i);
            index.put(child, i);
            NodeSpec size;
            if (child >= 0) {
                size = nodes.get(child);
            } else if (open.contains(-1 - child)) {
                Level inner = level(-1 - child, open, shutSize, levels);
                size = new NodeSpec(inner.layout.width() + 2 * PAD, inner.layout.height() + PAD_TOP + PAD, Shape.Pin.NONE);
            } else {
                size = shutSize.apply(-1 - child);
            }
            sizes.add(new Shape.NodeSize(i, size.width(), size.height(), -1, size.pin()));
        }
        // every node-level edge whose ends part at this level becomes (part of) one wire between two children
        Map<Long, List<Integer>> bundles = new LinkedHashMap<>();
        for (int e = 0; e < edges.size(); e++) {
            Shape.Edge edge = edges.get(e);
            int a = childAt(edge.from(), group);
            int b = childAt(edge.to(), group);
            if (a == Integer.MIN_VALUE || b == Integer.MIN_VALUE || a == b) continue;
            long pair = ((long) index.get(a) << 32) | index.get(b);
            bundles.computeIfAbsent(pair, p -> new ArrayList<>()).add(e);
        }
        List<Shape.Edge> shapeEdges = new ArrayList<>(bundles.size());
        Map<Integer, List<Integer>> wireEdges = new HashMap<>();
        List<long[]> wireEnds = new ArrayList<>();
        for (Map.Entry<Long, List<Integer>> b : bundles.entrySet()) {
            int from = (int) (b.getKey() >>> 32);
            int to = (int) (long) b.getKey();
            wireEdges.put(shapeEdges.size(), b.getValue());
            wireEnds.add(new long[] {key(children.get(from)), key(children.get(to))});
            shapeEdges.add(new Shape.Edge(from, to));
        }
        Level level = new Level(group, children, layouts.layout(new Shape(sizes, shapeEdges, List.of())), wireEdges, wireEnds);
        levels.put(group, level);
        return level;
    }

    /** Which child of {@code group} holds node {@code node}, or MIN_VALUE when the node is not under it. */
    private int childAt(int node, int group) {
        int g = tree.groupOf(node);
        if (g == group) return node;
        int d = depth[group];
        while (g > 0 && depth[g] > d + 1) g = tree.parent(g);
        return g > 0 && depth[g] == d + 1 && tree.parent(g) == group ? -1 - g : Integer.MIN_VALUE;
    }

    private void place(Level level, double ox, double oy, Map<Integer, Level> levels, List<Placed> items, Map<Long, Placed> placed) {
        for (int i = 0; i < level.children.size(); i++) {
            int child = level.children.get(i);
            Layout.Box box = level.layout.nodes().get(i);
            double x = ox + box.x();
            double y = oy + box.y();
            boolean isNode = child >= 0;
            Level inner = isNode ? null : levels.get(-1 - child);
            Placed p = new Placed(isNode ? child : -1, isNode ? -1 : -1 - child, inner != null, x, y, box.width(), box.height());
            items.add(p);
            placed.put(key(child), p);
            if (inner != null) place(inner, x + PAD, y + PAD_TOP, levels, items, placed);
        }
    }
}
