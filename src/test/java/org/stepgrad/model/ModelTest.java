package org.stepgrad.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.stepgrad.replay.Format;

class ModelTest {
    private static final Network MAZUR = new Network(new int[] {2, 2, 2}, Activation.SIGMOID, new double[] {0.05, 0.10},
            new double[] {0.01, 0.99}, new double[] {0.15, 0.20, 0.25, 0.30, 0.40, 0.45, 0.50, 0.55},
            new double[] {0.35, 0.60}, true, Loss.HALF_SQUARED);

    @Test
    void mazurs_network_gives_his_published_loss_and_gradients() {
        Evaluation e = Evaluation.of(MAZUR, MAZUR.start());
        assertEquals(0.298371109, e.loss(), 1e-9);
        assertEquals(0.082167041, e.gradient()[4], 1e-9); // ∂E/∂w5
        assertEquals(0.000438568, e.gradient()[0], 1e-9); // ∂E/∂w1
    }

    @Test
    void one_update_of_mazurs_network_gives_his_published_weights() {
        double[] w = GradientDescent.run(MAZUR, MAZUR.start(), 0.5, 1).finalParams();
        double[] published = {0.149780716, 0.19956143, 0.24975114, 0.29950229, 0.35891648, 0.408666186, 0.511301270, 0.561370121};
        for (int i = 0; i < published.length; i++) assertEquals(published[i], w[i], 1e-8, "w" + (i + 1));
    }

    @Test
    void karpathys_tanh_neuron_gives_his_gradients() {
        Neuron n = new Neuron(new double[] {2, 0}, new double[] {-3, 1}, 6.8813735870195432, Activation.TANH, null);
        Evaluation e = Evaluation.of(n, n.start());
        assertEquals(Math.sqrt(0.5), e.loss(), 1e-12);
        assertArrayEquals(new double[] {1.0, 0.0, 0.5}, e.gradient(), 1e-12); // w1, w2, b
    }

    @Test
    void polynomial_gradients_match_central_finite_differences_of_the_loss() {
        PolynomialFit fit = new PolynomialFit(3, List.of(new Point(-1, 0.5), new Point(0.2, -0.3), new Point(0.9, 1.1)),
                new double[] {0.3, -0.7, 1.2, 0.4}, Loss.MEAN_SQUARED);
        double[] k = fit.start();
        Evaluation e = Evaluation.of(fit, k);
        assertEquals(fit.lossAt(k), e.loss(), 1e-12);
        for (int j = 0; j < k.length; j++) {
            double h = 1e-6;
            double[] up = k.clone(), down = k.clone();
            up[j] += h;
            down[j] -= h;
            assertEquals((fit.lossAt(up) - fit.lossAt(down)) / (2 * h), e.gradient()[j], 1e-6, "k" + j);
        }
    }

    @Test
    void softmax_cross_entropy_gradient_is_probability_minus_one_hot() {
        double[] z = {-1, 3, 0};
        Evaluation e = Evaluation.of(new Softmax(z, 1, Loss.CROSS_ENTROPY), z);
        double s = Math.exp(-1) + Math.exp(3) + 1;
        double[] p = {Math.exp(-1) / s, Math.exp(3) / s, 1 / s};
        assertEquals(-Math.log(p[0]), e.loss(), 1e-12);
        assertArrayEquals(new double[] {p[0] - 1, p[1], p[2]}, e.gradient(), 1e-12);
    }

    @Test
    void mean_squared_error_on_a_confident_mistake_gives_a_far_weaker_gradient_than_cross_entropy() {
        double[] z = {-1, 3, 0};
        double ce = Evaluation.of(new Softmax(z, 1, Loss.CROSS_ENTROPY), z).gradient()[0];
        double mse = Evaluation.of(new Softmax(z, 1, Loss.MEAN_SQUARED), z).gradient()[0];
        assertTrue(Math.abs(ce) > 40 * Math.abs(mse), ce + " vs " + mse);
    }

    @Test
    void a_network_with_cross_entropy_scores_raw_outputs_with_softmax() {
        Network n = Network.seeded(new int[] {2, 3, 2}, Activation.TANH, new double[] {0.5, -1}, new double[] {0, 1}, false, Loss.CROSS_ENTROPY, 4);
        Evaluation e = Evaluation.of(n, n.start());
        assertTrue(e.loss() > 0);
        assertTrue(n.program().contains("loss = -log(p_2)"));
    }

    @Test
    void gradient_descent_lowers_the_loss_and_records_every_iteration() {
        PolynomialFit fit = new PolynomialFit(1, List.of(new Point(1, 2), new Point(2, 3), new Point(3, 5)), new double[] {0.5, 1}, Loss.MEAN_SQUARED);
        TrainingRun run = GradientDescent.run(fit, fit.start(), 0.15, 25);
        assertEquals(26, run.losses().length);
        assertEquals(26, run.params().size());
        for (int i = 0; i <= 25; i++) assertEquals(fit.lossAt(run.params().get(i)), run.losses()[i], 1e-12);
        assertTrue(run.finalLoss() < 0.06);
        // the least-squares line through the points is y = 1/3 + 1.5·x, with a mean squared error of 1/18
        TrainingRun longer = GradientDescent.run(fit, fit.start(), 0.15, 3000);
        assertEquals(1.0 / 18, longer.finalLoss(), 1e-9);
        assertArrayEquals(new double[] {1.0 / 3, 1.5}, longer.finalParams(), 1e-6);
    }

    @Test
    void a_learning_rate_beyond_two_over_the_largest_curvature_makes_the_loss_grow() {
        PolynomialFit fit = new PolynomialFit(1, List.of(new Point(1, 2), new Point(2, 3), new Point(3, 5)), new double[] {0.5, 1}, Loss.MEAN_SQUARED);
        // the Hessian is (2/3)·[[3, 6], [6, 14]]; its largest eigenvalue is about 11.09, so 2/11.09 ≈ 0.18
        TrainingRun run = GradientDescent.run(fit, fit.start(), 0.19, 25);
        assertTrue(run.finalLoss() > 100 * run.startLoss());
    }

    @Test
    void random_search_is_deterministic_never_increases_the_loss_and_spends_one_evaluation_per_iteration() {
        PolynomialFit fit = new PolynomialFit(2, List.of(new Point(-1, 1), new Point(0, 0), new Point(1, 1)), new double[] {1, 1, 1}, Loss.MEAN_SQUARED);
        TrainingRun a = RandomSearch.run(fit, fit.start(), 0.3, 100, 9);
        TrainingRun b = RandomSearch.run(fit, fit.start(), 0.3, 100, 9);
        assertArrayEquals(a.losses(), b.losses());
        assertEquals(101, a.losses().length);
        for (int i = 1; i < a.losses().length; i++) assertTrue(a.losses()[i] <= a.losses()[i - 1]);
        assertTrue(a.finalLoss() < a.startLoss());
    }

    @Test
    void numbers_written_into_programs_read_back_exactly() {
        for (double v : new double[] {0.1, -2, 6.8813735870195432, 1e-7, -3.3e12, 0.35891647971788465}) {
            assertEquals(v, Double.parseDouble(Format.exact(v)));
        }
    }
}
