package org.stepgrad.lesson;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.stepgrad.model.Activation;
import org.stepgrad.model.Loss;
import org.stepgrad.model.Model;
import org.stepgrad.model.ModelError;
import org.stepgrad.model.Network;
import org.stepgrad.model.Neuron;
import org.stepgrad.model.Point;
import org.stepgrad.model.PolynomialFit;
import org.stepgrad.model.Softmax;

/** Reads a lesson's {@code model:} mapping into a model builder: polynomial, neuron, network or softmax. */
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
                default -> throw new LessonException(m.get("type"), "the model type is polynomial, neuron, network or softmax, not '" + type + "'");
            };
        } catch (ModelError e) {
            throw new LessonException(m, "the model cannot be built: " + e.getMessage());
        }
    }

    private static Model polynomial(YamlNode.Map_ m) {
        LessonParser.unknownFields(m, Set.of("type", "degree", "points", "knobs", "loss"), "a polynomial model");
        int degree = LessonParser.integer(LessonParser.required(m, "degree"), "degree");
        List<Point> points = new ArrayList<>();
        for (YamlNode p : LessonParser.list(LessonParser.required(m, "points"), "points")) {
            double[] xy = LessonParser.numbers(p, "points");
            if (xy.length != 2) throw new LessonException(p, "each point is written [x, y]");
            points.add(new Point(xy[0], xy[1]));
        }
        double[] knobs = m.get("knobs") == null ? new double[degree + 1] : LessonParser.numbers(m.get("knobs"), "knobs");
        return new PolynomialFit(degree, points, knobs, loss(m, Loss.MEAN_SQUARED));
    }

    private static Model neuron(YamlNode.Map_ m) {
        LessonParser.unknownFields(m, Set.of("type", "inputs", "weights", "bias", "activation", "target"), "a neuron model");
        double[] inputs = LessonParser.numbers(LessonParser.required(m, "inputs"), "inputs");
        double[] weights = LessonParser.numbers(LessonParser.required(m, "weights"), "weights");
        double bias = LessonParser.number(LessonParser.required(m, "bias"), "bias");
        Activation activation = Activation.named(LessonParser.text(LessonParser.required(m, "activation"), "activation"));
        Double target = m.get("target") == null ? null : LessonParser.number(m.get("target"), "target");
        return new Neuron(inputs, weights, bias, activation, target);
    }

    private static Model network(YamlNode.Map_ m) {
        LessonParser.unknownFields(m, Set.of("type", "layers", "activation", "inputs", "targets", "weights", "biases", "bias", "loss", "seed"),
                "a network model");
        double[] layers = LessonParser.numbers(LessonParser.required(m, "layers"), "layers");
        int[] sizes = new int[layers.length];
        for (int i = 0; i < sizes.length; i++) sizes[i] = (int) layers[i];
        Activation activation = Activation.named(LessonParser.text(LessonParser.required(m, "activation"), "activation"));
        double[] inputs = LessonParser.numbers(LessonParser.required(m, "inputs"), "inputs");
        double[] targets = LessonParser.numbers(LessonParser.required(m, "targets"), "targets");
        String bias = m.get("bias") == null ? "per-neuron" : LessonParser.text(m.get("bias"), "bias");
        if (!bias.equals("per-layer") && !bias.equals("per-neuron")) {
            throw new LessonException(m.get("bias"), "bias is 'per-layer' (one shared by a layer) or 'per-neuron', not '" + bias + "'");
        }
        Loss loss = loss(m, Loss.HALF_SQUARED);
        if (m.get("weights") == null) {
            long seed = m.get("seed") == null ? 1 : LessonParser.integer(m.get("seed"), "seed");
            return Network.seeded(sizes, activation, inputs, targets, bias.equals("per-layer"), loss, seed);
        }
        double[] weights = LessonParser.numbers(m.get("weights"), "weights");
        double[] biases = LessonParser.numbers(LessonParser.required(m, "biases"), "biases");
        return new Network(sizes, activation, inputs, targets, weights, biases, bias.equals("per-layer"), loss);
    }

    private static Model softmax(YamlNode.Map_ m) {
        LessonParser.unknownFields(m, Set.of("type", "scores", "target", "loss"), "a softmax model");
        double[] scores = LessonParser.numbers(LessonParser.required(m, "scores"), "scores");
        int target = LessonParser.integer(LessonParser.required(m, "target"), "target");
        return new Softmax(scores, target, loss(m, Loss.CROSS_ENTROPY));
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
