package org.stepgrad.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.stepgrad.bench.PolyFitProgram;
import org.stepgrad.engine.Node;
import org.stepgrad.engine.Phase;
import org.stepgrad.expr.Tracer;

/** Which nodes form one data point's (or neuron's) cluster, read from the names on their lines. */
class ClustersTest {
    static Tracer.Traced traced(String source) {
        Tracer.Traced t = Tracer.trace(source);
        assertTrue(t.ok(), () -> t.error().describe());
        return t;
    }

    static Node named(Tracer.Traced t, String name) {
        return t.trace().nodes().stream().filter(n -> name.equals(n.name())).findFirst().orElseThrow();
    }

    @Test
    void every_node_of_a_data_point_line_joins_that_points_cluster() {
        Tracer.Traced t = traced(PolyFitProgram.source(12));
        Clusters c = Clusters.of(t.trace(), t.nodeLine());
        assertEquals(12, c.all().size());
        for (int i = 1; i <= 12; i++) {
            Clusters.Cluster cluster = c.all().get(i - 1);
            assertEquals("point " + i, cluster.label());
            assertEquals("r_" + i, t.trace().node(cluster.output()).name(), "the summary reports the point's last value");
            for (String name : List.of("x_" + i, "y_" + i, "r_" + i)) assertEquals(i - 1, c.of(named(t, name).id()), name);
        }
        // the unnamed parts of p_3 = k0 + k1*x_3 + … (such as k1*x_3) sit on p_3's line, so in point 3
        int lineOfP3 = t.nodeLine()[named(t, "p_3").id()];
        long parts = 0;
        for (Node n : t.trace().nodes()) {
            if (t.nodeLine()[n.id()] != lineOfP3) continue;
            assertEquals(2, c.of(n.id()), n.label());
            parts++;
        }
        assertTrue(parts > 10, "p_3's line builds its polynomial: " + parts);
        for (String shared : List.of("k0", "k5", "loss")) assertEquals(-1, c.of(named(t, shared).id()), shared);
        // r_3^2 is written on the loss line, so it is shared too
        for (Node n : t.trace().nodes()) if (n.label().equals("r_3^2")) assertEquals(-1, c.of(n.id()));
    }

    @Test
    void a_program_without_suffixes_has_no_clusters() {
        StringBuilder s = new StringBuilder("a = 0.5\n");
        for (int i = 1; i <= 40; i++) s.append("b").append(i).append(" = a * 2 + ").append(i).append('\n');
        Tracer.Traced t = traced(s.toString());
        assertTrue(t.trace().nodes().size() >= Clusters.MIN_NODES);
        Clusters c = Clusters.of(t.trace(), t.nodeLine());
        assertTrue(c.isEmpty());
        for (Node n : t.trace().nodes()) assertEquals(-1, c.of(n.id()));
    }

    @Test
    void suffixes_group_only_when_two_clusters_hold_two_nodes_each() {
        // only point 1 has two nodes: one group is no grouping
        Tracer.Traced one = traced("k = 2\nx_1 = 3\ny_1 = x_1 * k\nx_2 = 4\nout = y_1 + x_2\n");
        assertTrue(Clusters.of(one.trace(), one.nodeLine(), 0).isEmpty());
        // mixed: points 1 and 2 group, k and out stay shared, a name without suffix on a suffix line is its own
        Tracer.Traced mixed = traced("k = 2\nx_1 = 3\ny_1 = x_1 * k + 1\nx_2 = 4\ny_2 = x_2 * k + 1\nout = y_1 + y_2\n");
        Clusters c = Clusters.of(mixed.trace(), mixed.nodeLine(), 0);
        assertEquals(List.of("point 1", "point 2"), c.all().stream().map(Clusters.Cluster::label).toList());
        assertEquals(4, c.all().get(0).size(), "x_1, x_1*k, the constant 1 and y_1");
        assertEquals(-1, c.of(named(mixed, "k").id()));
        assertEquals(-1, c.of(named(mixed, "out").id()));
        assertEquals(1, c.of(named(mixed, "y_2").id()));
    }

    @Test
    void small_graphs_are_drawn_without_clusters_whatever_their_names() {
        Tracer.Traced t = traced("k = 2\nx_1 = 3\ny_1 = x_1 * k + 1\nx_2 = 4\ny_2 = x_2 * k + 1\nout = y_1 + y_2\n");
        assertTrue(Clusters.of(t.trace(), t.nodeLine()).isEmpty());
        assertTrue(new Replay(t.trace(), t.nodeLine()).clusters().isEmpty());
    }

    @Test
    void a_value_named_like_a_suffix_is_that_neurons_result() {
        Tracer.Traced t = traced("i1 = 1\nw1 = 0.5\nw2 = -0.5\nnet_h1 = w1*i1 + 1\nh1 = sigmoid(net_h1)\n"
                + "net_h2 = w2*i1 + 1\nh2 = sigmoid(net_h2)\nloss = (h1 - h2)^2\n");
        Clusters c = Clusters.of(t.trace(), t.nodeLine(), 0);
        assertEquals(List.of("neuron h1", "neuron h2"), c.all().stream().map(Clusters.Cluster::label).toList());
        assertEquals(0, c.of(named(t, "h1").id()));
        assertEquals("h1", t.trace().node(c.all().get(0).output()).name());
        assertEquals(-1, c.of(named(t, "loss").id()));
    }

    @Test
    void next_point_lands_on_the_first_step_of_the_next_point_in_the_same_pass() {
        Tracer.Traced t = traced(PolyFitProgram.source(12));
        Replay r = new Replay(t.trace(), t.nodeLine());
        ClusterWalk walk = r.walk();
        int forward = r.forwardSteps();
        // independently: the first forward and the first backward step of each point, from the source lines' names
        int[] firstForward = new int[13];
        int[] firstBackward = new int[13];
        for (int s = 1; s <= r.stepCount(); s++) {
            int point = pointOf(t, r.frame(s).node());
            if (point < 0) continue;
            int[] first = "forward".equals(r.frame(s).phase()) ? firstForward : firstBackward;
            if (first[point] == 0) first[point] = s;
        }
        assertEquals(firstForward[1], walk.next(0), "from the start: point 1");
        for (int p = 1; p < 12; p++) {
            assertEquals(firstForward[p + 1], walk.next(firstForward[p]), "forward, point " + p);
            assertEquals(firstForward[p + 1], walk.next(firstForward[p + 1] - 1), "forward, point " + p + "'s last step");
            assertEquals(firstForward[p], walk.prev(firstForward[p + 1]), "back to point " + p);
            assertEquals(p + 1, pointOf(t, r.frame(walk.next(firstForward[p])).node()));
        }
        assertEquals(forward, walk.next(firstForward[12]), "after the last point: the end of the forward pass");
        assertEquals(firstBackward[12], walk.next(forward), "then the backward pass, last point first");
        for (int p = 12; p > 1; p--) assertEquals(firstBackward[p - 1], walk.next(firstBackward[p]), "backward, point " + p);
        assertEquals(forward, walk.prev(firstBackward[12]), "back from the first backward point: the end of forward");
        assertEquals(r.stepCount(), walk.next(r.stepCount()));
        assertEquals(0, walk.prev(0));
        for (int s = 0; s <= r.stepCount(); s++) {
            assertEquals(s == 0 ? -1 : Math.max(-1, pointOf(t, r.frame(s).node()) - 1), walk.cluster(s), "step " + s);
            assertTrue(walk.focus(s) >= 0 && walk.focus(s) < 12);
        }
    }

    @Test
    void a_shut_clusters_summary_reports_its_value_then_its_gradient() {
        Tracer.Traced t = traced(PolyFitProgram.source(12));
        Replay r = new Replay(t.trace(), t.nodeLine());
        Node r3 = named(t, "r_3");
        assertEquals("21 nodes", r.walk().summaryAt(2, 0));
        int valueAt = r.node(r3.id()).formulaStep();
        assertEquals("21 nodes", r.walk().summaryAt(2, valueAt - 1));
        assertEquals("r_3 = " + Format.number(r3.value()), r.walk().summaryAt(2, valueAt));
        assertEquals("r_3 = " + Format.number(r3.value()) + " · ∂loss/∂r_3 = " + Format.number(r3.grad()),
                r.walk().summaryAt(2, r.stepCount()));
    }

    /** The point a node belongs to by its source line's name, independently of Clusters: -1 if none. */
    static int pointOf(Tracer.Traced t, int node) {
        int line = t.nodeLine()[node];
        for (Node n : t.trace().nodes()) {
            if (n.name() == null || t.nodeLine()[n.id()] != line) continue;
            int at = n.name().lastIndexOf('_');
            return at < 0 ? -1 : Integer.parseInt(n.name().substring(at + 1));
        }
        return -1;
    }
}
