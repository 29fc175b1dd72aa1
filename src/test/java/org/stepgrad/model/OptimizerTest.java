package org.stepgrad.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Momentum and Adam against their arithmetic written out here by hand, on the training-loop
 * lesson's three points (whose gradient is worked out below from the mean squared miss, not by
 * the engine), and the landscape's cells against the loss computed apart.
 */
class OptimizerTest {
    private static final double[] X = {1, 2, 3};
    private static final double[] Y = {2, 3, 5};
    private static final PolynomialFit LINE = new PolynomialFit(1, List.of(new Point(1, 2), new Point(2, 3), new Point(3, 5)),
            new double[] {0.5, 1}, Loss.MEAN_SQUARED);

    /** ∂/∂k of mean((k0 + k1·x − y)²) = (2/3)·(Σ r, Σ r·x), written out apart from the graph. */
    private static double[] gradient(double k0, double k1) {
        double g0 = 0, g1 = 0;
        for (int i = 0; i < 3; i++) {
            double r = k0 + k1 * X[i] - Y[i];
            g0 += 2 * r / 3;
            g1 += 2 * r * X[i] / 3;
        }
        return new double[] {g0, g1};
    }

    @Test
    void one_momentum_update_is_v_times_beta_plus_the_gradient_then_a_step_against_v() {
        Momentum.Step s = Momentum.step(0.5, -1.2, 0.3, 0.1, 0.9);
        assertEquals(0.9 * 0.3 - 1.2, s.nextVelocity(), 1e-15); // −0.93
        assertEquals(0.5 + 0.1 * 0.93, s.next(), 1e-15); // 0.593
    }

    @Test
    void two_momentum_updates_of_a_run_follow_the_arithmetic_by_hand() {
        double a = 0.05, b = 0.9;
        TrainingRun run = Momentum.run(LINE, LINE.start(), a, b, 2);
        double[] g1 = gradient(0.5, 1); // (−5/3, −4): the training-loop lesson's checkpoint is −4
        assertArrayEquals(new double[] {-5.0 / 3, -4}, g1, 1e-12);
        double[] v1 = {g1[0], g1[1]}; // from rest, v = 0·β + g
        double[] k1 = {0.5 - a * v1[0], 1 - a * v1[1]};
        double[] g2 = gradient(k1[0], k1[1]);
        double[] v2 = {b * v1[0] + g2[0], b * v1[1] + g2[1]};
        double[] k2 = {k1[0] - a * v2[0], k1[1] - a * v2[1]};
        assertArrayEquals(k1, run.params().get(1), 1e-12);
        assertArrayEquals(k2, run.params().get(2), 1e-12);
        List<Momentum.Step> worked = Momentum.worked(LINE, LINE.start(), a, b, 1, 2);
        assertEquals(v2[1], worked.get(1).nextVelocity(), 1e-12, "the panel's worked update is the run's own");
        assertEquals(k2[1], worked.get(1).next(), 1e-12);
    }

    @Test
    void two_adam_updates_follow_the_arithmetic_by_hand_with_bias_correction() {
        double a = 0.1, b1 = 0.9, b2 = 0.999, eps = 1e-8;
        TrainingRun run = Adam.run(LINE, LINE.start(), a, b1, b2, 2);
        double[] k = {0.5, 1}, m = new double[2], v = new double[2];
        for (int t = 1; t <= 2; t++) {
            double[] g = gradient(k[0], k[1]);
            for (int i = 0; i < 2; i++) {
                m[i] = b1 * m[i] + (1 - b1) * g[i];
                v[i] = b2 * v[i] + (1 - b2) * g[i] * g[i];
                double mHat = m[i] / (1 - Math.pow(b1, t)), vHat = v[i] / (1 - Math.pow(b2, t));
                k[i] -= a * mHat / (Math.sqrt(vHat) + eps);
            }
            assertArrayEquals(k, run.params().get(t), 1e-12, "update " + t);
        }
        // the first update moves each knob by α exactly (m̂ = g, v̂ = g²), whatever its gradient's size
        assertEquals(0.5 + a, run.params().get(1)[0], 1e-8);
        assertEquals(1 + a, run.params().get(1)[1], 1e-8);
    }

    @Test
    void a_beta_of_one_or_more_is_refused_with_a_sentence() {
        ModelError e = assertThrows(ModelError.class, () -> Optimizer.momentum(0.1, 1));
        assertTrue(e.getMessage().contains("below 1"), e.getMessage());
        assertThrows(ModelError.class, () -> Optimizer.adam(0.1, 0.9, -0.1));
        assertThrows(ModelError.class, () -> Optimizer.adam(0, 0.9, 0.999));
    }

    @Test
    void every_method_costs_one_loss_evaluation_per_iteration() {
        for (Optimizer o : List.of(Optimizer.gradientDescent(0.1), Optimizer.momentum(0.02, 0.9), Optimizer.adam(0.05, 0.9, 0.999),
                Optimizer.randomSearch(0.2))) {
            int[] evaluations = {0};
            Model counted = new Model() {
                public List<String> parameters() {
                    return LINE.parameters();
                }

                public double[] start() {
                    return LINE.start();
                }

                public String program(double[] k) {
                    evaluations[0]++;
                    return LINE.program(k);
                }
            };
            TrainingRun run = o.run(counted, LINE.start(), 40, 3);
            assertEquals(41, run.losses().length);
            assertEquals(41, evaluations[0], o.method().id() + ": iteration 0 and one per iteration");
        }
    }

    @Test
    void a_landscape_cell_is_the_loss_at_its_knobs_computed_apart() {
        Landscape l = Landscape.of(LINE, LINE.start(), 0, 1, 3, 7);
        assertArrayEquals(new double[] {-3, -2, -1, 0, 1, 2, 3}, l.xs(), 1e-15);
        for (int[] cell : new int[][] {{0, 0}, {3, 5}, {6, 2}}) {
            double k0 = l.xs()[cell[0]], k1 = l.ys()[cell[1]], sum = 0;
            for (int i = 0; i < 3; i++) sum += Math.pow(k0 + k1 * X[i] - Y[i], 2);
            assertEquals(sum / 3, l.loss()[cell[1]][cell[0]], 1e-12, "loss[j][i] is at x[i], y[j]");
        }
        assertThrows(ModelError.class, () -> Landscape.of(LINE, LINE.start(), 0, 0, 3, 7));
        assertThrows(ModelError.class, () -> Landscape.of(LINE, LINE.start(), 0, 1, 3, Landscape.MAX_SIZE + 1));
    }
}
