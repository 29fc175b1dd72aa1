package org.stepgrad.model;

import java.util.ArrayList;
import java.util.List;

/**
 * How a model's outputs are scored against their targets. The squared losses add up squared
 * residuals (output − target); cross-entropy first turns the outputs into probabilities with
 * softmax and charges −log of the probability given to the right class.
 */
public enum Loss implements Named {
    /** Σ r², the plain sum of squared distances. */
    SUM_SQUARED,
    /** Σ r² / n, the mean squared error. */
    MEAN_SQUARED,
    /** ½ Σ r², whose gradient is just the residual (Matt Mazur's worked example uses it). */
    HALF_SQUARED,
    /** softmax over the outputs, then −log p[target]. */
    CROSS_ENTROPY;

    public static Loss named(String name) {
        return Named.find(values(), name).orElseThrow(() -> new ModelError("unknown loss '" + name + "'; use sum-squared, mean-squared, half-squared or cross-entropy"));
    }

    /**
     * Writes the lines that score {@code outputs} against {@code targets} and end in
     * {@code loss = …}. Squared losses name the residuals r_1, r_2, …; cross-entropy names the
     * exponentials e_i, their sum s and the probabilities p_i, and needs one-hot targets.
     */
    public void write(ProgramWriter w, List<String> outputs, double[] targets) {
        int n = outputs.size();
        if (targets.length != n) throw new ModelError("there are " + n + " outputs but " + targets.length + " targets");
        if (this == CROSS_ENTROPY) {
            writeCrossEntropy(w, outputs, targets);
            return;
        }
        List<String> squares = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String t = "t_" + (i + 1);
            w.input(t, targets[i]);
            w.let("r_" + (i + 1), outputs.get(i) + " - " + t);
            squares.add("r_" + (i + 1) + "^2");
        }
        w.let("loss", squared(squares));
    }

    /** The nodes {@link #write} adds for {@code outputs} outputs. */
    public static long nodeCount(Loss loss, int outputs) {
        if (loss == CROSS_ENTROPY) return outputs + (outputs - 1) + outputs + 2L; // e_i, their sum, p_i, -log
        return 4L * outputs + squaredExtra(loss, outputs); // t_i, r_i and r_i^2 (a constant and a power)
    }

    /** The nodes {@link #squared} adds over {@code terms} squared terms. */
    static long squaredExtra(Loss loss, int terms) {
        long sum = terms - 1;
        return switch (loss) {
            case SUM_SQUARED -> sum;
            case MEAN_SQUARED -> sum + (terms == 1 ? 0 : 2);
            case HALF_SQUARED -> sum + 2;
            case CROSS_ENTROPY -> throw new ModelError("cross-entropy scores classes, not squared distances");
        };
    }

    /** The loss expression over already-written squared terms (squared losses only). */
    public String squared(List<String> squares) {
        String sum = ProgramWriter.sum(squares);
        return switch (this) {
            case SUM_SQUARED -> sum;
            case MEAN_SQUARED -> squares.size() == 1 ? sum : "(" + sum + ") / " + squares.size();
            case HALF_SQUARED -> squares.size() == 1 ? "0.5 * " + sum : "0.5 * (" + sum + ")";
            case CROSS_ENTROPY -> throw new ModelError("cross-entropy scores classes, not squared distances");
        };
    }

    private static void writeCrossEntropy(ProgramWriter w, List<String> outputs, double[] targets) {
        int target = -1;
        for (int i = 0; i < targets.length; i++) {
            if (targets[i] == 1 && target < 0) target = i;
            else if (targets[i] != 0) target = -2;
        }
        if (target < 0) throw new ModelError("cross-entropy needs one target of 1 (the right class) and 0 for the others");
        Softmax.probabilities(w, outputs);
        w.let("loss", "-log(p_" + (target + 1) + ")");
    }
}
