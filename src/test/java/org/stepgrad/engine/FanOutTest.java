package org.stepgrad.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A value used more than once collects the gradient of every path (the `+=` that micrograd's test guards). */
class FanOutTest {
    @Test
    void a_times_a_plus_a_sums_all_three_paths() {
        // f = a*a + a at a = 3: f = 12, df/da = 2a + 1 = 7 (an `=` instead of `+=` would give 1 or 3)
        Graph g = new Graph();
        int a = g.input("a", 3);
        int sq = g.apply(Op.MUL, "a*a", a, a);
        int f = g.apply(Op.ADD, "f", sq, a);
        Trace t = g.backward(f);
        assertEquals(12.0, t.node(f).value());
        assertEquals(7.0, t.node(a).grad());
        assertEquals(1.0, t.node(sq).grad());
    }

    @Test
    void a_node_used_by_three_others_receives_three_contributions_that_add_up() {
        // u = 2; p = u*5, q = u^3, r = exp(u); f = p + q + r
        // df/du = 5 + 3u^2 + e^u = 5 + 12 + e^2
        Graph g = new Graph();
        int u = g.input("u", 2);
        int p = g.apply(Op.MUL, "p", u, g.constant(5, "5"));
        int q = g.apply(Op.POW, "q", u, g.constant(3, "3"));
        int r = g.apply(Op.EXP, "r", u);
        int f = g.apply(Op.ADD, "f", g.apply(Op.ADD, "p+q", p, q), r);
        Trace t = g.backward(f);

        assertEquals(10 + 8 + Math.exp(2), t.node(f).value(), 1e-12);
        assertEquals(5 + 12 + Math.exp(2), t.node(u).grad(), 1e-12);

        List<Contribution> intoU = t.steps().stream()
                .flatMap(s -> s.contributions().stream())
                .filter(c -> c.input() == u)
                .toList();
        assertEquals(3, intoU.size(), "one contribution per path");
        // backward runs from the output down, so r's share arrives first, then q's, then p's
        assertEquals(List.of(Math.exp(2), 12.0, 5.0), intoU.stream().map(Contribution::product).toList());
        assertEquals(0.0, intoU.get(0).gradBefore());
        assertEquals(intoU.get(0).gradAfter(), intoU.get(1).gradBefore());
        assertEquals(intoU.get(1).gradAfter(), intoU.get(2).gradBefore());
        assertEquals(t.node(u).grad(), intoU.get(2).gradAfter());
    }

    @Test
    void x_divided_by_itself_has_slope_zero() {
        // both paths meet with opposite signs: 1/x - x/x^2 = 0
        Graph g = new Graph();
        int x = g.input("x", 1.75);
        Trace t = g.backward(g.apply(Op.DIV, "x/x", x, x));
        assertEquals(1.0, t.outputNode().value());
        assertEquals(0.0, t.node(x).grad(), 1e-15);
    }

    @Test
    void a_diamond_counts_the_shared_root_once_per_path() {
        // a = 0.5; b = tanh(a); c = sigmoid(a); d = b * c: dd/da = (1-b^2)·c + b·c·(1-c)
        Graph g = new Graph();
        int a = g.input("a", 0.5);
        int b = g.apply(Op.TANH, "b", a);
        int c = g.apply(Op.SIGMOID, "c", a);
        Trace t = g.backward(g.apply(Op.MUL, "d", b, c));
        double tb = Math.tanh(0.5), sc = 1 / (1 + Math.exp(-0.5));
        assertEquals((1 - tb * tb) * sc + tb * sc * (1 - sc), t.node(a).grad(), 1e-15);
    }
}
