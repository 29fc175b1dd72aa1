package org.stepgrad.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * Every op's value against Java's own maths and every local derivative against central finite
 * differences of that maths, at several points away from kinks.
 */
class OpGradientTest {
    private static final double[][] PAIRS = {{1.5, -2}, {-0.3, 0.7}, {4, 0.25}, {-3, -5}, {0.9, 3.1}};

    @Test
    void add_matches_finite_differences() {
        binary(Op.ADD, (a, b) -> a + b, PAIRS);
    }

    @Test
    void sub_matches_finite_differences() {
        binary(Op.SUB, (a, b) -> a - b, PAIRS);
    }

    @Test
    void mul_matches_finite_differences() {
        binary(Op.MUL, (a, b) -> a * b, PAIRS);
    }

    @Test
    void div_matches_finite_differences() {
        binary(Op.DIV, (a, b) -> a / b, PAIRS);
    }

    @Test
    void pow_matches_finite_differences_in_base_and_exponent() {
        // positive bases: both slopes are defined, including fractional and negative exponents
        binary(Op.POW, Math::pow, new double[][] {{0.5, 2}, {2, 3}, {1.7, -1.3}, {3, 0.5}, {0.2, 2.5}, {5, -0.7}});
    }

    @Test
    void pow_of_a_negative_base_differentiates_the_base_and_gives_the_exponent_slope_zero() {
        // (-2)^3 = -8: ∂/∂base = 3·(-2)^2 = 12; a^b·ln a has no value for a <= 0, so DESIGN.md fixes it at 0
        for (double[] p : new double[][] {{-2, 3}, {-1.5, 2}, {-0.5, -3}}) {
            Trace t = trace(Op.POW, p[0], p[1]);
            assertEquals(Math.pow(p[0], p[1]), t.node(2).value(), 1e-12);
            assertClose(central(x -> Math.pow(x, p[1]), p[0]), t.node(0).grad(), "d/dbase at " + p[0]);
            assertEquals(0.0, t.node(1).grad(), "d/dexponent at base " + p[0]);
        }
    }

    @Test
    void pow_with_exponent_zero_has_slope_zero_in_the_base_even_at_base_zero() {
        // b·a^(b-1) would be 0·0^-1 = NaN; the true slope of a^0 = 1 is 0
        Trace t = trace(Op.POW, 0, 0);
        assertEquals(1.0, t.node(2).value());
        assertEquals(0.0, t.node(0).grad());
        assertEquals(0.0, t.node(1).grad());
    }

    @Test
    void neg_matches_finite_differences() {
        unary(Op.NEG, x -> -x, -2, 0.5, 3, -0.01);
    }

    @Test
    void exp_matches_finite_differences() {
        unary(Op.EXP, Math::exp, -2, 0, 1.5, 3);
    }

    @Test
    void log_matches_finite_differences() {
        unary(Op.LOG, Math::log, 0.1, 1, 2.5, 10);
    }

    @Test
    void tanh_matches_finite_differences() {
        unary(Op.TANH, Math::tanh, -2, -0.3, 0.5, 1.7);
    }

    @Test
    void sigmoid_matches_finite_differences() {
        unary(Op.SIGMOID, x -> 1 / (1 + Math.exp(-x)), -4, -0.5, 0.8, 3);
    }

    @Test
    void sigmoid_of_huge_inputs_stays_finite() {
        // the naive 1/(1+exp(-x)) would overflow exp at -800; the slope there is 0 either way
        Trace low = trace(Op.SIGMOID, -800);
        Trace high = trace(Op.SIGMOID, 800);
        assertEquals(0.0, low.node(1).value(), 1e-300);
        assertEquals(1.0, high.node(1).value());
        assertTrue(Double.isFinite(low.node(0).grad()) && Double.isFinite(high.node(0).grad()));
    }

    @Test
    void tanh_and_sigmoid_slopes_keep_their_digits_where_the_curve_is_flat() {
        // at x = 15, 1 - tanh² and σ(1-σ) cancel to a few correct digits; sech² and σ(x)σ(-x) do not
        for (double x : new double[] {8, 15, -15, 30}) {
            double sum = Math.exp(x) + Math.exp(-x);
            assertRelative(4 / (sum * sum), trace(Op.TANH, x).node(0).grad(), "tanh slope at " + x);
            double sigmoidSlope = 1 / ((1 + Math.exp(-x)) * (1 + Math.exp(x)));
            assertRelative(sigmoidSlope, trace(Op.SIGMOID, x).node(0).grad(), "sigmoid slope at " + x);
        }
    }

    private static void assertRelative(double expected, double actual, String what) {
        assertTrue(Math.abs(expected - actual) <= 1e-12 * Math.abs(expected), what + ": expected " + expected + " but was " + actual);
    }

    @Test
    void relu_matches_finite_differences_away_from_its_kink() {
        unary(Op.RELU, x -> Math.max(0, x), -1.5, -0.2, 0.3, 2);
    }

    @Test
    void relu_at_its_kink_takes_the_left_slope() {
        // the documented choice, as PyTorch and micrograd make it
        assertEquals(0.0, trace(Op.RELU, 0).node(0).grad());
    }

    @Test
    void ops_declare_the_arity_the_graph_enforces() {
        Graph g = new Graph();
        int a = g.input("a", 1);
        for (Op op : Op.values()) {
            if (op.isLeaf()) continue;
            int[] wrong = op.arity() == 1 ? new int[] {a, a} : new int[] {a};
            try {
                g.apply(op, "bad", wrong);
                throw new AssertionError(op + " accepted " + wrong.length + " operands");
            } catch (IllegalArgumentException expected) {
                // the graph refuses, rather than reading past the operands
            }
        }
    }

    private static void unary(Op op, DoubleUnaryOperator f, double... points) {
        for (double x : points) {
            Trace t = trace(op, x);
            assertClose(f.applyAsDouble(x), t.node(1).value(), op + " value at " + x);
            assertClose(central(f, x), t.node(0).grad(), op + " slope at " + x);
            // the engine's own forward rule, differenced, must agree with its own slope too
            assertClose(central(v -> trace(op, v).node(1).value(), x), t.node(0).grad(), op + " self-consistency at " + x);
        }
    }

    private static void binary(Op op, DoubleBinaryOperator f, double[][] points) {
        for (double[] p : points) {
            double a = p[0], b = p[1];
            Trace t = trace(op, a, b);
            assertClose(f.applyAsDouble(a, b), t.node(2).value(), op + " value at " + a + ", " + b);
            assertClose(central(x -> f.applyAsDouble(x, b), a), t.node(0).grad(), op + " d/da at " + a + ", " + b);
            assertClose(central(y -> f.applyAsDouble(a, y), b), t.node(1).grad(), op + " d/db at " + a + ", " + b);
        }
    }

    /** out = op(inputs…); inputs are nodes 0..k-1, the output is node k. */
    static Trace trace(Op op, double... inputs) {
        Graph g = new Graph();
        int[] ids = new int[inputs.length];
        for (int i = 0; i < inputs.length; i++) ids[i] = g.input("a" + i, inputs[i]);
        return g.backward(g.apply(op, "out", ids));
    }

    /** (f(x+h) - f(x-h)) / 2h, with h scaled to x so the rounding error stays near 1e-10. */
    static double central(DoubleUnaryOperator f, double x) {
        double h = 1e-5 * Math.max(1, Math.abs(x));
        return (f.applyAsDouble(x + h) - f.applyAsDouble(x - h)) / (2 * h);
    }

    static void assertClose(double expected, double actual, String what) {
        double tolerance = 1e-6 * Math.max(1, Math.abs(expected));
        assertTrue(Math.abs(expected - actual) <= tolerance, what + ": expected " + expected + " but was " + actual);
    }
}
