package org.stepgrad.model;

/**
 * A training method with its settings, checked once here: the learning rate (or, for random
 * search, the nudge size) in {@code size}, momentum's β in {@code beta1}, Adam's β1 and β2.
 * Settings a method does not use are 0, so equal optimizers are equal records (a cache key).
 */
public record Optimizer(Method method, double size, double beta1, double beta2) {
    /** The β's a lesson gets when its file names none: the values most courses and libraries use. */
    public static final double DEFAULT_BETA = 0.9;
    public static final double DEFAULT_BETA2 = 0.999;

    public Optimizer {
        if (!(size > 0) || !Double.isFinite(size)) {
            throw new ModelError(method == Method.RANDOM_SEARCH ? "the random-search step must be a positive number" : "the learning rate must be a positive number");
        }
        switch (method) {
            case GRADIENT_DESCENT, RANDOM_SEARCH -> {
                beta1 = 0;
                beta2 = 0;
            }
            case MOMENTUM -> {
                beta(beta1, "momentum's β");
                beta2 = 0;
            }
            case ADAM -> {
                beta(beta1, "Adam's β1");
                beta(beta2, "Adam's β2");
            }
        }
    }

    public static Optimizer gradientDescent(double rate) {
        return new Optimizer(Method.GRADIENT_DESCENT, rate, 0, 0);
    }

    public static Optimizer momentum(double rate, double beta) {
        return new Optimizer(Method.MOMENTUM, rate, beta, 0);
    }

    public static Optimizer adam(double rate, double beta1, double beta2) {
        return new Optimizer(Method.ADAM, rate, beta1, beta2);
    }

    public static Optimizer randomSearch(double step) {
        return new Optimizer(Method.RANDOM_SEARCH, step, 0, 0);
    }

    /** A run of {@code iterations} from {@code start}; every method costs one loss evaluation per iteration. */
    public TrainingRun run(Model model, double[] start, int iterations, long seed) {
        return switch (method) {
            case GRADIENT_DESCENT -> GradientDescent.run(model, start, size, iterations);
            case MOMENTUM -> Momentum.run(model, start, size, beta1, iterations);
            case ADAM -> Adam.run(model, start, size, beta1, beta2, iterations);
            case RANDOM_SEARCH -> RandomSearch.run(model, start, size, iterations, seed);
        };
    }

    /** A β must be in [0, 1): at 1 the memory never fades and the steps grow without end. */
    private static void beta(double beta, String name) {
        if (!(beta >= 0 && beta < 1)) throw new ModelError(name + " must be at least 0 and below 1, not " + beta);
    }
}
