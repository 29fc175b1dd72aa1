package org.stepgrad.web.api;

import java.util.List;
import java.util.function.Function;
import org.stepgrad.lesson.Lesson;
import org.stepgrad.model.Method;
import org.stepgrad.model.Optimizer;
import org.stepgrad.model.Point;
import org.stepgrad.model.PolynomialFit;
import org.stepgrad.web.http.ApiError;

/**
 * What a Curve Fitter request asks for, checked at the edge with a sentence for every refusal,
 * and the cache key of its answer: everything the numbers depend on, by value (the data points,
 * the loss, the knobs as doubles, the method with its rate or step and β's, the step count).
 */
public record FitQuery(List<Point> points, org.stepgrad.model.Loss loss, List<Double> knobs, Optimizer optimizer, int steps) {
    /** Most training steps one request may ask for (the model's one limit). */
    public static final int MAX_STEPS = org.stepgrad.model.FitResult.MAX_STEPS;
    /** The seed of a random search asked for by a request, the same every time. */
    public static final long SEED = 6000;

    public FitQuery {
        points = List.copyOf(points);
        knobs = List.copyOf(knobs);
    }

    /**
     * Reads {@code k}, {@code steps}, {@code method}, {@code rate} and the β's ({@code beta}: momentum's,
     * or Adam's β1; {@code beta2}: Adam's) from a query; absent ones take the lesson file's.
     */
    public static FitQuery read(Lesson lesson, PolynomialFit fit, Function<String, String> query) {
        int steps = steps(query.apply("steps"));
        Method method = method(query.apply("method"));
        Optimizer given = lesson.optimizer(method);
        double size = method == Method.RANDOM_SEARCH || query.apply("rate") == null ? given.size() : rate(query.apply("rate"));
        double beta1 = setting(query.apply("beta"), "beta", given.beta1(), method == Method.MOMENTUM || method == Method.ADAM, method);
        double beta2 = setting(query.apply("beta2"), "beta2", given.beta2(), method == Method.ADAM, method);
        return of(fit, LessonController.knobs(query.apply("k"), lesson), new Optimizer(method, size, beta1, beta2), steps);
    }

    /** The lesson's curve over the query's {@code points=} (its own when absent), refused with a sentence when out of bounds. */
    public static PolynomialFit curve(PolynomialFit lesson, Function<String, String> query) {
        return lesson.over(FitPoints.read(query.apply("points")));
    }

    public static FitQuery of(PolynomialFit fit, double[] knobs, Optimizer optimizer, int steps) {
        return new FitQuery(fit.points(), fit.loss(), java.util.Arrays.stream(knobs).boxed().toList(), optimizer, steps);
    }

    public Method method() {
        return optimizer.method();
    }

    /** The learning rate, or for random search the nudge size. */
    public double size() {
        return optimizer.size();
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
            throw new ApiError(400, "steps must be a whole number from 0 to " + MAX_STEPS + ", not '" + ApiError.clip(param.trim()) + "'");
        }
        if (n < 0) throw new ApiError(400, "steps must be a whole number from 0 to " + MAX_STEPS + ", not " + n);
        if (n > MAX_STEPS) throw new ApiError(400, "a request trains at most " + MAX_STEPS + " steps, not " + n + "; ask in parts");
        return (int) n;
    }

    static Method method(String param) {
        if (param == null || param.isBlank()) return Method.GRADIENT_DESCENT;
        Method m = Method.named(param.trim());
        if (m == null) throw new ApiError(400, "method is " + Method.choices() + ", not '" + ApiError.clip(param.trim()) + "'");
        return m;
    }

    static double rate(String param) {
        try {
            double v = Double.parseDouble(param.trim());
            if (v > 0 && v <= 10) return v;
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new ApiError(400, "rate must be a number above 0 and at most 10, not '" + ApiError.clip(param.trim()) + "'");
    }

    /** A β from the query, or the lesson's; refused with a sentence when the method has no such setting. */
    static double setting(String param, String name, double otherwise, boolean takes, Method method) {
        if (param == null || param.isBlank()) return otherwise;
        if (!takes) throw new ApiError(400, name + " is a setting of " + (name.equals("beta") ? "momentum and adam" : "adam") + ", not of " + method.id());
        try {
            double v = Double.parseDouble(param.trim());
            if (v >= 0 && v < 1) return v;
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new ApiError(400, name + " must be a number at least 0 and below 1, not '" + ApiError.clip(param.trim()) + "'");
    }
}
