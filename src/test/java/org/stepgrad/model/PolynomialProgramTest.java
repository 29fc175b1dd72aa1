package org.stepgrad.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.stepgrad.engine.Trace;
import org.stepgrad.expr.Tracer;

/** The one polynomial-fit generator: its traced loss and gradient against direct arithmetic, at any size. */
class PolynomialProgramTest {
    @Test
    void the_traced_loss_equals_the_sum_of_squared_misses_computed_directly() {
        SplittableRandom random = new SplittableRandom(3);
        for (Loss loss : List.of(Loss.SUM_SQUARED, Loss.MEAN_SQUARED, Loss.HALF_SQUARED)) {
            for (int degree : new int[] {0, 1, 3, 5}) {
                double[] k = new double[degree + 1];
                for (int j = 0; j <= degree; j++) k[j] = random.nextDouble(-2, 2);
                List<Point> points = new ArrayList<>();
                double direct = 0;
                for (int i = 0; i < 37; i++) {
                    double x = random.nextDouble(-1, 1), y = random.nextDouble(-1, 1);
                    points.add(new Point(x, y));
                    double p = 0, xj = 1;
                    for (int j = 0; j <= degree; j++, xj *= x) p += k[j] * xj;
                    direct += (p - y) * (p - y);
                }
                if (loss == Loss.MEAN_SQUARED) direct /= points.size();
                if (loss == Loss.HALF_SQUARED) direct /= 2;
                Trace t = Tracer.trace(PolynomialProgram.write(k, points, loss)).trace();
                assertEquals(direct, t.outputNode().value(), 1e-9 * Math.max(1, direct), loss + " degree " + degree);
            }
        }
    }

    @Test
    void a_lesson_fit_writes_the_generators_text_and_the_generator_has_no_lesson_size_limit() {
        List<Point> points = List.of(new Point(1, 2), new Point(2, 3), new Point(3, 5));
        PolynomialFit fit = new PolynomialFit(1, points, new double[] {0.5, 1}, Loss.MEAN_SQUARED);
        assertEquals(PolynomialProgram.write(new double[] {0.5, 1}, points, Loss.MEAN_SQUARED), fit.program());
        assertTrue(fit.program().contains("p_1 = k0 + k1*x_1\nr_1 = p_1 - y_1\n"), fit.program());
        List<Point> many = new ArrayList<>();
        for (int i = 0; i <= PolynomialFit.MAX_POINTS; i++) many.add(new Point(i / 1000.0, 1));
        String program = PolynomialProgram.write(new double[6], many, Loss.SUM_SQUARED);
        assertEquals(6 + 4 * many.size() + 1, program.split("\n").length, "one more point than a lesson may hold");
        assertTrue(Tracer.trace(PolynomialProgram.write(new double[6], many.subList(0, 2000), Loss.SUM_SQUARED)).ok(), "the benchmark's size traces");
    }

    @Test
    void each_knobs_gradient_matches_central_differences_of_the_direct_loss() {
        List<Point> points = List.of(new Point(-1, -0.7), new Point(0, 0.3), new Point(0.5, 1.2), new Point(1, 0.5));
        PolynomialFit fit = new PolynomialFit(3, points, new double[] {0.2, -1, 0.5, 2}, Loss.MEAN_SQUARED);
        Evaluation e = Evaluation.of(fit, fit.start());
        for (int j = 0; j < 4; j++) {
            double h = 1e-6;
            double[] up = fit.start(), down = fit.start();
            up[j] += h;
            down[j] -= h;
            assertEquals((fit.lossAt(up) - fit.lossAt(down)) / (2 * h), e.gradient()[j], 1e-6, "k" + j);
        }
    }
}
