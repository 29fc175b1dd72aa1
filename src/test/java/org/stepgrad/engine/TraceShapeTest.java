package org.stepgrad.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The trace a learner replays: one forward step per computed node in topological order, then
 * one backward step per node from the output down, each contribution adding up exactly.
 */
class TraceShapeTest {
    /** A graph with fan-out, a constant, an unused branch and every kind of op. */
    private static Trace sample() {
        Graph g = new Graph();
        int x = g.input("x", 0.7);
        int y = g.input("y", -1.2);
        int two = g.constant(2, "2");
        int s = g.apply(Op.ADD, "s", x, y);
        int p = g.apply(Op.MUL, "p", s, x);
        int unused = g.apply(Op.EXP, "unused", y);
        int q = g.apply(Op.POW, "q", g.apply(Op.SIGMOID, "sig", p), two);
        int r = g.apply(Op.DIV, "r", g.apply(Op.TANH, "t", q), g.apply(Op.ADD, "d", g.apply(Op.EXP, "e", y), two));
        int m = g.apply(Op.SUB, "m", r, g.apply(Op.NEG, "n", g.apply(Op.RELU, "rl", x)));
        int out = g.apply(Op.LOG, "out", g.apply(Op.ADD, "o", g.apply(Op.MUL, "mm", m, m), g.constant(1, "1")));
        assertTrue(unused < out);
        return g.backward(out);
    }

    @Test
    void forward_steps_visit_every_computed_node_once_after_its_inputs() {
        Trace t = sample();
        List<Step> forward = t.steps().subList(0, t.forwardSteps());
        long computed = t.nodes().stream().filter(n -> !n.op().isLeaf()).count();
        assertEquals(computed, forward.size());
        boolean[] known = new boolean[t.nodes().size()];
        for (Node n : t.nodes()) known[n.id()] = n.op().isLeaf();
        for (Step step : forward) {
            assertEquals(Phase.FORWARD, step.phase());
            assertTrue(step.contributions().isEmpty());
            assertTrue(!known[step.node()], "node " + step.node() + " computed twice");
            for (int in : t.node(step.node()).inputs()) assertTrue(known[in], "node " + step.node() + " before its input " + in);
            known[step.node()] = true;
        }
    }

    @Test
    void backward_steps_start_at_the_output_and_visit_each_node_after_everything_it_feeds() {
        Trace t = sample();
        List<Step> backward = t.steps().subList(t.forwardSteps(), t.steps().size());
        assertEquals(t.output(), backward.get(0).node());
        Map<Integer, Integer> position = new HashMap<>();
        for (int i = 0; i < backward.size(); i++) {
            assertEquals(Phase.BACKWARD, backward.get(i).phase());
            assertTrue(position.put(backward.get(i).node(), i) == null, "node visited twice on the way back");
        }
        // a node's gradient is complete before it is passed on: every consumer comes earlier
        for (Node n : t.nodes()) {
            for (int in : n.inputs()) {
                if (position.containsKey(n.id()) && position.containsKey(in)) {
                    assertTrue(position.get(n.id()) < position.get(in), n.label() + " must pass back before " + in);
                }
            }
        }
        // the unused branch exp(y) does not feed the output, so it gets no backward step and no gradient
        Node unused = t.nodes().stream().filter(n -> "unused".equals(n.label())).findFirst().orElseThrow();
        assertTrue(!position.containsKey(unused.id()));
        assertEquals(0.0, unused.grad());
        // every computed node the output depends on gets a step
        long reaching = t.nodes().stream().filter(n -> !n.op().isLeaf() && n.id() != unused.id()).count();
        assertEquals(reaching, backward.size());
    }

    @Test
    void every_contribution_is_upstream_times_local_added_to_the_gradient_before() {
        Trace t = sample();
        double[] running = new double[t.nodes().size()];
        running[t.output()] = 1;
        for (Step step : t.steps()) {
            if (step.phase() != Phase.BACKWARD) continue;
            Node node = t.node(step.node());
            assertEquals(node.inputs().size(), step.contributions().size());
            for (int k = 0; k < node.inputs().size(); k++) {
                Contribution c = step.contributions().get(k);
                assertEquals(node.inputs().get(k), c.input(), "contributions in operand order");
                assertEquals(node.grad(), c.upstream(), "upstream is the node's finished gradient");
                assertEquals(c.upstream() * c.local(), c.product());
                assertEquals(running[c.input()], c.gradBefore());
                assertEquals(c.gradBefore() + c.product(), c.gradAfter());
                running[c.input()] = c.gradAfter();
            }
        }
        for (Node n : t.nodes()) assertEquals(n.grad(), running[n.id()], "final grad of " + n.label());
    }

    @Test
    void the_same_calls_give_the_same_trace() {
        assertEquals(sample(), sample());
    }

    @Test
    void a_leaf_as_output_has_gradient_one_and_no_backward_steps() {
        Graph g = new Graph();
        int x = g.input("x", 4);
        Trace t = g.backward(x);
        assertEquals(1.0, t.node(x).grad());
        assertEquals(0, t.steps().size());
    }
}
