package org.stepgrad.web.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.stepgrad.model.FitResult;
import org.stepgrad.model.Loss;
import org.stepgrad.model.Optimizer;
import org.stepgrad.model.Point;
import org.stepgrad.model.PolynomialFit;

/** The fitter's cache is keyed by the values an answer depends on, and weighs answers by their bytes. */
class FitServiceTest {
    private static final List<Point> POINTS = List.of(new Point(1, 2), new Point(2, 3), new Point(3, 5));

    private static PolynomialFit fit(double... start) {
        return new PolynomialFit(1, POINTS, start, Loss.MEAN_SQUARED);
    }

    @Test
    void equal_parameters_are_one_key_whatever_lesson_object_or_start_they_come_from() {
        FitQuery a = FitQuery.of(fit(0.5, 1), new double[] {0.5, 1}, Optimizer.gradientDescent(0.15), 25);
        FitQuery b = FitQuery.of(fit(9, 9), new double[] {0.50, 1.0}, Optimizer.gradientDescent(0.15), 25);
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        assertNotEquals(a, FitQuery.of(fit(0.5, 1), new double[] {0.5, 1}, Optimizer.gradientDescent(0.15), 26));
        assertNotEquals(a, FitQuery.of(fit(0.5, 1), new double[] {0.5, 1}, Optimizer.randomSearch(0.15), 25));
        assertNotEquals(a, FitQuery.of(new PolynomialFit(1, POINTS, new double[2], Loss.SUM_SQUARED), new double[] {0.5, 1},
                Optimizer.gradientDescent(0.15), 25), "another loss is another answer");
    }

    @Test
    void an_answer_is_computed_once_and_served_again_from_the_cache() {
        FitService service = new FitService();
        FitQuery q = FitQuery.of(fit(0.5, 1), new double[] {0.5, 1}, Optimizer.gradientDescent(0.15), 25);
        assertNull(service.cached(q));
        FitResult first = service.answer(fit(0.5, 1), q);
        assertNotNull(service.cached(q));
        assertSame(first, service.answer(fit(0.5, 1), FitQuery.of(fit(1, 1), new double[] {0.5, 1}, Optimizer.gradientDescent(0.15), 25)));
        assertEquals(0.9167, first.loss(), 1e-4, "the training-loop lesson's start: 2.75 / 3");
        assertEquals(26, first.run().losses().length);
    }

    @Test
    void an_answer_weighs_about_eight_bytes_a_number() {
        FitResult r = FitResult.of(fit(0.5, 1), new double[] {0.5, 1}, Optimizer.gradientDescent(0.15), 2000, 0);
        assertTrue(r.bytes() >= 8 * 2001 && r.bytes() < 8 * 2001 + 400, "bytes " + r.bytes());
    }
}
