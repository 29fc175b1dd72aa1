package org.stepgrad.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.stepgrad.support.TestServer;

/**
 * Published backprop examples, posted as programs to POST /api/trace: every named node's value
 * and gradient equals the published figure (to the digits published), and the trace
 * recomputes from its own nodes.
 */
class PublishedExamplesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    static final TestServer server = TestServer.start();

    @AfterAll
    static void stop() {
        server.stop();
    }

    /** Expected value and gradient of one named node, to ± tolerance. */
    private record Figure(double value, double grad, double tolerance) {
    }

    private static final class Expect {
        final Map<String, Figure> figures = new LinkedHashMap<>();

        Expect node(String name, double value, double grad, double tolerance) {
            figures.put(name, new Figure(value, grad, tolerance));
            return this;
        }
    }

    /** Posts the program, checks every listed name, and that no named node is left unchecked. */
    private static JsonNode assertTrace(String source, Expect expect) {
        HttpResponse<String> response = server.post("/api/trace", JsonBody.source(source));
        assertEquals(200, response.statusCode(), response.body());
        JsonNode trace = read(response.body());
        Map<String, JsonNode> named = new HashMap<>();
        for (JsonNode node : trace.get("nodes")) {
            if (!node.get("name").isNull()) named.put(node.get("name").asText(), node);
        }
        assertEquals(expect.figures.keySet(), named.keySet(), "every named node has a published figure");
        expect.figures.forEach((name, f) -> {
            JsonNode node = named.get(name);
            assertEquals(f.value, node.get("value").asDouble(), f.tolerance, "value of " + name);
            assertEquals(f.grad, node.get("grad").asDouble(), f.tolerance, "grad of " + name);
        });
        TraceRecomputation.assertSelfConsistent(trace);
        return trace;
    }

    static JsonNode read(String body) {
        try {
            return JSON.readTree(body);
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + body, e);
        }
    }

    @Test
    void cs231n_circuit_x_plus_y_times_z() {
        // CS231n "Backpropagation, Intuitions": f = (x + y) z at x = -2, y = 5, z = -4
        JsonNode trace = assertTrace("x = -2\ny = 5\nz = -4\nq = x + y\nf = q * z\n", new Expect()
                .node("x", -2, -4, 0).node("y", 5, -4, 0).node("z", -4, 3, 0)
                .node("q", 3, -4, 0).node("f", -12, 1, 0));
        // DESIGN.md's example trace: q is node 3 with inputs [0, 1], the output is node 4
        JsonNode q = trace.get("nodes").get(3);
        assertEquals("add", q.get("op").asText());
        assertEquals("[0,1]", q.get("inputs").toString());
        assertEquals(4, trace.get("output").asInt());
    }

    @Test
    void micrograd_lecture_expression_L() {
        // Karpathy, "The spelled-out intro to neural networks and backpropagation": L = (a*b + c) * f
        assertTrace("a = 2.0\nb = -3.0\nc = 10.0\ne = a*b\nd = e + c\nf = -2.0\nL = d * f\n", new Expect()
                .node("a", 2, 6, 0).node("b", -3, -4, 0).node("c", 10, -2, 0).node("f", -2, 4, 0)
                .node("e", -6, -2, 0).node("d", 4, -2, 0).node("L", -8, 1, 0));
    }

    @Test
    void micrograd_lecture_tanh_neuron() {
        // the same lecture's neuron: o = tanh(x1*w1 + x2*w2 + b), b chosen so that o = 1/√2
        String source = """
                x1 = 2.0
                x2 = 0.0
                w1 = -3.0
                w2 = 1.0
                b = 6.8813735870195432
                x1w1 = x1*w1
                x2w2 = x2*w2
                x1w1x2w2 = x1w1 + x2w2
                n = x1w1x2w2 + b
                o = tanh(n)
                """;
        double t = 1e-4; // the lecture prints four decimals
        assertTrace(source, new Expect()
                .node("x1", 2, -1.5, t).node("w1", -3, 1.0, t).node("x2", 0, 0.5, t).node("w2", 1, 0.0, t)
                .node("b", 6.8814, 0.5, t).node("x1w1", -6, 0.5, t).node("x2w2", 0, 0.5, t)
                .node("x1w1x2w2", -6, 0.5, t).node("n", 0.8814, 0.5, t).node("o", 0.7071, 1, t));
    }

    @Test
    void cs231n_two_dimensional_sigmoid_neuron() {
        // CS231n: f = σ(w0·x0 + w1·x1 + w2), figures printed to two decimals
        String source = "w0 = 2\nx0 = -1\nw1 = -3\nx1 = -2\nw2 = -3\ndot = w0*x0 + w1*x1 + w2\nf = sigmoid(dot)\n";
        double t = 0.005;
        assertTrace(source, new Expect()
                .node("w0", 2, -0.20, t).node("x0", -1, 0.39, t).node("w1", -3, -0.39, t)
                .node("x1", -2, -0.59, t).node("w2", -3, 0.20, t)
                .node("dot", 1, 0.20, t).node("f", 0.73, 1, t));
    }

    @Test
    void cs231n_sigmoid_neuron_as_its_gate_by_gate_circuit() {
        // the same neuron drawn with the gates *-1, exp, +1, 1/x; the figure's grads -0.20, -0.53, -0.53
        String source = "w0 = 2\nx0 = -1\nw1 = -3\nx1 = -2\nw2 = -3\ndot = w0*x0 + w1*x1 + w2\n"
                + "m = -dot\ne = exp(m)\nd = 1 + e\nf = 1 / d\n";
        double t = 0.005;
        assertTrace(source, new Expect()
                .node("w0", 2, -0.20, t).node("x0", -1, 0.39, t).node("w1", -3, -0.39, t)
                .node("x1", -2, -0.59, t).node("w2", -3, 0.20, t)
                .node("dot", 1, 0.20, t).node("m", -1, -0.20, t).node("e", 0.37, -0.53, t)
                .node("d", 1.37, -0.53, t).node("f", 0.73, 1, t));
    }

    @Test
    void matt_mazur_step_by_step_two_two_two_network() {
        // Matt Mazur, "A Step by Step Backpropagation Example": 2-2-2 sigmoid net, E = Σ ½(target - out)²
        String source = """
                i1 = 0.05
                i2 = 0.10
                w1 = 0.15
                w2 = 0.20
                w3 = 0.25
                w4 = 0.30
                b1 = 0.35
                w5 = 0.40
                w6 = 0.45
                w7 = 0.50
                w8 = 0.55
                b2 = 0.60
                net_h1 = w1*i1 + w2*i2 + b1
                out_h1 = sigmoid(net_h1)
                net_h2 = w3*i1 + w4*i2 + b1
                out_h2 = sigmoid(net_h2)
                net_o1 = w5*out_h1 + w6*out_h2 + b2
                out_o1 = sigmoid(net_o1)
                net_o2 = w7*out_h1 + w8*out_h2 + b2
                out_o2 = sigmoid(net_o2)
                E_o1 = 0.5*(0.01 - out_o1)^2
                E_o2 = 0.5*(0.99 - out_o2)^2
                E_total = E_o1 + E_o2
                """;
        // The post prints the new weights w+ = w - 0.5·∂E/∂w; ∂E/∂w = (w - w+)/0.5 to the digits printed.
        double t9 = 1e-9, t8 = 2e-8;
        // The post gives no figure for the inputs' and biases' gradients or the hidden nets' values;
        // those are its own formulas evaluated here: δ_o = (out - target)·out·(1 - out), ∂E/∂b2 = δ_o1 + δ_o2, …
        double o1 = 0.75136507, o2 = 0.772928465, h1 = 0.593269992, h2 = 0.596884378;
        double dO1 = (o1 - 0.01) * o1 * (1 - o1), dO2 = (o2 - 0.99) * o2 * (1 - o2);
        double dH1 = (dO1 * 0.40 + dO2 * 0.50) * h1 * (1 - h1), dH2 = (dO1 * 0.45 + dO2 * 0.55) * h2 * (1 - h2);
        double t7 = 2e-7; // these are built from the nine-digit printed outputs
        assertTrace(source, new Expect()
                .node("w1", 0.15, (0.15 - 0.149780716) / 0.5, t9 * 2).node("w2", 0.20, (0.20 - 0.19956143) / 0.5, t8)
                .node("w3", 0.25, (0.25 - 0.24975114) / 0.5, t8).node("w4", 0.30, (0.30 - 0.29950229) / 0.5, t8)
                .node("w5", 0.40, 0.082167041, t9).node("w6", 0.45, (0.45 - 0.408666186) / 0.5, t8)
                .node("w7", 0.50, (0.50 - 0.511301270) / 0.5, t8).node("w8", 0.55, (0.55 - 0.561370121) / 0.5, t8)
                .node("i1", 0.05, dH1 * 0.15 + dH2 * 0.25, t7).node("i2", 0.10, dH1 * 0.20 + dH2 * 0.30, t7)
                .node("b1", 0.35, dH1 + dH2, t7).node("b2", 0.60, dO1 + dO2, t7)
                .node("net_h1", 0.3775, dH1, t7).node("out_h1", h1, 0.036350306, t9)
                .node("net_h2", 0.3925, dH2, t7).node("out_h2", h2, dO1 * 0.45 + dO2 * 0.55, t7)
                .node("net_o1", 1.105905967, 0.138498562, t9).node("out_o1", o1, 0.74136507, t9)
                .node("net_o2", 1.224921404, dO2, t7).node("out_o2", o2, o2 - 0.99, t9)
                .node("E_o1", 0.274811083, 1, t9).node("E_o2", 0.023560026, 1, t9)
                .node("E_total", 0.298371109, 1, t9));
    }

    @Test
    void a_value_used_by_three_others_sums_its_gradients() {
        // f = a*a + a at a = 3: 12, df/da = 2a + 1 = 7; u used by p, q and r: 5 + 3u² + eᵘ
        assertTrace("a = 3\nf = a*a + a\n", new Expect().node("a", 3, 7, 0).node("f", 12, 1, 0));
        double e2 = Math.exp(2);
        assertTrace("u = 2\np = u*5\nq = u^3\nr = exp(u)\nf = p + q + r\n", new Expect()
                .node("u", 2, 5 + 12 + e2, 1e-12).node("p", 10, 1, 0).node("q", 8, 1, 0).node("r", e2, 1, 1e-12)
                .node("f", 18 + e2, 1, 1e-12));
    }

    @Test
    void power_is_right_associative() {
        // 2^3^2 = 2^(3^2) = 512, not (2^3)^2 = 64; p = a^(b^c): ∂p/∂a = b^c·a^(b^c - 1) = 9·2^8
        assertTrace("p = 2^3^2\n", new Expect().node("p", 512, 1, 0));
        double ln2 = Math.log(2), ln3 = Math.log(3);
        assertTrace("a = 2\nb = 3\nc = 2\np = a^b^c\n", new Expect()
                .node("a", 2, 9 * 256, 1e-9).node("b", 3, 512 * ln2 * 2 * 3, 1e-9)
                .node("c", 2, 512 * ln2 * 9 * ln3, 1e-9).node("p", 512, 1, 0));
    }

    @Test
    void unary_minus_binds_looser_than_power() {
        // -x^2 = -(x^2): -9 with slope -6 at x = 3; (-x)^2 would be 9 with slope 6
        assertTrace("x = 3\ny = -x^2\n", new Expect().node("x", 3, -6, 0).node("y", -9, 1, 0));
        assertTrace("y = -2^2\n", new Expect().node("y", -4, 1, 0));
        assertTrace("x = 3\ny = (-x)^2\n", new Expect().node("x", 3, 6, 0).node("y", 9, 1, 0));
    }

    @Test
    void subtraction_and_division_are_left_associative() {
        // a - b - c = (a - b) - c = 3, not 9; a / b / c = (a / b) / c = 3, not 12
        assertTrace("a = 10\nb = 4\nc = 3\ny = a - b - c\n", new Expect()
                .node("a", 10, 1, 0).node("b", 4, -1, 0).node("c", 3, -1, 0).node("y", 3, 1, 0));
        assertTrace("a = 24\nb = 4\nc = 2\ny = a / b / c\n", new Expect()
                .node("a", 24, 1.0 / 8, 1e-15).node("b", 4, -24.0 / 32, 1e-15).node("c", 2, -24.0 / 16, 1e-15)
                .node("y", 3, 1, 0));
    }

    @Test
    void products_bind_tighter_than_sums() {
        // 1 + 2*3^2 = 1 + 2·9 = 19
        assertTrace("x = 2\ny = 1 + x*3^2\n", new Expect().node("x", 2, 9, 0).node("y", 19, 1, 0));
    }

    @Test
    void the_same_program_gives_the_same_bytes() {
        String body = JsonBody.source("x = -2\ny = 5\nz = -4\nq = x + y\nf = q * z\n");
        HttpResponse<String> first = server.post("/api/trace", body);
        assertNotNull(first.body());
        // a fresh server (another instance behind a balancer) must answer the very same bytes
        try (TestServer other = TestServer.start()) {
            assertEquals(first.body(), other.post("/api/trace", body).body());
        }
        assertTrue(first.body().contains("\"nodes\""));
    }
}
