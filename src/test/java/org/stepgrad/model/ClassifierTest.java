package org.stepgrad.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.stepgrad.expr.Tracer;
import org.stepgrad.replay.Hierarchy;

/** The classifier's graph against arithmetic written out here and against finite differences; training separates the points. */
class ClassifierTest {
    private static final List<Classifier.Sample> TWO = List.of(new Classifier.Sample(0.5, -1, 1), new Classifier.Sample(-0.25, 2, 0));

    private static double sigmoid(double x) {
        return 1 / (1 + Math.exp(-x));
    }

    @Test
    void the_graphs_loss_is_the_mean_cross_entropy_worked_out_by_hand() {
        // 2-2-1: h_j = tanh(w·x + b_j), p = σ(w5·h1 + w6·h2 + b3); class 1 pays −log p, class 0 −log(1 − p)
        double[] w = {0.3, -0.2, -0.5, 0.4, 1.5, -0.7};
        double[] b = {0.1, -0.3, 0.2};
        Classifier c = new Classifier(2, Activation.TANH, TWO, w, b);
        double loss = 0;
        for (Classifier.Sample s : TWO) {
            double h1 = Math.tanh(0.3 * s.x1() - 0.2 * s.x2() + 0.1);
            double h2 = Math.tanh(-0.5 * s.x1() + 0.4 * s.x2() - 0.3);
            double p = sigmoid(1.5 * h1 - 0.7 * h2 + 0.2);
            loss += s.label() == 1 ? -Math.log(p) : -Math.log(1 - p);
        }
        loss /= 2;
        Evaluation e = Evaluation.of(c, c.start());
        assertEquals(loss, e.loss(), 1e-12);
        assertEquals(loss, c.lossAt(c.start()), 1e-12);
    }

    @Test
    void the_output_sums_gradient_is_p_minus_the_label_over_the_points() {
        Classifier c = Classifier.seeded(3, Activation.TANH, TWO, 5);
        Tracer.Traced t = Tracer.trace(c.program());
        assertTrue(t.ok());
        for (int i = 1; i <= 2; i++) {
            Classifier.Sample s = TWO.get(i - 1);
            double p = c.probability(c.start(), s.x1(), s.x2());
            String name = "net_o_" + i;
            double grad = t.trace().nodes().stream().filter(n -> name.equals(n.name())).findFirst().orElseThrow().grad();
            assertEquals((p - s.label()) / 2, grad, 1e-12, name);
        }
    }

    @Test
    void every_gradient_matches_central_finite_differences_for_each_activation() {
        List<Classifier.Sample> points = List.of(new Classifier.Sample(0.1, 0.2, 1), new Classifier.Sample(-0.8, 0.4, 0),
                new Classifier.Sample(0.6, -0.9, 0), new Classifier.Sample(-0.2, -0.1, 1));
        for (Activation a : Activation.values()) {
            Classifier c = Classifier.seeded(4, a, points, 11);
            double[] k = c.start();
            Evaluation e = Evaluation.of(c, k);
            for (int j = 0; j < k.length; j++) {
                double h = 1e-6;
                double[] up = k.clone(), down = k.clone();
                up[j] += h;
                down[j] -= h;
                assertEquals((c.lossAt(up) - c.lossAt(down)) / (2 * h), e.gradient()[j], 1e-6, a + " " + c.parameters().get(j));
            }
        }
    }

    @Test
    void gradient_descent_lowers_the_loss_and_puts_every_point_on_its_side() {
        // class 1 near the middle, class 0 around it: no straight line separates them
        List<Classifier.Sample> ring = new java.util.ArrayList<>();
        for (int i = 0; i < 8; i++) {
            double a = 2 * Math.PI * i / 8;
            ring.add(new Classifier.Sample(0.25 * Math.cos(a + 0.3), 0.25 * Math.sin(a + 0.3), 1));
            ring.add(new Classifier.Sample(0.9 * Math.cos(a), 0.9 * Math.sin(a), 0));
        }
        Classifier c = Classifier.seeded(4, Activation.TANH, ring, 2);
        TrainingRun run = GradientDescent.run(c, c.start(), 2, 300);
        assertTrue(c.correct(c.start()) < ring.size(), "the start does not separate them");
        assertTrue(run.finalLoss() < run.startLoss() / 4, run.finalLoss() + " against " + run.startLoss());
        assertEquals(ring.size(), c.correct(run.finalParams()));
        assertEquals(c.lossAt(run.finalParams()), run.finalLoss(), 1e-12);
    }

    @Test
    void its_program_opens_as_weights_points_and_loss_with_one_group_per_point() {
        Classifier c = Classifier.seeded(2, Activation.TANH, TWO, 1);
        String source = c.program();
        Tracer.Traced t = Tracer.trace(source);
        Hierarchy h = Hierarchy.of(t.trace(), t.nodeLine(), source);
        List<String> top = h.groups().stream().filter(g -> g.parent() == 0).map(Hierarchy.Group::label).toList();
        assertEquals(List.of("weights", "points", "loss"), top);
        List<String> labels = h.groups().stream().map(Hierarchy.Group::label).toList();
        assertTrue(labels.containsAll(List.of("hidden layer", "output", "point 1 · class 1", "point 2 · class 0")), labels.toString());
    }

    @Test
    void sizes_and_labels_out_of_range_are_refused_with_sentences() {
        assertEquals("the hidden layer holds between 1 and 16 neurons, not 17",
                assertThrows(ModelError.class, () -> Classifier.checkSize(17, 30)).getMessage());
        assertEquals("a classifier needs between 2 and 1000 points, not 1",
                assertThrows(ModelError.class, () -> Classifier.checkSize(4, 1)).getMessage());
        assertEquals("a point's label is its class, 0 or 1, not 2",
                assertThrows(ModelError.class, () -> new Classifier.Sample(0, 0, 2)).getMessage());
        assertEquals("a 2-2-1 classifier has 6 weights, not 5",
                assertThrows(ModelError.class, () -> new Classifier(2, Activation.TANH, TWO, new double[5], new double[3])).getMessage());
    }
}
