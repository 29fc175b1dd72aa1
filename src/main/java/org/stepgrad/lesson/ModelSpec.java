package org.stepgrad.lesson;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.stepgrad.layout.DrawingLimit;
import org.stepgrad.model.Activation;
import org.stepgrad.model.Classifier;
import org.stepgrad.model.Loss;
import org.stepgrad.model.Model;
import org.stepgrad.model.ModelError;
import org.stepgrad.model.Network;
import org.stepgrad.model.Neuron;
import org.stepgrad.model.Point;
import org.stepgrad.model.PolynomialFit;
import org.stepgrad.model.Softmax;
import org.stepgrad.replay.Format;

/**
 * Reads a lesson's {@code model:} mapping into a model builder: polynomial, neuron, network, softmax or classifier.
 * Every size (degree, points, layers, inputs, classes) and the node count they add up to is checked
 * before anything of that size is allocated, so a file cannot ask for a billion knobs.
 */
final class ModelSpec {
    private ModelSpec() {
    }

    static Model read(YamlNode node) {
        YamlNode.Map_ m = LessonParser.map(node, "'model'");
        String type = LessonParser.text(LessonParser.required(m, "type"), "type");
        try {
            return switch (type) {
                case "polynomial" -> polynomial(m);
                case "neuron" -> neuron(m);
                case "network" -> network(m);
                case "softmax" -> softmax(m);
                case "classifier" -> classifier(m);
                default -> throw new LessonException(m.get("type"), "the model type is polynomial, neuron, network, softmax or classifier, not '" + type + "'");
            };
        } catch (ModelError e) {
            throw new LessonException(m, "the model cannot be built: " + e.getMessage());
        }
    }

    private static Model polynomial(YamlNode.Map_ m) {
        LessonParser.unknownFields(m, Set.of("type", "degree", "points", "knobs", "loss"), "a polynomial model");
        YamlNode degreeAt = LessonParser.required(m, "degree");
        int degree = LessonParser.integer(degreeAt, "degree");
        List<YamlNode> written = LessonParser.list(LessonParser.required(m, "points"), "points");
        at(degreeAt, () -> PolynomialFit.checkSize(degree, written.size()));
        Loss loss = loss(m, Loss.MEAN_SQUARED);
        drawable(m, PolynomialFit.nodeCount(degree, written.size(), loss));
        List<Point> points = new ArrayList<>();
        for (YamlNode p : written) {
            double[] xy = LessonParser.numbers(p, "points");
            if (xy.length != 2) throw new LessonException(p, "each point is written [x, y]");
            points.add(new Point(xy[0], xy[1]));
        }
        double[] knobs = m.get("knobs") == null ? new double[degree + 1] : numbers(m, "knobs", PolynomialFit.MAX_DEGREE + 1);
        return new PolynomialFit(degree, points, knobs, loss);
    }

    private static Model neuron(YamlNode.Map_ m) {
        LessonParser.unknownFields(m, Set.of("type", "inputs", "weights", "bias", "activation", "target"), "a neuron model");
        YamlNode inputsAt = LessonParser.required(m, "inputs");
        at(inputsAt, () -> Neuron.checkSize(LessonParser.list(inputsAt, "inputs").size()));
        double[] inputs = LessonParser.numbers(inputsAt, "inputs");
        double[] weights = numbers(m, "weights", Neuron.MAX_INPUTS);
        double bias = LessonParser.number(LessonParser.required(m, "bias"), "bias");
        Activation activation = Activation.named(LessonParser.text(LessonParser.required(m, "activation"), "activation"));
        Double target = m.get("target") == null ? null : LessonParser.number(m.get("target"), "target");
        return new Neuron(inputs, weights, bias, activation, target);
    }

    private static Model network(YamlNode.Map_ m) {
        LessonParser.unknownFields(m, Set.of("type", "layers", "activation", "inputs", "targets", "weights", "biases", "bias", "loss", "seed"),
                "a network model");
        YamlNode layersAt = LessonParser.required(m, "layers");
        List<YamlNode> layers = LessonParser.list(layersAt, "layers");
        if (layers.size() > Network.MAX_LAYERS) {
            throw new LessonException(layersAt, "a network has between 2 and " + Network.MAX_LAYERS + " layers, not " + layers.size());
        }
        int[] sizes = new int[layers.size()];
        for (int i = 0; i < sizes.length; i++) sizes[i] = LessonParser.integer(layers.get(i), "layers");
        at(layersAt, () -> Network.checkShape(sizes));
        String bias = m.get("bias") == null ? "per-neuron" : LessonParser.text(m.get("bias"), "bias");
        if (!bias.equals("per-layer") && !bias.equals("per-neuron")) {
            throw new LessonException(m.get("bias"), "bias is 'per-layer' (one shared by a layer) or 'per-neuron', not '" + bias + "'");
        }
        Loss loss = loss(m, Loss.HALF_SQUARED);
        drawable(m, Network.nodeCount(sizes, bias.equals("per-layer"), loss));
        Activation activation = Activation.named(LessonParser.text(LessonParser.required(m, "activation"), "activation"));
        double[] inputs = numbers(m, "inputs", Network.MAX_WIDTH);
        double[] targets = numbers(m, "targets", Network.MAX_WIDTH);
        if (m.get("weights") == null) {
            long seed = m.get("seed") == null ? 1 : LessonParser.integer(m.get("seed"), "seed");
            return Network.seeded(sizes, activation, inputs, targets, bias.equals("per-layer"), loss, seed);
        }
        int most = Network.MAX_WIDTH * Network.MAX_WIDTH * (Network.MAX_LAYERS - 1);
        double[] weights = numbers(m, "weights", most);
        double[] biases = numbers(m, "biases", most);
        return new Network(sizes, activation, inputs, targets, weights, biases, bias.equals("per-layer"), loss);
    }

    private static Model softmax(YamlNode.Map_ m) {
        LessonParser.unknownFields(m, Set.of("type", "scores", "target", "loss"), "a softmax model");
        YamlNode scoresAt = LessonParser.required(m, "scores");
        at(scoresAt, () -> Softmax.checkSize(LessonParser.list(scoresAt, "scores").size()));
        double[] scores = LessonParser.numbers(scoresAt, "scores");
        int target = LessonParser.integer(LessonParser.required(m, "target"), "target");
        return new Softmax(scores, target, loss(m, Loss.CROSS_ENTROPY));
    }

    private static Model classifier(YamlNode.Map_ m) {
        LessonParser.unknownFields(m, Set.of("type", "layers", "activation", "points", "weights", "biases", "seed"), "a classifier model");
        YamlNode layersAt = LessonParser.required(m, "layers");
        List<YamlNode> layers = LessonParser.list(layersAt, "layers");
        String shape = "a classifier's layers are [2, n, 1]: the point's two coordinates, one hidden layer of 1 to "
                + Network.MAX_WIDTH + " neurons, and one output, the probability of class 1";
        if (layers.size() != 3) throw new LessonException(layersAt, shape);
        int[] sizes = new int[3];
        for (int i = 0; i < 3; i++) sizes[i] = LessonParser.integer(layers.get(i), "layers");
        if (sizes[0] != 2 || sizes[2] != 1) throw new LessonException(layersAt, shape);
        List<YamlNode> written = LessonParser.list(LessonParser.required(m, "points"), "points");
        at(layersAt, () -> Classifier.checkSize(sizes[1], 2)); // the width alone: the points' count is answered at the points
        at(m.get("points"), () -> Classifier.checkSize(sizes[1], written.size()));
        drawable(m, Classifier.nodeCount(sizes[1], written.size(), 0));
        List<Classifier.Sample> points = new ArrayList<>();
        for (YamlNode p : written) {
            double[] xyl = LessonParser.numbers(p, "points");
            if (xyl.length != 3) throw new LessonException(p, "each point is written [x1, x2, label], its label 0 or 1");
            if (xyl[2] != 0 && xyl[2] != 1) throw new LessonException(p, "a point's label is its class, 0 or 1, not " + Format.number(xyl[2]));
            points.add(new Classifier.Sample(xyl[0], xyl[1], (int) xyl[2]));
        }
        Activation activation = m.get("activation") == null ? Activation.TANH
                : Activation.named(LessonParser.text(m.get("activation"), "activation"));
        if (m.get("weights") == null) {
            long seed = m.get("seed") == null ? 1 : LessonParser.integer(m.get("seed"), "seed");
            return Classifier.seeded(sizes[1], activation, points, seed);
        }
        double[] weights = numbers(m, "weights", 3 * sizes[1]);
        double[] biases = numbers(m, "biases", sizes[1] + 1);
        return new Classifier(sizes[1], activation, points, weights, biases);
    }

    /** A size check's sentence at the field it is about. */
    private static void at(YamlNode field, Runnable check) {
        try {
            check.run();
        } catch (ModelError e) {
            throw new LessonException(field, e.getMessage());
        }
    }

    /** Refuses a model whose graph pages would not draw, before its program is written. */
    private static void drawable(YamlNode.Map_ m, long nodes) {
        if (nodes > DrawingLimit.PAGES.maxNodes()) {
            throw new LessonException(m, "the model would build " + String.format("%,d", nodes) + " nodes, and pages draw up to "
                    + String.format("%,d", DrawingLimit.PAGES.maxNodes()) + "; make it smaller");
        }
    }

    /** A list of numbers no longer than {@code most}, refused by its length before it is read. */
    private static double[] numbers(YamlNode.Map_ m, String field, int most) {
        YamlNode at = LessonParser.required(m, field);
        int n = LessonParser.list(at, field).size();
        if (n > most) throw new LessonException(at, "'" + field + "' holds at most " + most + " numbers here, not " + n);
        return LessonParser.numbers(at, field);
    }

    private static Loss loss(YamlNode.Map_ m, Loss otherwise) {
        if (m.get("loss") == null) return otherwise;
        try {
            return Loss.named(LessonParser.text(m.get("loss"), "loss"));
        } catch (ModelError e) {
            throw new LessonException(m.get("loss"), e.getMessage());
        }
    }
}
