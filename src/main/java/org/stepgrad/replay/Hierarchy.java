package org.stepgrad.replay;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.stepgrad.engine.Node;
import org.stepgrad.engine.Trace;

/**
 * The groups of a graph, a tree: declared by the program, one per assignment line, and buckets
 * that keep every level small.
 *
 * <p>Built in four phases, each O(n): split the nodes into their assignments (one source line
 * each); place each assignment in the group its {@code ## label} header opened (or, for a large
 * program with none, the group its name suggests, see {@link Inferred}); give every assignment of
 * two or more nodes a LINE group; split any level of more than {@link #MAX_CHILDREN} children
 * into SERIES. Group ids are then renumbered in preorder, so they read top-down as written.
 */
public final class Hierarchy {
    /** id 0 is the root (label "", parent -1). Children in written order. output: the node whose value/gradient the collapsed box reports (-1 if none). */
    public record Group(int id, String label, int parent, List<Integer> groups, List<Integer> nodes, int output, Kind kind) {
        public Group {
            groups = List.copyOf(groups);
            nodes = List.copyOf(nodes);
        }
    }

    /** Where a group comes from: the whole graph, a {@code ##} header (or a guessed one), one assignment line, or a bucket. */
    public enum Kind { ROOT, DECLARED, LINE, SERIES }

    /** One of a group's children in written order: a group ({@code node} -1) or a node ({@code group} -1). */
    public record Child(int group, int node) {
        public boolean isGroup() {
            return group >= 0;
        }
    }

    /** A graph this small that declares nothing is drawn flat, as it always was. */
    static final int FLAT_NODES = 40;
    /** The most children any group shows at once. */
    static final int MAX_CHILDREN = 24;

    private final List<Group> groups;
    private final List<List<Child>> children;
    private final int[] groupOf;
    private final int[] depth;
    private final int[] size;

    /** @param nodeLine the source line of every node ({@code Traced.nodeLine()}); source: the program text with its headers */
    public static Hierarchy of(Trace trace, int[] nodeLine, String source) {
        List<Node> nodes = trace == null ? List.of() : trace.nodes();
        int n = nodes.size();
        GroupTree tree = new GroupTree();
        int root = tree.add("", -1, Kind.ROOT);
        Headers headers = Headers.of(source);
        if (!headers.declaresAny() && n <= FLAT_NODES) {
            for (int id = 0; id < n; id++) tree.addNode(root, id);
            return new Hierarchy(tree, n, nodes);
        }
        // an assignment's unnamed parts are built just before its named result, on its line
        int[] starts = new int[n + 1];
        int runs = 0;
        for (int id = 0; id < n; id++) if (id == 0 || line(nodeLine, id) != line(nodeLine, id - 1)) starts[runs++] = id;
        starts[runs] = n;
        String[] names = new String[runs];
        int[] sizes = new int[runs];
        for (int r = 0; r < runs; r++) {
            names[r] = nodes.get(starts[r + 1] - 1).name();
            sizes[r] = starts[r + 1] - starts[r];
        }
        List<Headers.Path> paths;
        int[] pathOf = new int[runs];
        if (headers.declaresAny()) {
            paths = headers.paths();
            for (int r = 0; r < runs; r++) pathOf[r] = headers.openAt(line(nodeLine, starts[r]));
        } else {
            Inferred.Guess guess = Inferred.of(names, sizes);
            paths = guess.paths();
            pathOf = guess.pathOf();
        }
        int[] groupOfPath = new int[paths.size()];
        Arrays.fill(groupOfPath, -1);
        for (int r = 0; r < runs; r++) {
            int enclosing = materialize(pathOf[r], paths, groupOfPath, tree);
            if (sizes[r] < 2) {
                tree.addNode(enclosing, starts[r]);
                continue;
            }
            Node result = nodes.get(starts[r + 1] - 1);
            String label = Headers.cut(result.name() != null ? result.name() : result.label(), Headers.MAX_LABEL);
            int line = tree.add(label, enclosing, Kind.LINE);
            for (int id = starts[r]; id < starts[r + 1]; id++) tree.addNode(line, id);
        }
        int made = tree.size();
        for (int g = 0; g < made; g++) tree.bucket(g, MAX_CHILDREN, id -> shortName(nodes.get(id)));
        return new Hierarchy(tree, n, nodes);
    }

    private static int line(int[] nodeLine, int id) {
        // without lines every node is an assignment of its own
        return nodeLine != null && id < nodeLine.length ? nodeLine[id] : -1 - id;
    }

    private static String shortName(Node node) {
        return node.name() != null ? node.name() : node.label();
    }

    /** The group of a declared path, made (with the paths around it) when its first node arrives, so no group is empty. */
    private static int materialize(int path, List<Headers.Path> paths, int[] groupOfPath, GroupTree tree) {
        if (path < 0) return 0;
        ArrayDeque<Integer> missing = new ArrayDeque<>();
        int p = path;
        while (p >= 0 && groupOfPath[p] < 0) {
            missing.push(p);
            p = paths.get(p).parent();
        }
        int parent = p < 0 ? 0 : groupOfPath[p];
        while (!missing.isEmpty()) {
            int q = missing.pop();
            groupOfPath[q] = tree.add(paths.get(q).label(), parent, Kind.DECLARED);
            parent = groupOfPath[q];
        }
        return groupOfPath[path];
    }

    private Hierarchy(GroupTree tree, int n, List<Node> nodes) {
        int count = tree.size();
        // preorder, iteratively: a header such as "## a / b / c / …" may nest deeply
        int[] order = new int[count];
        int[] newId = new int[count];
        int seen = 0;
        ArrayDeque<Integer> stack = new ArrayDeque<>();
        stack.push(0);
        while (!stack.isEmpty()) {
            int old = stack.pop();
            newId[old] = seen;
            order[seen++] = old;
            List<Integer> kids = tree.children.get(old);
            for (int i = kids.size() - 1; i >= 0; i--) if (GroupTree.isGroup(kids.get(i))) stack.push(GroupTree.group(kids.get(i)));
        }
        groupOf = new int[n];
        depth = new int[count];
        size = new int[count];
        int[] lastNamed = new int[count];
        int[] output = new int[count];
        int[] parent = new int[count];
        List<List<Integer>> childGroups = new ArrayList<>(count);
        List<List<Integer>> directNodes = new ArrayList<>(count);
        List<List<Child>> kids = new ArrayList<>(count);
        for (int g = 0; g < count; g++) {
            int old = order[g];
            parent[g] = old == 0 ? -1 : newId[tree.parents.get(old)];
            depth[g] = parent[g] < 0 ? 0 : depth[parent[g]] + 1;
            List<Integer> cg = new ArrayList<>();
            List<Integer> dn = new ArrayList<>();
            List<Child> all = new ArrayList<>();
            for (int c : tree.children.get(old)) {
                if (GroupTree.isGroup(c)) {
                    cg.add(newId[GroupTree.group(c)]);
                    all.add(new Child(newId[GroupTree.group(c)], -1));
                } else {
                    dn.add(c);
                    all.add(new Child(-1, c));
                    groupOf[c] = g;
                }
            }
            childGroups.add(cg);
            directNodes.add(dn);
            kids.add(Collections.unmodifiableList(all));
        }
        // children have larger preorder ids, so one backward sweep sees them first
        for (int g = count - 1; g >= 0; g--) {
            int total = directNodes.get(g).size();
            int named = -1;
            for (int node : directNodes.get(g)) if (nodes.get(node).name() != null) named = Math.max(named, node);
            for (int child : childGroups.get(g)) {
                total += size[child];
                named = Math.max(named, lastNamed[child]);
            }
            size[g] = total;
            lastNamed[g] = named;
            output[g] = named;
            if (tree.kinds.get(order[g]) == Kind.SERIES) {
                List<Child> all = kids.get(g);
                Child last = all.get(all.size() - 1);
                output[g] = last.isGroup() ? output[last.group()] : last.node();
            }
        }
        List<Group> built = new ArrayList<>(count);
        for (int g = 0; g < count; g++) {
            int old = order[g];
            built.add(new Group(g, tree.labels.get(old), parent[g], childGroups.get(g), directNodes.get(g), output[g], tree.kinds.get(old)));
        }
        this.groups = Collections.unmodifiableList(built);
        this.children = Collections.unmodifiableList(kids);
    }

    /** Every group, index = id, in preorder: a group comes before its children, children as written. */
    public List<Group> groups() {
        return groups;
    }

    public Group group(int id) {
        return groups.get(id);
    }

    /** A group's child groups and direct nodes together, in written order. */
    public List<Child> children(int group) {
        return children.get(group);
    }

    /** The innermost group directly holding the node (0 = root). */
    public int groupOf(int node) {
        return groupOf[node];
    }

    /** Group ids from the root's child down to {@link #groupOf}; empty for a node held by the root. */
    public List<Integer> path(int node) {
        int g = groupOf[node];
        Integer[] path = new Integer[depth[g]];
        for (int i = path.length - 1; i >= 0; i--, g = groups.get(g).parent()) path[i] = g;
        return List.of(path);
    }

    /** The root is at depth 0. */
    public int depth(int group) {
        return depth[group];
    }

    /** How many nodes sit under the group, at any depth. */
    public int size(int group) {
        return size[group];
    }
}
