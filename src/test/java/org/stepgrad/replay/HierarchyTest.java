package org.stepgrad.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.stepgrad.bench.PolyFitProgram;
import org.stepgrad.engine.Node;
import org.stepgrad.expr.Limits;
import org.stepgrad.expr.Tracer;
import org.stepgrad.lesson.Lesson;
import org.stepgrad.lesson.LessonLibrary;
import org.stepgrad.replay.Hierarchy.Group;
import org.stepgrad.replay.Hierarchy.Kind;

/** The tree of groups a graph is drawn with: declared by ## headers, one per assignment line, and series that keep each level small. */
class HierarchyTest {
    record Built(Tracer.Traced traced, Hierarchy hierarchy, String source) {
        Node named(String name) {
            return traced.trace().nodes().stream().filter(n -> name.equals(n.name())).findFirst().orElseThrow();
        }

        Group holding(String name) {
            return hierarchy.group(hierarchy.groupOf(named(name).id()));
        }

        List<String> labels(int group) {
            return hierarchy.group(group).groups().stream().map(g -> hierarchy.group(g).label()).toList();
        }

        Group only(String label) {
            List<Group> found = hierarchy.groups().stream().filter(g -> g.label().equals(label)).toList();
            assertEquals(1, found.size(), () -> "one group labelled " + label + ": " + found);
            return found.get(0);
        }
    }

    static Built build(String source) {
        return build(source, Limits.DEFAULT);
    }

    static Built build(String source, Limits limits) {
        Tracer.Traced t = Tracer.trace(source, limits);
        assertTrue(t.ok(), () -> t.error().describe());
        Hierarchy h = Hierarchy.of(t.trace(), t.nodeLine(), source);
        checkInvariants(t, h);
        return new Built(t, h, source);
    }

    /** What every hierarchy promises, checked against what the nodes themselves say. */
    static void checkInvariants(Tracer.Traced t, Hierarchy h) {
        List<Node> nodes = t.trace().nodes();
        int n = nodes.size();
        List<Group> groups = h.groups();
        Group root = groups.get(0);
        assertEquals(new Group(0, "", -1, root.groups(), root.nodes(), root.output(), Kind.ROOT), root);
        boolean flat = groups.size() == 1;
        int[] holders = new int[n];
        int[] firstUnder = new int[groups.size()];
        Arrays.fill(firstUnder, Integer.MAX_VALUE);
        for (int id = 0; id < groups.size(); id++) {
            Group g = groups.get(id);
            assertEquals(id, g.id(), "index = id");
            if (g.id() > 0) {
                assertTrue(g.parent() >= 0 && g.parent() < g.id(), () -> "ids are preorder: " + g);
                assertEquals(1, groups.get(g.parent()).groups().stream().filter(c -> c == g.id()).count(), () -> "its parent lists it once: " + g);
                assertEquals(h.depth(g.parent()) + 1, h.depth(g.id()));
                assertFalse(g.label().isEmpty(), () -> "every group but the root has a label: " + g);
                assertTrue(g.kind() != Kind.ROOT);
            }
            assertTrue(g.label().length() <= Headers.MAX_LABEL, () -> "labels stay short: " + g.label());
            if (!flat) assertTrue(g.groups().size() + g.nodes().size() <= Hierarchy.MAX_CHILDREN, () -> "at most 24 children: " + g.label());
            assertEquals(g.groups().size() + g.nodes().size(), h.children(g.id()).size());
            for (int node : g.nodes()) {
                holders[node]++;
                assertEquals(g.id(), h.groupOf(node));
            }
        }
        for (int id = 0; id < n; id++) assertEquals(1, holders[id], "node " + id + " sits in exactly one group");
        // sizes, outputs and written order, recomputed from each node's chain of groups
        int[] size = new int[groups.size()];
        int[] lastNamed = new int[groups.size()];
        Arrays.fill(lastNamed, -1);
        for (int id = 0; id < n; id++) {
            List<Integer> path = h.path(id);
            assertEquals(h.depth(h.groupOf(id)), path.size());
            if (!path.isEmpty()) assertEquals(h.groupOf(id), path.get(path.size() - 1));
            for (int i = 0; i < path.size(); i++) assertEquals(i == 0 ? 0 : path.get(i - 1), groups.get(path.get(i)).parent());
            for (int g = h.groupOf(id); g >= 0; g = groups.get(g).parent()) {
                size[g]++;
                firstUnder[g] = Math.min(firstUnder[g], id);
                if (nodes.get(id).name() != null) lastNamed[g] = id;
            }
        }
        for (Group g : groups) {
            assertEquals(size[g.id()], h.size(g.id()), g.label());
            if (g.id() > 0) assertTrue(size[g.id()] > 0, () -> "no group is empty: " + g.label());
            if (g.kind() != Kind.SERIES) assertEquals(lastNamed[g.id()], g.output(), () -> "a group reports its last named node: " + g.label());
            int previous = -1;
            for (Hierarchy.Child c : h.children(g.id())) {
                int first = c.isGroup() ? firstUnder[c.group()] : c.node();
                assertTrue(first > previous, () -> "children in written order: " + g.label());
                previous = first;
            }
        }
        assertEquals(t.trace().output(), root.output(), "the root reports the graph's output");
    }

    static String withoutHeaders(String source) {
        return String.join("\n", source.lines().filter(l -> Headers.header(l) == null).toList()) + "\n";
    }

    // rule 1: declared groups

    @Test
    void a_header_opens_a_group_that_holds_the_assignments_below_it_until_the_next_header() {
        Built b = build("""
                ## knobs
                k = 2
                ## point 1
                x_1 = 3
                r_1 = x_1 * k
                ## point 2
                x_2 = 4
                r_2 = x_2 * k
                ##
                loss = r_1 + r_2
                """);
        Hierarchy h = b.hierarchy();
        assertEquals(List.of("knobs", "point 1", "point 2"), b.labels(0));
        for (String label : List.of("knobs", "point 1", "point 2")) assertEquals(Kind.DECLARED, b.only(label).kind());
        assertEquals("knobs", b.holding("k").label());
        assertEquals("point 1", b.holding("x_1").label());
        assertEquals("point 2", b.holding("r_2").label());
        assertEquals(0, h.groupOf(b.named("loss").id()), "a bare ## closes back to the top level");
        assertEquals(List.of(), h.path(b.named("loss").id()));
        assertEquals(b.named("r_2").id(), b.only("point 2").output(), "a point reports its residual");
    }

    @Test
    void a_slash_opens_a_group_inside_another_and_end_closes_to_the_top() {
        Built b = build("""
                ## inputs
                i1 = 0.05
                w1 = 0.15
                w2 = 0.2
                ## layer 1 / neuron h1
                net_h1 = w1*i1 + 0.35
                h1 = sigmoid(net_h1)
                ##   layer 1   /neuron h2
                net_h2 = w2*i1 + 0.35
                h2 = sigmoid(net_h2)
                ## end
                out = h1 + h2
                """);
        Hierarchy h = b.hierarchy();
        assertEquals(List.of("inputs", "layer 1"), b.labels(0));
        Group layer = b.only("layer 1");
        assertEquals(List.of("neuron h1", "neuron h2"), b.labels(layer.id()));
        assertEquals(List.of(), layer.nodes(), "layer 1 holds only its neurons");
        Group h1 = b.only("neuron h1");
        assertEquals(List.of(layer.id(), h1.id()), h.path(b.named("h1").id()));
        assertEquals(2, h.depth(h1.id()));
        assertEquals(b.named("h1").id(), h1.output());
        assertEquals(b.named("h2").id(), layer.output(), "a declared group reports its last named node, however deep");
        assertEquals(0, h.groupOf(b.named("out").id()));
        assertEquals(h.size(b.only("neuron h1").id()) + h.size(b.only("neuron h2").id()), h.size(layer.id()));
    }

    @Test
    void the_same_label_path_written_again_adds_to_the_same_group() {
        Built b = build("""
                ## a
                x = 1
                ## b
                y = 2
                ## a
                z = x * y + 1
                ## b / c
                w = z * 2
                ## b
                v = w + y
                """);
        assertEquals(List.of("a", "b"), b.labels(0), "groups in the order first written");
        Group a = b.only("a");
        assertEquals(List.of(b.named("x").id()), a.nodes());
        assertEquals(List.of("z"), b.labels(a.id()), "z's line joins a again, as its line group");
        Group bGroup = b.only("b");
        assertEquals(List.of("c"), b.labels(bGroup.id()));
        assertEquals(List.of(b.named("y").id(), b.named("v").id()), bGroup.nodes(), "v's one node joins b again");
        assertEquals(b.named("v").id(), bGroup.output());
    }

    @Test
    void headers_are_comments_so_a_program_means_the_same_with_or_without_them() {
        String source = "## the knobs\nk = 2\n   ##   point 1 \nx_1 = 3\nr_1 = x_1 * k + 1 # a comment\n## end\nloss = r_1^2\n";
        Tracer.Traced with = Tracer.trace(source);
        Tracer.Traced without = Tracer.trace(withoutHeaders(source));
        assertTrue(with.ok() && without.ok());
        assertEquals(without.trace().nodes(), with.trace().nodes());
        assertEquals(without.trace().steps(), with.trace().steps());
    }

    @Test
    void long_labels_are_cut_and_rows_of_three_hashes_declare_nothing() {
        String long80 = "a very long label that goes on and on well past the sixty characters a box can hold";
        Built b = build("### not a header ###\n######\n## " + long80 + "\nx = 1\ny = x * 2 + 1\n");
        String label = b.labels(0).get(0);
        assertEquals(Headers.MAX_LABEL, label.length());
        assertTrue(label.endsWith("…") && long80.startsWith(label.substring(0, label.length() - 1)), label);
        assertEquals(1, b.labels(0).size(), "only the ## line declares");
        assertEquals(null, Headers.header("### rule"));
        assertEquals(null, Headers.header("x = 1 ## trailing"));
        assertEquals("", Headers.header("##"));
        assertEquals("point 1", Headers.header("  ##point 1  "));
    }

    // rule 2: line groups

    @Test
    void an_assignment_of_two_or_more_nodes_becomes_a_line_group_named_for_its_result() {
        Built b = build("""
                ## point 3
                x_3 = 2
                y_3 = 5
                p_3 = 0.5 * x_3 + 1
                r_3 = p_3 - y_3
                ##
                loss = r_3 * r_3
                """);
        Group point = b.only("point 3");
        assertEquals(List.of("p_3"), b.labels(point.id()));
        Group line = b.only("p_3");
        assertEquals(Kind.LINE, line.kind());
        int p = b.named("p_3").id();
        assertEquals(List.of(p - 3, p - 2, p - 1, p), line.nodes(), "0.5, 0.5*x_3, 1 and the sum: the line's nodes");
        assertEquals(p, line.output());
        assertEquals(List.of(point.id(), line.id()), b.hierarchy().path(p - 1));
        // one node per line makes no group: inputs, r_3 = p_3 - y_3, loss = r_3 * r_3
        for (String name : List.of("x_3", "y_3", "r_3")) assertEquals(point, b.holding(name), name);
        assertEquals(0, b.hierarchy().groupOf(b.named("loss").id()));
        assertEquals(List.of(b.named("x_3").id(), b.named("y_3").id(), line.id(), b.named("r_3").id()),
                b.hierarchy().children(point.id()).stream().map(c -> c.isGroup() ? c.group() : c.node()).toList(),
                "children in written order, groups and nodes together");
    }

    @Test
    void a_small_graph_that_declares_nothing_stays_flat() {
        StringBuilder s = new StringBuilder("a = 0.5\n");
        for (int i = 1; i <= 9; i++) s.append("b_").append(i).append(" = a * 2 + ").append(i).append('\n');
        Built b = build(s.toString());
        int n = b.traced().trace().nodes().size();
        assertTrue(n > Hierarchy.MAX_CHILDREN && n <= Hierarchy.FLAT_NODES, "more than a level holds, fewer than flat allows: " + n);
        assertEquals(1, b.hierarchy().groups().size(), "no line groups, no guessed groups, no series");
        assertEquals(n, b.hierarchy().group(0).nodes().size());
        // the same program with one header gets its line groups
        Built declared = build("## all\n" + s);
        assertEquals(9, declared.hierarchy().groups().stream().filter(g -> g.kind() == Kind.LINE).count());
    }

    @Test
    void a_large_graph_without_headers_gets_line_groups_and_groups_guessed_from_its_names() {
        StringBuilder s = new StringBuilder("w = 0.5\n");
        for (String h : List.of("h1", "h2", "h3", "h4", "h5", "h6")) {
            s.append("net_").append(h).append(" = w * 2 + 1\n").append(h).append(" = sigmoid(net_").append(h).append(")\n");
        }
        s.append("t_1 = 1\nr_1 = h1 - t_1\nt_2 = 0\nr_2 = h2 - t_2\nloss = r_1^2 + r_2^2 + h3 + h4 + h5 + h6\n");
        Built b = build(s.toString());
        assertTrue(b.traced().trace().nodes().size() > Hierarchy.FLAT_NODES);
        assertEquals(List.of("neuron h1", "neuron h2", "neuron h3", "neuron h4", "neuron h5", "neuron h6", "point 1", "point 2", "loss"), b.labels(0));
        Group h1 = b.only("neuron h1");
        assertEquals(List.of("net_h1"), b.labels(h1.id()));
        assertEquals(List.of(b.named("h1").id()), h1.nodes(), "h1 = sigmoid(net_h1) is one node, held by its neuron");
        assertEquals(b.named("h1").id(), h1.output());
        assertEquals(b.only("point 2"), b.holding("t_2"));
        assertEquals(Kind.DECLARED, b.only("point 2").kind(), "a guessed group stands in for a declared one");
        assertEquals(0, b.hierarchy().groupOf(b.named("w").id()), "w is shared");
    }

    @Test
    void a_large_graph_whose_names_suggest_nothing_gets_only_line_groups() {
        StringBuilder s = new StringBuilder("a = 0.5\n");
        for (int i = 1; i <= 15; i++) s.append("b").append(i).append(" = a * 2 + ").append(i).append('\n');
        Built b = build(s.toString());
        assertTrue(b.traced().trace().nodes().size() > Hierarchy.FLAT_NODES);
        assertEquals(15, b.hierarchy().groups().stream().filter(g -> g.kind() == Kind.LINE).count());
        assertEquals(0, b.hierarchy().groups().stream().filter(g -> g.kind() == Kind.DECLARED).count());
        assertEquals(16, b.hierarchy().children(0).size(), "a and the fifteen lines");
    }

    // rule 3: series

    @Test
    void more_than_24_children_are_split_into_even_series_named_by_their_ends() {
        StringBuilder s = new StringBuilder("## knob\nk = 2\n");
        for (int i = 1; i <= 30; i++) s.append("## point ").append(i).append("\nx_").append(i).append(" = ").append(i).append("\nr_").append(i).append(" = x_").append(i).append(" * k\n");
        s.append("##\nloss = r_1 + r_30\n");
        Built b = build(s.toString());
        Hierarchy h = b.hierarchy();
        // k's group, 30 points and loss: 32 children, so two series of 16
        List<Integer> series = h.group(0).groups();
        assertEquals(2, series.size());
        for (int g : series) {
            assertEquals(Kind.SERIES, h.group(g).kind());
            assertEquals(16, h.children(g).size(), "even halves");
        }
        assertEquals("knob … point 15", h.group(series.get(0)).label());
        assertEquals("point 16 … loss", h.group(series.get(1)).label());
        assertEquals(b.named("r_15").id(), h.group(series.get(0)).output(), "a series reports its last child's output");
        assertEquals(b.named("loss").id(), h.group(series.get(1)).output());
        Group p20 = b.only("point 20");
        assertEquals(List.of(series.get(1), p20.id()), h.path(b.named("x_20").id()));
    }

    @Test
    void a_series_of_numbered_groups_reads_as_a_plural_range() {
        assertEquals("points 1–24", GroupTree.seriesLabel("point 1", "point 24"));
        assertEquals("neurons h1–h9", GroupTree.seriesLabel("neuron h1", "neuron h9"));
        assertEquals("classes 1–3", GroupTree.seriesLabel("class 1", "class 3"));
        assertEquals("r_1 … r_24", GroupTree.seriesLabel("r_1", "r_24"));
        assertEquals("the loss … the knobs", GroupTree.seriesLabel("the loss", "the knobs"));
        StringBuilder s = new StringBuilder("k = 2\n");
        for (int i = 1; i <= 47; i++) s.append("## point ").append(i).append("\nx_").append(i).append(" = ").append(i).append("\nr_").append(i).append(" = x_").append(i).append(" * k\n");
        Built b = build(s.toString());
        assertEquals(List.of("k … point 23", "points 24–47"), b.labels(0), "k and 47 points: two series of 24");
    }

    @Test
    void a_long_line_is_split_into_series_named_by_position_within_it() {
        StringBuilder s = new StringBuilder("## sum\na = 1\ns = a");
        for (int i = 0; i < 30; i++) s.append(" + a");
        Built b = build(s.append('\n').toString());
        Group line = b.only("s");
        assertEquals(List.of("s, nodes 1–15", "s, nodes 16–30"), b.labels(line.id()));
        assertEquals(b.named("s").id(), b.hierarchy().group(line.groups().get(1)).output());
        assertEquals(30, b.hierarchy().size(line.id()));
    }

    // the course

    @Test
    void every_course_lesson_keeps_the_promises_and_the_curve_fitter_has_twelve_point_groups() {
        List<Lesson> lessons = LessonLibrary.open(null).current().lessons();
        assertFalse(lessons.isEmpty());
        Map<String, Hierarchy> byId = new TreeMap<>();
        for (Lesson lesson : lessons) {
            Built b = build(lesson.program());
            byId.put(lesson.id(), b.hierarchy());
            if (lesson.trace().nodes().size() <= Hierarchy.FLAT_NODES && Headers.of(lesson.program()).paths().isEmpty()) {
                assertEquals(1, b.hierarchy().groups().size(), lesson.id() + " stays flat");
            }
        }
        Hierarchy fitter = byId.get("curve-fitter");
        Tracer.Traced t = Tracer.trace(lessons.stream().filter(l -> l.id().equals("curve-fitter")).findFirst().orElseThrow().program());
        List<Group> points = fitter.groups().stream().filter(g -> g.label().startsWith("point ")).toList();
        assertEquals(12, points.size());
        for (int i = 1; i <= 12; i++) {
            Group point = points.get(i - 1);
            assertEquals("point " + i, point.label());
            assertEquals(0, point.parent());
            assertEquals("r_" + i, t.trace().node(point.output()).name(), "the box reports the residual");
        }
        Hierarchy network = byId.get("network");
        assertTrue(network.groups().stream().anyMatch(g -> g.label().equals("neuron h1")));
    }

    @Test
    void a_thousand_point_fit_has_no_level_with_more_than_24_children() {
        Built b = build(PolyFitProgram.source(1000));
        Hierarchy h = b.hierarchy();
        List<Group> points = h.groups().stream().filter(g -> g.kind() == Kind.DECLARED).toList();
        assertEquals(1000, points.size());
        assertEquals("point 1000", points.get(999).label());
        int series = (int) h.groups().stream().filter(g -> g.kind() == Kind.SERIES && h.depth(g.id()) == 2).count();
        assertTrue(series >= 42, "about 42 series of 24 points: " + series);
        assertTrue(h.group(0).groups().stream().allMatch(g -> h.group(g).kind() == Kind.SERIES));
        long ranges = h.groups().stream().filter(g -> g.label().matches("points \\d+–\\d+")).count();
        assertTrue(ranges >= 40, "series read as point ranges: " + ranges);
        // every box on the way to a node is small, so drawing any one level is cheap
        int deepest = 0;
        for (Group g : h.groups()) deepest = Math.max(deepest, h.depth(g.id()));
        assertTrue(deepest <= 6, "shallow: " + deepest);
    }

    @Test
    void a_hundred_thousand_node_program_builds_with_every_level_small() {
        int lines = 25_000;
        StringBuilder s = new StringBuilder(lines * 32).append("a_0 = 1\n");
        for (int i = 1; i <= lines; i++) s.append("a_").append(i).append(" = a_").append(i - 1).append(" * 1.0001 + 1\n");
        Built b = build(s.toString(), new Limits(2_000_000, 200_000, 200, 64));
        Hierarchy h = b.hierarchy();
        int n = b.traced().trace().nodes().size();
        assertTrue(n >= 100_000, "nodes: " + n);
        assertEquals(n, h.size(0));
        assertEquals(lines, h.groups().stream().filter(g -> g.kind() == Kind.LINE).count());
        int deepest = 0;
        for (Group g : h.groups()) deepest = Math.max(deepest, h.depth(g.id()));
        assertTrue(deepest <= 6, "log-deep: " + deepest);
        List<Integer> path = h.path(b.named("a_12345").id());
        assertEquals("point 12345", h.group(path.get(path.size() - 2)).label());
    }

    @Test
    void an_empty_or_missing_input_gives_a_lone_root() {
        Hierarchy h = Hierarchy.of(null, null, null);
        assertEquals(1, h.groups().size());
        assertEquals(-1, h.group(0).output());
        assertEquals(0, h.size(0));
        // a trace without its lines still builds: every node counts as its own assignment
        Tracer.Traced t = Tracer.trace(PolyFitProgram.source(3));
        Hierarchy noLines = Hierarchy.of(t.trace(), null, null);
        checkInvariants(t, noLines);
        assertEquals(0, noLines.groups().stream().filter(g -> g.kind() == Kind.LINE).count());
    }
}
