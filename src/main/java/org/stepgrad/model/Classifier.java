package org.stepgrad.model;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A small network that sorts 2-D points into two classes: inputs x1 and x2, one hidden layer of
 * {@code hidden} neurons, and a sigmoid output p, the probability that a point is of class 1. The
 * loss is binary cross-entropy averaged over the points: −log p for a point of class 1 and
 * −log(1 − p) for one of class 0.
 *
 * <p>Weights and biases are numbered as in {@link Network}: w1 joins x1 to h1, w2 joins x2 to h1,
 * …, then the output's weights from h1, h2, …; b1 … bH are the hidden biases and b(H+1) the
 * output's. The program declares its groups ({@code ## weights / hidden layer}, {@code ## points / point 3 · class 1},
 * {@code ## loss}), so its graph opens as one box per point around the shared weights.
 */
public record Classifier(int hidden, Activation activation, List<Sample> points, double[] weights, double[] biases) implements Model {
    public static final int MAX_POINTS = 1_000;

    /** One labelled point: its coordinates and its class, 0 or 1. */
    public record Sample(double x1, double x2, int label) {
        public Sample {
            if (label != 0 && label != 1) throw new ModelError("a point's label is its class, 0 or 1, not " + label);
        }
    }

    public Classifier {
        checkSize(hidden, points.size());
        int w = 3 * hidden, b = hidden + 1;
        if (weights.length != w) throw new ModelError("a 2-" + hidden + "-1 classifier has " + w + " weights, not " + weights.length);
        if (biases.length != b) throw new ModelError("a 2-" + hidden + "-1 classifier has " + b + " biases, not " + biases.length);
        points = List.copyOf(points);
        weights = weights.clone();
        biases = biases.clone();
    }

    /** Starting weights and biases drawn uniformly from [-1, 1] with a fixed seed, as {@link Network#seeded} draws them. */
    public static Classifier seeded(int hidden, Activation activation, List<Sample> points, long seed) {
        checkSize(hidden, points.size());
        SplittableRandom random = new SplittableRandom(seed);
        double[] w = Network.uniform(random, 3 * hidden);
        return new Classifier(hidden, activation, points, w, Network.uniform(random, hidden + 1));
    }

    /** Refuses a hidden width or a number of points out of range before anything of that size is allocated. */
    public static void checkSize(long hidden, long points) {
        if (hidden < 1 || hidden > Network.MAX_WIDTH) {
            throw new ModelError("the hidden layer holds between 1 and " + Network.MAX_WIDTH + " neurons, not " + hidden);
        }
        if (points < 2 || points > MAX_POINTS) throw new ModelError("a classifier needs between 2 and " + MAX_POINTS + " points, not " + points);
    }

    /**
     * The nodes {@link #program} builds, counted without building them: the weights, per point its two
     * inputs, 7 per hidden neuron and the output, its loss term (2 nodes for class 1, 4 for class 0),
     * and the mean. With {@code ones} 0 it is the most any labelling of that many points builds.
     */
    public static long nodeCount(int hidden, int points, int ones) {
        long perPoint = 2 + 7L * hidden + 1;
        return 4L * hidden + 1 + points * perPoint + 2L * ones + 4L * (points - ones) + points + 1;
    }

    @Override
    public List<String> parameters() {
        return Network.parameters(weights.length, biases.length);
    }

    @Override
    public double[] start() {
        return Network.start(weights, biases);
    }

    @Override
    public String program(double[] p) {
        int h = hidden;
        ProgramWriter w = new ProgramWriter();
        w.group("weights / hidden layer");
        for (int i = 1; i <= 2 * h; i++) w.input("w" + i, p[i - 1]);
        for (int j = 1; j <= h; j++) w.input("b" + j, p[3 * h + j - 1]);
        w.group("weights / output");
        for (int i = 2 * h + 1; i <= 3 * h; i++) w.input("w" + i, p[i - 1]);
        w.input("b" + (h + 1), p[4 * h]);
        List<String> terms = new ArrayList<>(points.size());
        for (int i = 0; i < points.size(); i++) {
            Sample s = points.get(i);
            String n = "_" + (i + 1);
            w.group("points / point " + (i + 1) + " · class " + s.label());
            w.input("x1" + n, s.x1());
            w.input("x2" + n, s.x2());
            List<String> out = new ArrayList<>(h + 1);
            for (int j = 1; j <= h; j++) {
                w.let("net_h" + j + n, "w" + (2 * j - 1) + "*x1" + n + " + w" + (2 * j) + "*x2" + n + " + b" + j);
                w.let("h" + j + n, activation.function() + "(net_h" + j + n + ")");
                out.add("w" + (2 * h + j) + "*h" + j + n);
            }
            out.add("b" + (h + 1));
            w.let("net_o" + n, ProgramWriter.sum(out));
            w.let("p" + n, "sigmoid(net_o" + n + ")");
            w.let("l" + n, s.label() == 1 ? "-log(p" + n + ")" : "-log(1 - p" + n + ")");
            terms.add("l" + n);
        }
        w.group("loss");
        w.let("loss", "(" + ProgramWriter.sum(terms) + ") / " + points.size());
        return w.toString();
    }

    /** p for a point at (x1, x2) with these parameters, computed directly (no graph): for the decision boundary. */
    public double probability(double[] p, double x1, double x2) {
        int h = hidden;
        double net = p[4 * h];
        for (int j = 0; j < h; j++) {
            double hj = activation.apply(p[2 * j] * x1 + p[2 * j + 1] * x2 + p[3 * h + j]);
            net += p[2 * h + j] * hj;
        }
        return Activation.SIGMOID.apply(net);
    }

    /** The loss computed directly (no graph). */
    public double lossAt(double[] p) {
        double sum = 0;
        for (Sample s : points) {
            double q = probability(p, s.x1(), s.x2());
            sum += -Math.log(s.label() == 1 ? q : 1 - q);
        }
        return sum / points.size();
    }

    /** How many points fall on their own class's side of p = 0.5. */
    public int correct(double[] p) {
        int right = 0;
        for (Sample s : points) {
            boolean one = probability(p, s.x1(), s.x2()) >= 0.5;
            if (one == (s.label() == 1)) right++;
        }
        return right;
    }
}
