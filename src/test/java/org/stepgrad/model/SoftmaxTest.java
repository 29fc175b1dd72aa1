package org.stepgrad.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.stepgrad.engine.Node;
import org.stepgrad.expr.Tracer;

/** Softmax is written once: cross-entropy, mean squared error and a network's output layer share its lines and its numbers. */
class SoftmaxTest {
    private static final double[] Z = {-1, 3, 0};

    @Test
    void both_losses_write_the_same_softmax_lines_and_its_probabilities_are_the_textbook_ones() {
        String ce = new Softmax(Z, 1, Loss.CROSS_ENTROPY).program();
        String mse = new Softmax(Z, 1, Loss.MEAN_SQUARED).program();
        String softmax = "e_1 = exp(z_1)\ne_2 = exp(z_2)\ne_3 = exp(z_3)\ns = e_1 + e_2 + e_3\np_1 = e_1 / s\np_2 = e_2 / s\np_3 = e_3 / s\n";
        assertTrue(ce.contains(softmax), ce);
        assertTrue(mse.contains(softmax), mse);
        Map<String, Node> n = nodes(ce);
        double sum = Math.exp(-1) + Math.exp(3) + Math.exp(0);
        for (int i = 0; i < 3; i++) assertEquals(Math.exp(Z[i]) / sum, n.get("p_" + (i + 1)).value(), 1e-15);
        assertEquals(-Math.log(Math.exp(-1) / sum), n.get("loss").value(), 1e-12);
        assertEquals(Math.exp(-1) / sum - 1, n.get("z_1").grad(), 1e-12, "∂loss/∂z_1 = p_1 − 1");
    }

    @Test
    void a_network_scored_by_cross_entropy_feeds_its_raw_scores_to_the_same_softmax() {
        Network net = new Network(new int[] {1, 2}, Activation.SIGMOID, new double[] {1}, new double[] {0, 1},
                new double[] {0.5, -0.5}, new double[] {0.1}, true, Loss.CROSS_ENTROPY);
        String program = net.program();
        assertTrue(program.contains("e_1 = exp(net_o1)\ne_2 = exp(net_o2)\ns = e_1 + e_2\np_1 = e_1 / s\np_2 = e_2 / s\nloss = -log(p_2)\n"), program);
    }

    private static Map<String, Node> nodes(String program) {
        Map<String, Node> byName = new HashMap<>();
        for (Node node : Tracer.trace(program).trace().nodes()) if (node.name() != null) byName.put(node.name(), node);
        return byName;
    }
}
