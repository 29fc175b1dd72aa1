package org.stepgrad.lesson;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.stepgrad.engine.Node;
import org.stepgrad.engine.Op;
import org.stepgrad.engine.Phase;
import org.stepgrad.engine.Step;
import org.stepgrad.engine.Trace;
import org.stepgrad.expr.SourceError;
import org.stepgrad.expr.Tracer;
import org.stepgrad.layout.DrawingLimit;
import org.stepgrad.model.GradientDescent;
import org.stepgrad.model.Model;
import org.stepgrad.model.ModelError;
import org.stepgrad.model.Method;
import org.stepgrad.model.Optimizer;

/**
 * Turns one lesson file into a {@link Lesson}, checking everything an author can get wrong and
 * naming the place: YAML syntax, missing or unknown fields, a program's faults (at their line in
 * the file), a narration or checkpoint naming a node the graph lacks, a checkpoint answer that
 * disagrees with the graph.
 */
final class LessonParser {
    private static final Set<String> FIELDS = Set.of("title", "summary", "order", "intro", "program", "model",
            "narration", "checkpoints", "training", "knob-range");
    private static final Set<String> NARRATION_FIELDS = Set.of("node", "phase", "mode", "text");
    private static final Set<String> CHECKPOINT_FIELDS = Set.of("node", "ask", "prompt", "answer", "tolerance", "explain");
    private static final Set<String> TRAINING_FIELDS = Set.of("method", "label", "rate", "step", "iterations", "seed", "beta", "beta1", "beta2");
    private static final int MAX_TRAINING_EVALUATIONS = 50_000;
    // iterations × graph nodes: about 7 times the Curve Fitter's 295,000, a few seconds of loading at most
    private static final long MAX_TRAINING_WORK = 2_000_000;

    private LessonParser() {
    }

    static Lesson parse(String id, String file, String text) {
        YamlNode root = YamlReader.read(text);
        YamlNode.Map_ lesson = map(root, "a lesson file");
        unknownFields(lesson, FIELDS, "a lesson");
        String title = text(required(lesson, "title"), "title");
        String summary = text(required(lesson, "summary"), "summary");
        int order = lesson.get("order") == null ? 1000 : integer(lesson.get("order"), "order");
        Prose intro = lesson.get("intro") == null ? Prose.EMPTY : prose(lesson.get("intro"), "intro");

        YamlNode programNode = lesson.get("program");
        YamlNode modelNode = lesson.get("model");
        if ((programNode == null) == (modelNode == null)) {
            throw new LessonException(programNode != null ? programNode : modelNode != null ? modelNode : lesson,
                    "a lesson has its graph either as 'program:' (in the graph language) or as 'model:' (a builder), exactly one of them");
        }
        Model model = null;
        String program;
        YamlNode graphAt;
        if (programNode != null) {
            program = text(programNode, "program");
            graphAt = programNode;
        } else {
            model = ModelSpec.read(modelNode);
            program = model.program();
            graphAt = modelNode;
        }
        Tracer.Traced traced = Tracer.trace(program);
        if (!traced.ok()) throw programFault(traced.error(), graphAt, model != null);
        Trace trace = traced.trace();
        drawable(trace, graphAt);

        double knobRange = lesson.get("knob-range") == null ? 3 : number(lesson.get("knob-range"), "knob-range");
        List<Narration> narration = new ArrayList<>();
        for (YamlNode item : list(lesson.get("narration"), "narration")) narration.add(narration(item, trace));
        List<Checkpoint> checkpoints = new ArrayList<>();
        for (YamlNode item : list(lesson.get("checkpoints"), "checkpoints")) checkpoints.add(checkpoint(item, trace));
        List<Training> training = new ArrayList<>();
        List<YamlNode> runs = list(lesson.get("training"), "training");
        if (!runs.isEmpty() && model == null) {
            throw new LessonException(lesson.get("training"), "training needs the graph as a 'model:', whose parameters it can turn");
        }
        int evaluations = 0;
        for (YamlNode item : runs) {
            // counted before the run: a file over a limit is refused at once, not after minutes of training
            evaluations += plannedIterations(item);
            if (evaluations > MAX_TRAINING_EVALUATIONS) {
                throw new LessonException(item, "the training runs take more than " + MAX_TRAINING_EVALUATIONS + " iterations in all; take fewer");
            }
            if ((long) evaluations * trace.nodes().size() > MAX_TRAINING_WORK) {
                throw new LessonException(item, "the training runs take " + evaluations + " iterations of a " + trace.nodes().size()
                        + "-node graph, more than " + String.format("%,d", MAX_TRAINING_WORK) + " node evaluations in all; take fewer iterations or a smaller model");
            }
            training.add(training(item, model));
        }
        return new Lesson(id, file, title, summary, order, intro, program, trace, traced.nodeLine(),
                narration, checkpoints, training, model, knobRange);
    }

    /** A program's fault at its place in the file: a block's line n is the file's line (block line + n). */
    private static LessonException programFault(SourceError error, YamlNode at, boolean fromModel) {
        if (fromModel) return new LessonException(at, "the model's graph cannot be computed: " + error.describe());
        String message = "the program: " + error.message();
        if (!error.hasPlace() || !(at instanceof YamlNode.Scalar s)) return new LessonException(at, message);
        if (s.block()) return new LessonException(s.line() + error.line(), s.indent() + error.column(), message);
        return new LessonException(s.line(), s.column(), message + " (at line " + error.line() + ", column " + error.column() + " of the program)");
    }

    /** Refuses, at the graph's place in the file, a graph the pages would not draw (the playground's limits). */
    private static void drawable(Trace trace, YamlNode graphAt) {
        Optional<String> refused = DrawingLimit.PAGES.refusal(trace.nodes().size());
        if (refused.isPresent()) throw new LessonException(graphAt, "the lesson's graph cannot be drawn: " + refused.get() + "; make it smaller");
    }

    /** An author's Markdown, a nesting fault reported at its place in the file as a program's fault is. */
    private static Prose prose(YamlNode node, String field) {
        Prose.Parsed parsed = Prose.parse(text(node, field));
        Prose.Fault f = parsed.fault();
        if (f == null) return parsed.prose();
        String message = "the " + field + ": " + f.message();
        if (node instanceof YamlNode.Scalar s && s.block()) throw new LessonException(s.line() + f.line(), s.indent() + f.column(), message);
        throw new LessonException(node, message + " (at line " + f.line() + ", column " + f.column() + " of the text)");
    }

    private static Narration narration(YamlNode item, Trace trace) {
        YamlNode.Map_ m = map(item, "a narration entry");
        unknownFields(m, NARRATION_FIELDS, "a narration entry");
        YamlNode nodeAt = required(m, "node");
        Node node = node(trace, text(nodeAt, "node"), nodeAt);
        Phase phase = phase(m.get("phase"), Phase.FORWARD);
        int step = stepOf(trace, node, phase, nodeAt);
        String mode = m.get("mode") == null ? "add" : text(m.get("mode"), "mode");
        if (!mode.equals("add") && !mode.equals("replace")) {
            throw new LessonException(m.get("mode"), "mode is 'add' (after the automatic narration) or 'replace' (instead of it), not '" + mode + "'");
        }
        return new Narration(step, node.name(), phase, mode.equals("replace"), prose(required(m, "text"), "text"));
    }

    private static Checkpoint checkpoint(YamlNode item, Trace trace) {
        YamlNode.Map_ m = map(item, "a checkpoint");
        unknownFields(m, CHECKPOINT_FIELDS, "a checkpoint");
        YamlNode nodeAt = required(m, "node");
        Node node = node(trace, text(nodeAt, "node"), nodeAt);
        String ask = m.get("ask") == null ? "value" : text(m.get("ask"), "ask");
        Phase phase = switch (ask) {
            case "value" -> Phase.FORWARD;
            case "gradient" -> Phase.BACKWARD;
            default -> throw new LessonException(m.get("ask"), "ask is 'value' or 'gradient', not '" + ask + "'");
        };
        int step = revealStep(trace, node, phase, nodeAt);
        double truth = phase == Phase.FORWARD ? node.value() : node.grad();
        double tolerance = m.get("tolerance") == null ? 0.01 : number(m.get("tolerance"), "tolerance");
        if (!(tolerance >= 0)) throw new LessonException(m.get("tolerance"), "the tolerance must be 0 or more");
        if (m.get("answer") != null) {
            double written = number(m.get("answer"), "answer");
            if (Math.abs(written - truth) > tolerance) {
                throw new LessonException(m.get("answer"), "the answer " + written + " disagrees with the graph, where the "
                        + ask + " of " + node.name() + " is " + truth + "; fix the answer or leave it out");
            }
        }
        Prose prompt = m.get("prompt") == null
                ? Prose.of(phase == Phase.FORWARD ? "What is the value of **" + node.name() + "**?" : "What is **∂" + trace.outputNode().label() + "/∂" + node.name() + "**?")
                : prose(m.get("prompt"), "prompt");
        Prose explain = m.get("explain") == null ? Prose.EMPTY : prose(m.get("explain"), "explain");
        return new Checkpoint(step, node.name(), phase, prompt, truth, tolerance, explain);
    }

    /** A run's iterations as written, or 0 when they are missing or malformed (training() then says what is wrong). */
    private static int plannedIterations(YamlNode item) {
        if (!(item instanceof YamlNode.Map_ m) || m.get("iterations") == null) return 0;
        try {
            return Math.max(0, Math.min(integer(m.get("iterations"), "iterations"), GradientDescent.MAX_ITERATIONS + 1));
        } catch (LessonException e) {
            return 0;
        }
    }

    private static Training training(YamlNode item, Model model) {
        YamlNode.Map_ m = map(item, "a training run");
        unknownFields(m, TRAINING_FIELDS, "a training run");
        String method = text(required(m, "method"), "method");
        int iterations = integer(required(m, "iterations"), "iterations");
        if (iterations < 1 || iterations > GradientDescent.MAX_ITERATIONS) {
            throw new LessonException(m.get("iterations"), "iterations must be between 1 and " + GradientDescent.MAX_ITERATIONS);
        }
        Method kind = Method.named(method);
        if (kind == null) throw new LessonException(m.get("method"), "method is " + Method.choices() + ", not '" + method + "'");
        for (String field : TRAINING_FIELDS) {
            if (m.get(field) != null && !COMMON_FIELDS.contains(field) && !fieldsOf(kind).contains(field)) {
                throw new LessonException(m.get(field), "'" + field + "' is not a setting of " + method + ", whose settings are "
                        + String.join(", ", fieldsOf(kind)));
            }
        }
        try {
            Optimizer optimizer = switch (kind) {
                case GRADIENT_DESCENT -> Optimizer.gradientDescent(positive(m, "rate", "the learning rate"));
                case MOMENTUM -> Optimizer.momentum(positive(m, "rate", "the learning rate"), beta(m, "beta", Optimizer.DEFAULT_BETA));
                case ADAM -> Optimizer.adam(positive(m, "rate", "the learning rate"),
                        beta(m, "beta1", Optimizer.DEFAULT_BETA), beta(m, "beta2", Optimizer.DEFAULT_BETA2));
                case RANDOM_SEARCH -> Optimizer.randomSearch(positive(m, "step", "the step"));
            };
            long seed = m.get("seed") == null ? 1 : integer(m.get("seed"), "seed");
            String label = m.get("label") != null ? text(m.get("label"), "label")
                    : kind == Method.RANDOM_SEARCH ? "random search" : kind.label() + ", α = " + optimizer.size();
            return new Training(label, optimizer, kind == Method.RANDOM_SEARCH ? seed : 0, optimizer.run(model, model.start(), iterations, seed));
        } catch (ModelError e) {
            throw new LessonException(item, e.getMessage());
        }
    }

    private static final Set<String> COMMON_FIELDS = Set.of("method", "label", "iterations");

    /** The settings each method takes besides its label and iterations. */
    private static List<String> fieldsOf(Method method) {
        return switch (method) {
            case GRADIENT_DESCENT -> List.of("rate");
            case MOMENTUM -> List.of("rate", "beta");
            case ADAM -> List.of("rate", "beta1", "beta2");
            case RANDOM_SEARCH -> List.of("step", "seed");
        };
    }

    private static double positive(YamlNode.Map_ m, String field, String what) {
        double v = number(required(m, field), field);
        if (!(v > 0)) throw new LessonException(m.get(field), what + " must be more than 0");
        return v;
    }

    /** A β as written, or its default; one in [0, 1), said at its place in the file. */
    private static double beta(YamlNode.Map_ m, String field, double otherwise) {
        if (m.get(field) == null) return otherwise;
        double v = number(m.get(field), field);
        if (!(v >= 0 && v < 1)) throw new LessonException(m.get(field), "'" + field + "' must be at least 0 and below 1, not " + v);
        return v;
    }

    /**
     * The page step at which a node's value (forward) or finished gradient (backward) first shows:
     * page step s is the state after s trace steps.
     */
    static int stepOf(Trace trace, Node node, Phase phase, YamlNode at) {
        List<Step> steps = trace.steps();
        if (phase == Phase.FORWARD) {
            if (node.op().isLeaf()) {
                throw new LessonException(at, "'" + node.name() + "' is an input: its value is known from the start, so the forward pass has no step for it; ask about its gradient, or pick a computed node");
            }
            for (int i = 0; i < steps.size(); i++) {
                if (steps.get(i).phase() == Phase.FORWARD && steps.get(i).node() == node.id()) return i + 1;
            }
        } else {
            int last = -1;
            for (int i = 0; i < steps.size(); i++) {
                Step s = steps.get(i);
                if (s.phase() != Phase.BACKWARD) continue;
                if (!node.op().isLeaf() && s.node() == node.id()) return i + 1;
                if (node.op().isLeaf() && s.contributions().stream().anyMatch(c -> c.input() == node.id())) last = i + 1;
            }
            if (last > 0) return last;
        }
        throw new LessonException(at, "'" + node.name() + "' does not affect the output " + trace.outputNode().label()
                + ", so the backward pass never reaches it");
    }

    /**
     * The page step at which a checkpoint's answer would first show on the node: its value's
     * forward step, or the last backward step that adds to its gradient (a node with one
     * consumer shows its finished gradient before its own backward step runs).
     */
    static int revealStep(Trace trace, Node node, Phase phase, YamlNode at) {
        int own = stepOf(trace, node, phase, at);
        if (phase == Phase.FORWARD || node.id() == trace.output()) return own;
        int last = -1;
        List<Step> steps = trace.steps();
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i).phase() == Phase.BACKWARD && steps.get(i).contributions().stream().anyMatch(c -> c.input() == node.id())) last = i + 1;
        }
        return last > 0 ? last : own;
    }

    private static Node node(Trace trace, String name, YamlNode at) {
        List<String> names = new ArrayList<>();
        for (Node n : trace.nodes()) {
            if (name.equals(n.name())) return n;
            if (n.name() != null) names.add(n.name());
        }
        String shown = names.size() <= 12 ? String.join(", ", names) : String.join(", ", names.subList(0, 12)) + ", …";
        throw new LessonException(at, "there is no node named '" + name + "' in the graph; its names are " + shown);
    }

    private static Phase phase(YamlNode at, Phase otherwise) {
        if (at == null) return otherwise;
        String p = text(at, "phase");
        return switch (p) {
            case "forward" -> Phase.FORWARD;
            case "backward" -> Phase.BACKWARD;
            default -> throw new LessonException(at, "phase is 'forward' or 'backward', not '" + p + "'");
        };
    }

    // ---- reading typed values, each failure a sentence at its place ----

    static YamlNode.Map_ map(YamlNode node, String what) {
        if (node instanceof YamlNode.Map_ m) return m;
        throw new LessonException(node, what + " is a mapping of 'name: value' lines, but this is " + node.kind());
    }

    static List<YamlNode> list(YamlNode node, String field) {
        if (node == null || node instanceof YamlNode.Scalar s && s.isNull()) return List.of();
        if (node instanceof YamlNode.Seq seq) return seq.items();
        throw new LessonException(node, "'" + field + "' is a list (lines starting with '- '), but this is " + node.kind());
    }

    static YamlNode required(YamlNode.Map_ m, String field) {
        YamlNode v = m.get(field);
        if (v == null) throw new LessonException(m, "'" + field + ":' is missing here");
        return v;
    }

    static String text(YamlNode node, String field) {
        if (node instanceof YamlNode.Scalar s && !s.isNull()) return s.text();
        throw new LessonException(node, "'" + field + "' holds text, but this is " + node.kind());
    }

    static double number(YamlNode node, String field) {
        if (node instanceof YamlNode.Scalar s && !s.isNull()) {
            try {
                double v = Double.parseDouble(s.text().trim());
                if (Double.isFinite(v)) return v;
            } catch (NumberFormatException e) {
                // answered below
            }
        }
        throw new LessonException(node, "'" + field + "' holds a number, but this is " + describe(node));
    }

    static int integer(YamlNode node, String field) {
        double v = number(node, field);
        if (v != Math.rint(v) || Math.abs(v) > 1e9) throw new LessonException(node, "'" + field + "' holds a whole number, not " + v);
        return (int) v;
    }

    static double[] numbers(YamlNode node, String field) {
        List<YamlNode> items = list(node, field);
        double[] out = new double[items.size()];
        for (int i = 0; i < out.length; i++) out[i] = number(items.get(i), field);
        return out;
    }

    private static String describe(YamlNode node) {
        return node instanceof YamlNode.Scalar s && !s.isNull() ? "'" + s.text() + "'" : node.kind();
    }

    static void unknownFields(YamlNode.Map_ m, Set<String> known, String what) {
        for (Map.Entry<String, YamlNode.Scalar> key : m.keys().entrySet()) {
            if (!known.contains(key.getKey())) {
                throw new LessonException(key.getValue(), "'" + key.getKey() + "' is not a field of " + what
                        + "; the fields are " + String.join(", ", known.stream().sorted().toList()));
            }
        }
    }
}
