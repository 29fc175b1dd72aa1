package org.stepgrad.model;

import java.util.ArrayList;
import java.util.List;

/**
 * A classifier's scores z_1 … z_n for one example whose right class is {@code target}, turned into
 * probabilities by softmax and scored by cross-entropy or by mean squared error against one-hot.
 */
public record Softmax(double[] scores, int target, Loss loss) implements Model {
    public static final int MAX_CLASSES = 64;

    public Softmax {
        checkSize(scores.length);
        if (target < 1 || target > scores.length) throw new ModelError("the target class must be between 1 and " + scores.length);
        if (loss != Loss.CROSS_ENTROPY && loss != Loss.MEAN_SQUARED) {
            throw new ModelError("a classifier is scored by cross-entropy or mean-squared");
        }
        scores = scores.clone();
    }

    /** Refuses a number of classes out of range before anything of that size is allocated. */
    public static void checkSize(long classes) {
        if (classes < 2 || classes > MAX_CLASSES) throw new ModelError("a classifier has between 2 and " + MAX_CLASSES + " classes, not " + classes);
    }

    /** The nodes {@link #program} builds, counted without building them. */
    public static long nodeCount(int classes, Loss loss) {
        if (loss == Loss.CROSS_ENTROPY) return classes + Loss.nodeCount(loss, classes);
        return classes + classes + (classes - 1) + classes + Loss.nodeCount(loss, classes); // z_i, e_i, s, p_i, then the loss
    }

    @Override
    public List<String> parameters() {
        return Model.numbered("z_", 1, scores.length);
    }

    @Override
    public double[] start() {
        return scores.clone();
    }

    @Override
    public String program(double[] z) {
        ProgramWriter w = new ProgramWriter();
        List<String> names = parameters();
        for (int i = 0; i < z.length; i++) w.input(names.get(i), z[i]);
        double[] oneHot = new double[z.length];
        oneHot[target - 1] = 1;
        if (loss == Loss.CROSS_ENTROPY) {
            loss.write(w, names, oneHot); // writes the softmax itself, then -log p
            return w.toString();
        }
        List<String> probabilities = probabilities(w, names);
        loss.write(w, probabilities, oneHot);
        return w.toString();
    }

    /** Writes softmax over {@code scores}, {@code e_i = exp(z_i)}, {@code s = Σ e_i}, {@code p_i = e_i / s}, and names the p_i. */
    static List<String> probabilities(ProgramWriter w, List<String> scores) {
        List<String> exps = new ArrayList<>();
        for (int i = 1; i <= scores.size(); i++) {
            w.let("e_" + i, "exp(" + scores.get(i - 1) + ")");
            exps.add("e_" + i);
        }
        w.let("s", ProgramWriter.sum(exps));
        List<String> probabilities = new ArrayList<>();
        for (int i = 1; i <= scores.size(); i++) {
            w.let("p_" + i, "e_" + i + " / s");
            probabilities.add("p_" + i);
        }
        return probabilities;
    }
}
