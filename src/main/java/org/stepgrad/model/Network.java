package org.stepgrad.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A fully connected network for one training example. Weights are numbered w1, w2, … neuron by
 * neuron, layer by layer (w1 joins input 1 to hidden neuron 1, w2 input 2 to hidden neuron 1, as
 * in Matt Mazur's worked example); biases are b1, b2, … one per layer or one per neuron.
 * Each neuron writes its weighted sum {@code net_h1} and its activation {@code h1}.
 */
public record Network(int[] sizes, Activation activation, double[] inputs, double[] targets,
                      double[] weights, double[] biases, boolean biasPerLayer, Loss loss) implements Model {

    public static final int MAX_LAYERS = 8;
    public static final int MAX_WIDTH = 16;

    public Network {
        checkShape(sizes);
        if (inputs.length != sizes[0]) throw new ModelError("the network takes " + sizes[0] + " inputs, not " + inputs.length);
        if (targets.length != sizes[sizes.length - 1]) {
            throw new ModelError("the network has " + sizes[sizes.length - 1] + " outputs, so it needs as many targets, not " + targets.length);
        }
        if (weights.length != weightCount(sizes)) {
            throw new ModelError("a " + shape(sizes) + " network has " + weightCount(sizes) + " weights, not " + weights.length);
        }
        int b = biasCount(sizes, biasPerLayer);
        if (biases.length != b) throw new ModelError("this network has " + b + " biases, not " + biases.length);
        sizes = sizes.clone();
        inputs = inputs.clone();
        targets = targets.clone();
        weights = weights.clone();
        biases = biases.clone();
    }

    /** Starting weights and biases drawn uniformly from [-1, 1] with a fixed seed. */
    public static Network seeded(int[] sizes, Activation activation, double[] inputs, double[] targets,
                                 boolean biasPerLayer, Loss loss, long seed) {
        checkShape(sizes);
        SplittableRandom random = new SplittableRandom(seed);
        double[] w = uniform(random, weightCount(sizes));
        double[] b = uniform(random, biasCount(sizes, biasPerLayer));
        return new Network(sizes, activation, inputs, targets, w, b, biasPerLayer, loss);
    }

    /** {@code n} numbers drawn uniformly from [-1, 1], rounded to two places so a program shows them short. */
    static double[] uniform(SplittableRandom random, int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) v[i] = Math.round(random.nextDouble(-1, 1) * 100) / 100.0;
        return v;
    }

    /** Refuses a layer count or width out of range before any weight is allocated. */
    public static void checkShape(int[] sizes) {
        if (sizes.length < 2 || sizes.length > MAX_LAYERS) {
            throw new ModelError("a network has between 2 and " + MAX_LAYERS + " layers (inputs, hidden layers, outputs), not " + sizes.length);
        }
        for (int s : sizes) {
            if (s < 1 || s > MAX_WIDTH) throw new ModelError("each layer holds between 1 and " + MAX_WIDTH + " neurons, not " + s);
        }
    }

    /** The nodes {@link #program} builds for this shape, counted without building them (call {@link #checkShape} first). */
    public static long nodeCount(int[] sizes, boolean biasPerLayer, Loss loss) {
        long n = sizes[0] + weightCount(sizes) + biasCount(sizes, biasPerLayer);
        int last = sizes.length - 1;
        for (int l = 1; l <= last; l++) {
            long perNeuron = 2L * sizes[l - 1]; // a product per input and an add per term after the first
            boolean activated = !(l == last && loss == Loss.CROSS_ENTROPY);
            n += sizes[l] * (perNeuron + (activated ? 1 : 0));
        }
        return n + Loss.nodeCount(loss, sizes[last]);
    }

    static int weightCount(int[] sizes) {
        int n = 0;
        for (int l = 1; l < sizes.length; l++) n += sizes[l - 1] * sizes[l];
        return n;
    }

    static int biasCount(int[] sizes, boolean perLayer) {
        if (perLayer) return sizes.length - 1;
        int n = 0;
        for (int l = 1; l < sizes.length; l++) n += sizes[l];
        return n;
    }

    static String shape(int[] sizes) {
        return String.join("-", Arrays.stream(sizes).mapToObj(Integer::toString).toList());
    }

    @Override
    public List<String> parameters() {
        return parameters(weights.length, biases.length);
    }

    @Override
    public double[] start() {
        return start(weights, biases);
    }

    /** w1 … wW, then b1 … bB: the parameter names of a network (and of a classifier, numbered alike). */
    static List<String> parameters(int weights, int biases) {
        List<String> names = new ArrayList<>();
        for (int i = 1; i <= weights; i++) names.add("w" + i);
        for (int i = 1; i <= biases; i++) names.add("b" + i);
        return names;
    }

    /** The weights, then the biases, in the order of {@link #parameters(int, int)}. */
    static double[] start(double[] weights, double[] biases) {
        double[] p = Arrays.copyOf(weights, weights.length + biases.length);
        System.arraycopy(biases, 0, p, weights.length, biases.length);
        return p;
    }

    @Override
    public String program(double[] p) {
        ProgramWriter w = new ProgramWriter();
        List<String> previous = new ArrayList<>();
        for (int i = 1; i <= sizes[0]; i++) {
            w.input("i" + i, inputs[i - 1]);
            previous.add("i" + i);
        }
        for (int i = 1; i <= weights.length; i++) w.input("w" + i, p[i - 1]);
        for (int i = 1; i <= biases.length; i++) w.input("b" + i, p[weights.length + i - 1]);
        int weight = 0;
        int neuronBias = 0;
        int last = sizes.length - 1;
        for (int l = 1; l <= last; l++) {
            List<String> current = new ArrayList<>();
            for (int j = 1; j <= sizes[l]; j++) {
                String name = neuronName(l, j);
                List<String> terms = new ArrayList<>();
                for (String in : previous) terms.add("w" + (++weight) + "*" + in);
                terms.add("b" + (biasPerLayer ? l : ++neuronBias));
                w.let("net_" + name, ProgramWriter.sum(terms));
                if (l == last && loss == Loss.CROSS_ENTROPY) {
                    current.add("net_" + name); // softmax takes the raw scores
                } else {
                    w.let(name, activation.function() + "(net_" + name + ")");
                    current.add(name);
                }
            }
            previous = current;
        }
        loss.write(w, previous, targets);
        return w.toString();
    }

    private String neuronName(int layer, int j) {
        if (layer == sizes.length - 1) return "o" + j;
        return sizes.length == 3 ? "h" + j : "h" + layer + "_" + j;
    }
}
