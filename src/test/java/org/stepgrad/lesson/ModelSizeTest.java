package org.stepgrad.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.stepgrad.expr.Tracer;
import org.stepgrad.model.Activation;
import org.stepgrad.model.Classifier;
import org.stepgrad.model.Loss;
import org.stepgrad.model.Model;
import org.stepgrad.model.Network;
import org.stepgrad.model.Neuron;
import org.stepgrad.model.Point;
import org.stepgrad.model.PolynomialFit;
import org.stepgrad.model.Softmax;

/** The node counts the loader checks before building a model are the counts of the graphs the builders write. */
class ModelSizeTest {
    private static int traced(Model m) {
        Tracer.Traced t = Tracer.trace(m.program());
        if (!t.ok()) throw new AssertionError(t.error().describe());
        return t.trace().nodes().size();
    }

    @Test
    void a_polynomials_count_matches_its_graph_for_every_degree_points_and_loss() {
        for (Loss loss : List.of(Loss.SUM_SQUARED, Loss.MEAN_SQUARED, Loss.HALF_SQUARED)) {
            for (int degree = 1; degree <= PolynomialFit.MAX_DEGREE; degree++) { // degree 0 writes 'p_1 = k0', which the language refuses
                for (int n : new int[] {1, 2, 7}) {
                    List<Point> points = new java.util.ArrayList<>();
                    for (int i = 0; i < n; i++) points.add(new Point(i * 0.5 - 1, i));
                    PolynomialFit fit = new PolynomialFit(degree, points, new double[degree + 1], loss);
                    assertEquals(traced(fit), PolynomialFit.nodeCount(degree, n, loss), loss + " degree " + degree + ", " + n + " points");
                }
            }
        }
    }

    @Test
    void a_networks_count_matches_its_graph_for_shapes_biases_and_losses() {
        int[][] shapes = {{2, 2, 2}, {1, 1}, {3, 4, 2}, {2, 3, 3, 1}, {4, 1, 4}};
        for (int[] sizes : shapes) {
            for (boolean perLayer : new boolean[] {true, false}) {
                for (Loss loss : Loss.values()) {
                    if (loss == Loss.CROSS_ENTROPY && sizes[sizes.length - 1] == 1) continue; // one class writes 's = e_1', refused
                    double[] targets = new double[sizes[sizes.length - 1]];
                    targets[0] = 1;
                    Network net = Network.seeded(sizes, Activation.SIGMOID, new double[sizes[0]], targets, perLayer, loss, 3);
                    assertEquals(traced(net), Network.nodeCount(sizes, perLayer, loss), java.util.Arrays.toString(sizes) + " " + loss + " " + perLayer);
                }
            }
        }
    }

    @Test
    void a_two_class_classifiers_count_matches_its_graph_for_widths_and_labellings() {
        for (int hidden : new int[] {1, 4, 16}) {
            for (int ones : new int[] {0, 1, 3}) {
                List<Classifier.Sample> points = new java.util.ArrayList<>();
                for (int i = 0; i < 3; i++) points.add(new Classifier.Sample(i * 0.3, -i * 0.2, i < ones ? 1 : 0));
                Classifier c = Classifier.seeded(hidden, Activation.TANH, points, 4);
                assertEquals(traced(c), Classifier.nodeCount(hidden, 3, ones), hidden + " hidden, " + ones + " of class 1");
            }
        }
    }

    @Test
    void a_neurons_and_a_classifiers_counts_match_their_graphs() {
        for (int n : new int[] {1, 2, 5}) {
            double[] ones = new double[n];
            java.util.Arrays.fill(ones, 0.5);
            assertEquals(traced(new Neuron(ones, ones, 0.1, Activation.TANH, null)), Neuron.nodeCount(n, false));
            assertEquals(traced(new Neuron(ones, ones, 0.1, Activation.RELU, 1.0)), Neuron.nodeCount(n, true));
        }
        for (int c : new int[] {2, 3, 6}) {
            for (Loss loss : List.of(Loss.CROSS_ENTROPY, Loss.MEAN_SQUARED)) {
                assertEquals(traced(new Softmax(new double[c], 1, loss)), Softmax.nodeCount(c, loss), c + " classes, " + loss);
            }
        }
    }
}
