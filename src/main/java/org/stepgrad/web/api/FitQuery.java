package org.stepgrad.web.api;

import java.util.List;
import java.util.function.Function;
import org.stepgrad.lesson.Lesson;
import org.stepgrad.model.Method;
import org.stepgrad.model.Point;
import org.stepgrad.model.PolynomialFit;
import org.stepgrad.web.http.ApiError;

/**
 * What a Curve Fitter request asks for, checked at the edge with a sentence for every refusal,
 * and the cache key of its answer: everything the numbers depend on, by value (the data points,
 * the loss, the knobs as doubles, the method, its rate or step, the step count).
 *
 * @param size the learning rate for gradient descent, the nudge size for random search
 */
public record FitQuery(List<Point> points, org.stepgrad.model.Loss loss, List<Double> knobs, Method method, double size, int steps) {
    /** Most training steps one request may ask for (the model's one limit). */
    public static final int MAX_STEPS = org.stepgrad.model.FitResult.MAX_STEPS;
    /** The seed of a random search asked for by a request, the same every time. */
    public static final long SEED = 6000;

    public FitQuery {
        points = List.copyOf(points);
        knobs = List.copyOf(knobs);
    }

    /** Reads {@code k}, {@code steps}, {@code rate} and {@code method} from a query for {@code fit} (see {@link #curve}); absent ones take the lesson's. */
    public static FitQuery read(Lesson lesson, PolynomialFit fit, Function<String, String> query) {
        int steps = steps(query.apply("steps"));
        Method method = method(query.apply("method"));
        double size = method == Method.RANDOM_SEARCH ? lesson.fitStep()
                : query.apply("rate") == null ? lesson.fitRate() : rate(query.apply("rate"));
        return of(fit, LessonController.knobs(query.apply("k"), lesson), method, size, steps);
    }

    /** The lesson's curve over the query's {@code points=} (its own when absent), refused with a sentence when out of bounds. */
    public static PolynomialFit curve(PolynomialFit lesson, Function<String, String> query) {
        return lesson.over(FitPoints.read(query.apply("points")));
    }

    public static FitQuery of(PolynomialFit fit, double[] knobs, Method method, double size, int steps) {
        return new FitQuery(fit.points(), fit.loss(), java.util.Arrays.stream(knobs).boxed().toList(), method, size, steps);
    }

    public double[] knobArray() {
        return knobs.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** The steps are refused, not capped, above {@link #MAX_STEPS}: the learner is told why nothing ran. */
    static int steps(String param) {
        if (param == null || param.isBlank()) return 0;
        long n;
        try {
            n = Long.parseLong(param.trim());
        } catch (NumberFormatException e) {
            throw new ApiError(400, "steps must be a whole number from 0 to " + MAX_STEPS + ", not '" + clip(param.trim()) + "'");
        }
        if (n < 0) throw new ApiError(400, "steps must be a whole number from 0 to " + MAX_STEPS + ", not " + n);
        if (n > MAX_STEPS) throw new ApiError(400, "a request trains at most " + MAX_STEPS + " steps, not " + n + "; ask in parts");
        return (int) n;
    }

    static Method method(String param) {
        if (param == null || param.isBlank()) return Method.GRADIENT_DESCENT;
        Method m = Method.named(param.trim());
        if (m == null) throw new ApiError(400, "method is gradient-descent or random-search, not '" + clip(param.trim()) + "'");
        return m;
    }

    static double rate(String param) {
        try {
            double v = Double.parseDouble(param.trim());
            if (v > 0 && v <= 10) return v;
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new ApiError(400, "rate must be a number above 0 and at most 10, not '" + clip(param.trim()) + "'");
    }

    static String clip(String s) {
        return s.length() <= 20 ? s : s.substring(0, 20) + "…";
    }
}
