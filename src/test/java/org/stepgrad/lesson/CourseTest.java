package org.stepgrad.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.stepgrad.engine.Node;
import org.stepgrad.engine.Phase;
import org.stepgrad.model.Classifier;
import org.stepgrad.model.PolynomialFit;
import org.stepgrad.model.RandomSearch;
import org.stepgrad.model.TrainingRun;

/** Every lesson in lessons/ loads, and each one's key numbers agree with references worked out apart from the engine. */
class CourseTest {
    private static final Path FOLDER = Path.of("lessons");
    private static Catalog course;

    @BeforeAll
    static void load() {
        course = LessonLibrary.open(FOLDER).current();
    }

    private static Lesson lesson(String id) {
        return course.find(id).orElseThrow(() -> new AssertionError("no lesson " + id));
    }

    private static Node node(Lesson lesson, String name) {
        return lesson.trace().nodes().stream().filter(n -> name.equals(n.name())).findFirst().orElseThrow();
    }

    @Test
    void every_lesson_file_loads_without_a_problem() throws IOException {
        assertEquals(List.of(), course.problems().stream().map(LessonProblem::describe).toList());
        long files;
        try (Stream<Path> s = Files.list(FOLDER)) {
            files = s.filter(p -> p.toString().endsWith(".yaml")).count();
        }
        assertEquals(files, course.lessons().size());
        assertTrue(course.lessons().size() >= 8);
    }

    @Test
    void the_jar_index_names_every_lesson_file() throws IOException {
        List<String> index = Files.readAllLines(FOLDER.resolve("index.txt")).stream().filter(l -> !l.isBlank()).sorted().toList();
        List<String> files;
        try (Stream<Path> s = Files.list(FOLDER)) {
            files = s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".yaml")).sorted().toList();
        }
        assertEquals(files, index);
    }

    @Test
    void the_lessons_packaged_in_the_jar_are_the_same_course() {
        Catalog packaged = LessonLibrary.open(null).current();
        assertEquals(List.of(), packaged.problems());
        assertEquals(course.lessons().stream().map(Lesson::id).toList(), packaged.lessons().stream().map(Lesson::id).toList());
    }

    @Test
    void the_course_follows_the_design_order() {
        assertEquals(List.of("loss", "knobs", "chain-rule", "neuron", "sigmoid-neuron", "curve-fitter", "network", "cross-entropy", "training-loop",
                        "optimizers", "classifier"),
                course.lessons().stream().map(Lesson::id).toList());
    }

    @Test
    void every_checkpoint_asks_at_the_step_that_reveals_its_answer() {
        for (Lesson l : course.lessons()) {
            for (Checkpoint c : l.checkpoints()) {
                var step = l.trace().steps().get(c.step() - 1);
                Node node = node(l, c.node());
                if (c.phase() == Phase.FORWARD) {
                    assertEquals(node.id(), step.node(), l.id() + " " + c.node());
                    assertEquals(node.value(), c.answer());
                } else {
                    assertTrue(step.node() == node.id() || step.contributions().stream().anyMatch(x -> x.input() == node.id()));
                    assertEquals(node.grad(), c.answer());
                }
            }
        }
    }

    @Test
    void lesson_1_loss_is_the_sum_of_squared_misses() {
        // line 0.5 + x through (1,2), (2,3), (3,5): misses -0.5, -0.5, -1.5
        Lesson l = lesson("loss");
        assertEquals(2.75, l.trace().outputNode().value(), 1e-12);
        assertEquals(-5, node(l, "k0").grad(), 1e-12); // Σ 2·r
        assertEquals(-12, node(l, "k1").grad(), 1e-12); // Σ 2·r·x
    }

    @Test
    void lesson_2_slope_predicts_the_nudge() {
        Lesson l = lesson("knobs");
        assertEquals(4, l.trace().outputNode().value(), 1e-12);
        assertEquals(-8, node(l, "w").grad(), 1e-12);
        double nudged = Math.pow(0.51 * 2 - 3, 2); // the narration's check
        assertEquals(3.9204, nudged, 1e-12);
    }

    @Test
    void lesson_3_gates_route_the_gradient_as_cs231n_shows_and_a_fan_out_sums() {
        Lesson l = lesson("chain-rule");
        assertEquals(-16, l.trace().outputNode().value(), 1e-12);
        assertEquals(-4, node(l, "x").grad(), 1e-12);
        assertEquals(-4, node(l, "y").grad(), 1e-12);
        assertEquals(-4, node(l, "q").grad(), 1e-12);
        assertEquals(1 + 3, node(l, "z").grad(), 1e-12);
    }

    @Test
    void lesson_4_and_its_sigmoid_twin_have_karpathys_numbers_and_the_sigmoids_smaller_slope() {
        Lesson tanh = lesson("neuron");
        Lesson sigmoid = lesson("sigmoid-neuron");
        double o = Math.sqrt(0.5);
        assertEquals(o, tanh.trace().outputNode().value(), 1e-9);
        assertEquals(o, sigmoid.trace().outputNode().value(), 1e-9);
        assertEquals(0.5, node(tanh, "n").grad(), 1e-9);
        assertEquals(o * (1 - o), node(sigmoid, "n").grad(), 1e-9);
        assertEquals(-1.5, node(tanh, "x1").grad(), 1e-9);
        assertEquals(1.0, node(tanh, "w1").grad(), 1e-9);
    }

    @Test
    void curve_fitter_gradient_descent_cuts_the_loss_a_hundredfold_and_random_search_ends_ten_times_higher() {
        Lesson l = lesson("curve-fitter");
        PolynomialFit fit = (PolynomialFit) l.model();
        assertEquals(5, fit.degree());
        assertEquals(12, fit.points().size());
        TrainingRun gd = l.training().get(0).run();
        TrainingRun rs = l.training().get(1).run();
        assertEquals(gd.iterations(), rs.iterations(), "the same number of loss evaluations");
        assertEquals(fit.lossAt(fit.start()), gd.startLoss(), 1e-12);
        assertEquals(fit.lossAt(gd.finalParams()), gd.finalLoss(), 1e-12);
        assertTrue(gd.startLoss() / gd.finalLoss() >= 100, "gradient descent: " + gd.startLoss() + " → " + gd.finalLoss());
        assertTrue(rs.finalLoss() >= 10 * gd.finalLoss(), "random search " + rs.finalLoss() + " vs " + gd.finalLoss());
    }

    @Test
    void curve_fitter_random_search_stays_ten_times_behind_whatever_its_step_size() {
        // the comparison is not an artefact of a badly chosen step: try a range of steps and seeds
        Lesson l = lesson("curve-fitter");
        PolynomialFit fit = (PolynomialFit) l.model();
        TrainingRun gd = l.training().get(0).run();
        for (double step : new double[] {0.05, 0.1, 0.2, 0.3, 0.5}) {
            for (long seed = 1; seed <= 3; seed++) {
                TrainingRun rs = RandomSearch.run(fit, fit.start(), step, gd.iterations(), seed);
                assertTrue(rs.finalLoss() >= 10 * gd.finalLoss(), "step " + step + " seed " + seed + ": " + rs.finalLoss());
            }
        }
    }

    @Test
    void lesson_6_network_matches_matt_mazurs_worked_example() {
        Lesson l = lesson("network");
        assertEquals(0.298371109, l.trace().outputNode().value(), 1e-9);
        assertEquals(0.75136507, node(l, "o1").value(), 1e-8);
        assertEquals(0.772928465, node(l, "o2").value(), 1e-8);
        assertEquals(0.082167041, node(l, "w5").grad(), 1e-9);
        double[] after = l.training().get(0).run().finalParams();
        assertEquals(0.35891648, after[4], 1e-8);
        assertEquals(0.149780716, after[0], 1e-9);
    }

    @Test
    void lesson_7_cross_entropy_gradient_is_p_minus_y() {
        Lesson l = lesson("cross-entropy");
        double s = Math.exp(-1) + Math.exp(3) + 1;
        assertEquals(-Math.log(Math.exp(-1) / s), l.trace().outputNode().value(), 1e-12);
        assertEquals(Math.exp(-1) / s - 1, node(l, "z_1").grad(), 1e-12);
        assertEquals(Math.exp(3) / s, node(l, "z_2").grad(), 1e-12);
    }

    @Test
    void lesson_8_learning_rates_are_too_small_right_and_too_big() {
        Lesson l = lesson("training-loop");
        TrainingRun small = l.training().get(0).run(), right = l.training().get(1).run(), big = l.training().get(2).run();
        double floor = 1.0 / 18; // least-squares line's mean squared error
        assertTrue(right.finalLoss() < floor * 1.1, "α right: " + right.finalLoss());
        assertTrue(small.finalLoss() > 2 * floor, "α small: " + small.finalLoss());
        assertTrue(big.finalLoss() > big.startLoss() * 10, "α big: " + big.finalLoss());
        assertFalse(right.diverged());
    }

    @Test
    void lesson_9_gradient_descent_wraps_the_boundary_around_the_middle_class() {
        Lesson l = lesson("classifier");
        Classifier c = (Classifier) l.model();
        assertEquals(30, c.points().size());
        TrainingRun run = l.training().get(0).run();
        assertFalse(run.diverged());
        assertTrue(c.correct(run.params().get(0)) < 20, "the start is little better than a guess");
        assertEquals(30, c.correct(run.finalParams()), "every point on its side after training");
        assertTrue(run.finalLoss() < run.startLoss() / 10, run.finalLoss() + " against " + run.startLoss());
        // the start's loss worked out apart from the graph, and the chain rule's p − label at the output
        Classifier.Sample first = c.points().get(0);
        double[] k = c.start();
        double net = k[16];
        for (int j = 0; j < 4; j++) net += k[8 + j] * Math.tanh(k[2 * j] * first.x1() + k[2 * j + 1] * first.x2() + k[12 + j]);
        double p = 1 / (1 + Math.exp(-net));
        assertEquals(1, first.label());
        assertEquals(p, node(l, "p_1").value(), 1e-12);
        assertEquals(-Math.log(p), node(l, "l_1").value(), 1e-12);
        assertEquals((p - 1) / 30, node(l, "net_o_1").grad(), 1e-12);
        assertEquals(c.lossAt(k), l.trace().outputNode().value(), 1e-12);
        // every point on its side after training, by the same arithmetic written out
        double[] end = run.finalParams();
        for (Classifier.Sample s : c.points()) {
            double o = end[16];
            for (int j = 0; j < 4; j++) o += end[8 + j] * Math.tanh(end[2 * j] * s.x1() + end[2 * j + 1] * s.x2() + end[12 + j]);
            assertEquals(s.label() == 1, o > 0, s.toString()); // p > 0.5 exactly when the output's sum is positive
        }
    }

    /**
     * Predict-then-reveal only works if the intro, on screen beside the question, does not print
     * the answer: no number in an intro is within the checkpoint's tolerance of its answer, unless
     * it is a small whole number the lesson needs (a score of −1, an input of 2).
     */
    @Test
    void no_intro_prints_the_answer_to_one_of_its_checkpoints() {
        java.util.regex.Pattern number = java.util.regex.Pattern.compile("[−-]?\\d+(\\.\\d+)?");
        for (Lesson l : course.lessons()) {
            String intro = l.intro().plain();
            for (Checkpoint c : l.checkpoints()) {
                java.util.regex.Matcher m = number.matcher(intro);
                while (m.find()) {
                    double v = Double.parseDouble(m.group().replace('−', '-'));
                    boolean close = Math.abs(v - c.answer()) <= Math.max(c.tolerance(), 5e-3 * Math.abs(c.answer()));
                    boolean given = v == Math.rint(v) && v != c.answer(); // "−1" beside an answer of −0.983
                    assertFalse(close && !given, l.id() + "'s intro prints " + m.group() + ", the answer to its checkpoint on " + c.node());
                }
            }
        }
    }
}
