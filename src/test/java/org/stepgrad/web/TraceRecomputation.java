package org.stepgrad.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Map;

/**
 * Recomputes a trace JSON from nothing but its own {@code nodes} (op, inputs, leaf values):
 * values forward, gradients backward, with maths written here and not taken from the engine.
 * Then checks that every node and every step agree with that recomputation.
 */
final class TraceRecomputation {
    private TraceRecomputation() {
    }

    static void assertSelfConsistent(JsonNode trace) {
        JsonNode nodes = trace.get("nodes");
        int n = nodes.size();
        int output = trace.get("output").asInt();
        double[] value = new double[n];
        for (int id = 0; id < n; id++) {
            JsonNode node = nodes.get(id);
            assertEquals(id, node.get("id").asInt(), "nodes are listed by id");
            String op = node.get("op").asText();
            int[] in = inputs(node);
            for (int i : in) assertTrue(i < id, "node " + id + " reads node " + i + " that comes later");
            double v = switch (op) {
                case "input", "const" -> node.get("value").asDouble();
                default -> forward(op, value, in);
            };
            value[id] = v;
            assertClose(v, node.get("value").asDouble(), "value of node " + id + " (" + op + ")");
        }

        // reverse mode over the ids: every node is created after its inputs
        double[] grad = new double[n];
        double[][] local = new double[n][];
        grad[output] = 1;
        boolean[] reaches = new boolean[n];
        reaches[output] = true;
        for (int id = output; id >= 0; id--) {
            JsonNode node = nodes.get(id);
            int[] in = inputs(node);
            if (!reaches[id] || in.length == 0) continue;
            local[id] = slopes(node.get("op").asText(), value, in, value[id]);
            for (int k = 0; k < in.length; k++) {
                grad[in[k]] += grad[id] * local[id][k];
                reaches[in[k]] = true;
            }
        }
        for (int id = 0; id < n; id++) {
            assertClose(grad[id], nodes.get(id).get("grad").asDouble(), "grad of node " + id);
        }

        // the steps: forward over computed nodes in id order, then backward from the output down
        JsonNode steps = trace.get("steps");
        int s = 0;
        for (int id = 0; id < n; id++) {
            if (inputs(nodes.get(id)).length == 0) continue;
            assertEquals("forward", steps.get(s).get("phase").asText());
            assertEquals(id, steps.get(s).get("node").asInt());
            s++;
        }
        assertEquals(s, trace.get("forwardSteps").asInt());
        Map<Integer, Double> running = new HashMap<>();
        running.put(output, 1.0);
        int previous = Integer.MAX_VALUE;
        for (; s < steps.size(); s++) {
            JsonNode step = steps.get(s);
            assertEquals("backward", step.get("phase").asText());
            int id = step.get("node").asInt();
            assertTrue(id < previous, "backward steps go down from the output");
            previous = id;
            int[] in = inputs(nodes.get(id));
            JsonNode cs = step.get("contributions");
            assertEquals(in.length, cs.size());
            for (int k = 0; k < in.length; k++) {
                JsonNode c = cs.get(k);
                assertEquals(in[k], c.get("input").asInt());
                double upstream = c.get("upstream").asDouble();
                double loc = c.get("local").asDouble();
                double product = c.get("product").asDouble();
                double before = c.get("gradBefore").asDouble();
                double after = c.get("gradAfter").asDouble();
                assertEquals(nodes.get(id).get("grad").asDouble(), upstream, "upstream is the node's gradient");
                assertClose(local[id][k], loc, "local slope of node " + id + " for input " + in[k]);
                assertEquals(upstream * loc, product, "product");
                assertEquals(running.getOrDefault(in[k], 0.0), before, "gradBefore");
                assertEquals(before + product, after, "gradBefore + product == gradAfter");
                running.put(in[k], after);
            }
        }
        for (int id = 0; id < n; id++) {
            if (reaches[id]) assertEquals(nodes.get(id).get("grad").asDouble(), running.getOrDefault(id, 0.0), "last gradAfter of " + id);
        }
    }

    private static int[] inputs(JsonNode node) {
        JsonNode in = node.get("inputs");
        int[] ids = new int[in.size()];
        for (int k = 0; k < ids.length; k++) ids[k] = in.get(k).asInt();
        return ids;
    }

    private static double forward(String op, double[] v, int[] in) {
        double a = v[in[0]];
        double b = in.length > 1 ? v[in[1]] : Double.NaN;
        return switch (op) {
            case "add" -> a + b;
            case "sub" -> a - b;
            case "mul" -> a * b;
            case "div" -> a / b;
            case "neg" -> -a;
            case "pow" -> Math.pow(a, b);
            case "exp" -> Math.exp(a);
            case "log" -> Math.log(a);
            case "tanh" -> Math.tanh(a);
            case "sigmoid" -> 1 / (1 + Math.exp(-a));
            case "relu" -> Math.max(0, a);
            default -> throw new AssertionError("unknown op " + op);
        };
    }

    private static double[] slopes(String op, double[] v, int[] in, double out) {
        double a = v[in[0]];
        double b = in.length > 1 ? v[in[1]] : Double.NaN;
        return switch (op) {
            case "add" -> new double[] {1, 1};
            case "sub" -> new double[] {1, -1};
            case "mul" -> new double[] {b, a};
            case "div" -> new double[] {1 / b, -a / (b * b)};
            case "neg" -> new double[] {-1};
            case "pow" -> new double[] {b == 0 ? 0 : b * Math.pow(a, b - 1), a > 0 ? Math.pow(a, b) * Math.log(a) : 0};
            case "exp" -> new double[] {Math.exp(a)};
            case "log" -> new double[] {1 / a};
            case "tanh" -> new double[] {1 / (Math.cosh(a) * Math.cosh(a))};
            case "sigmoid" -> new double[] {1 / ((1 + Math.exp(-a)) * (1 + Math.exp(a)))}; // σ(a)·σ(-a)
            case "relu" -> new double[] {a > 0 ? 1 : 0};
            default -> throw new AssertionError("unknown op " + op);
        };
    }

    /** Our formulas may round differently from the engine's (sigmoid, tanh's slope): a few ulps. */
    private static void assertClose(double expected, double actual, String what) {
        assertTrue(Double.isFinite(actual), what + " is " + actual);
        double scale = Math.max(Math.abs(expected), Math.abs(actual));
        assertTrue(Math.abs(expected - actual) <= 1e-12 * scale + 1e-300,
                () -> what + ": recomputed " + expected + " but the trace says " + actual);
    }
}
