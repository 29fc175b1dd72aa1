package org.stepgrad.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LessonLoaderTest {
    private static final String GOOD = """
            title: Tiny
            summary: One product.
            order: 1
            program: |
              a = 2
              b = 3
              c = a * b
            narration:
              - node: c
                text: Two times three.
            checkpoints:
              - node: a
                ask: gradient
                answer: 3
            """;

    @TempDir
    Path dir;

    private LessonProblem problemIn(String text) throws IOException {
        Files.writeString(dir.resolve("broken.yaml"), text);
        Catalog c = LessonLibrary.open(dir).current();
        assertEquals(1, c.problems().size(), c.problems().toString());
        return c.problems().get(0);
    }

    @Test
    void a_good_lesson_places_narration_and_checkpoints_on_page_steps() throws IOException {
        Files.writeString(dir.resolve("tiny.yaml"), GOOD);
        Lesson l = LessonLibrary.open(dir).current().find("tiny").orElseThrow();
        assertEquals("Tiny", l.title());
        assertEquals(1, l.narration().get(0).step()); // after the forward step of c
        assertEquals(2, l.checkpoints().get(0).step()); // after c's backward step sends to a
        assertEquals(3, l.checkpoints().get(0).answer());
    }

    @Test
    void a_classifiers_shape_labels_and_points_are_refused_at_their_lines_with_sentences() throws IOException {
        String file = "title: x\nsummary: y\nmodel:\n  type: classifier\n  layers: [2, 4, 1]\n  points:\n    - [0.1, 0.2, 1]\n    - [0.9, 0.1, 0]\n";
        Files.writeString(dir.resolve("fine.yaml"), file);
        assertEquals(java.util.List.of(), LessonLibrary.open(dir).current().problems());
        Files.delete(dir.resolve("fine.yaml"));
        LessonProblem shape = problemIn(file.replace("[2, 4, 1]", "[2, 4, 2]"));
        assertEquals(5, shape.line());
        assertTrue(shape.message().startsWith("a classifier's layers are [2, n, 1]"), shape.message());
        LessonProblem wide = problemIn(file.replace("[2, 4, 1]", "[2, 40, 1]"));
        assertEquals("the hidden layer holds between 1 and 16 neurons, not 40", wide.message());
        LessonProblem label = problemIn(file.replace("[0.9, 0.1, 0]", "[0.9, 0.1, 2]"));
        assertEquals(8, label.line());
        assertEquals("a point's label is its class, 0 or 1, not 2", label.message());
        LessonProblem pair = problemIn(file.replace("[0.9, 0.1, 0]", "[0.9, 0.1]"));
        assertTrue(pair.message().startsWith("each point is written [x1, x2, label]"), pair.message());
        LessonProblem one = problemIn(file.replace("    - [0.9, 0.1, 0]\n", ""));
        assertEquals("a classifier needs between 2 and 1000 points, not 1", one.message());
    }

    @Test
    void a_yaml_syntax_error_is_reported_with_its_line_and_column() throws IOException {
        LessonProblem p = problemIn("title: x\nsummary: a: b\n");
        assertEquals(2, p.line());
        assertTrue(p.column() > 1);
        assertTrue(p.describe().startsWith(dir.resolve("broken.yaml") + ":2:"), p.describe());
    }

    @Test
    void a_program_fault_is_reported_at_its_line_in_the_file() throws IOException {
        LessonProblem p = problemIn("title: x\nsummary: y\nprogram: |\n  a = 2\n  b = a * zz\n");
        assertEquals(5, p.line());
        assertEquals(11, p.column()); // 2 spaces of indent + column 9 of the program line
        assertTrue(p.message().contains("zz"), p.message());
    }

    @Test
    void a_narration_naming_an_unknown_node_is_reported_there() throws IOException {
        LessonProblem p = problemIn(GOOD.replace("  - node: c\n", "  - node: cc\n"));
        assertEquals(9, p.line());
        assertTrue(p.message().contains("no node named 'cc'"), p.message());
    }

    @Test
    void a_checkpoint_answer_that_disagrees_with_the_graph_is_refused() throws IOException {
        LessonProblem p = problemIn(GOOD.replace("answer: 3", "answer: 4"));
        assertEquals(14, p.line());
        assertTrue(p.message().contains("disagrees"), p.message());
    }

    @Test
    void a_misspelt_field_is_named() throws IOException {
        LessonProblem p = problemIn(GOOD.replace("summary:", "sumary:"));
        assertEquals(2, p.line());
        assertTrue(p.message().contains("'sumary' is not a field"), p.message());
    }

    private static final String TRAINED = """
            title: Trained
            summary: A line and one run.
            model:
              type: polynomial
              degree: 1
              points: [[1, 2], [2, 3]]
              knobs: [0, 0]
            training:
              - method: momentum
                rate: 0.05
                beta: 0.8
                iterations: 10
            """;

    @Test
    void a_momentum_run_takes_its_beta_and_a_setting_of_another_method_or_a_beta_of_one_is_refused_there() throws IOException {
        Files.writeString(dir.resolve("trained.yaml"), TRAINED);
        Lesson l = LessonLibrary.open(dir).current().find("trained").orElseThrow();
        assertEquals(0.8, l.training().get(0).optimizer().beta1());
        assertEquals("momentum, α = 0.05", l.training().get(0).label());
        assertEquals(0.05, l.optimizer(org.stepgrad.model.Method.MOMENTUM).size(), "the panel's momentum rate is the file's");
        Files.delete(dir.resolve("trained.yaml"));
        LessonProblem p = problemIn(TRAINED.replace("beta: 0.8", "beta2: 0.8"));
        assertEquals(11, p.line());
        assertTrue(p.message().contains("'beta2' is not a setting of momentum, whose settings are rate, beta"), p.message());
        Files.delete(dir.resolve("broken.yaml"));
        p = problemIn(TRAINED.replace("beta: 0.8", "beta: 1"));
        assertEquals(11, p.line());
        assertTrue(p.message().contains("'beta' must be at least 0 and below 1"), p.message());
    }

    @Test
    void a_lesson_needs_a_graph() throws IOException {
        LessonProblem p = problemIn("title: x\nsummary: y\n");
        assertTrue(p.message().contains("program:"), p.message());
    }

    @Test
    void a_broken_file_leaves_the_others_served() throws IOException {
        Files.writeString(dir.resolve("tiny.yaml"), GOOD);
        Files.writeString(dir.resolve("bad.yaml"), "title: [unclosed\n");
        Catalog c = LessonLibrary.open(dir).current();
        assertEquals(1, c.lessons().size());
        assertEquals(1, c.problems().size());
        assertTrue(c.problems().get(0).file().endsWith("bad.yaml"));
    }

    @Test
    void an_edited_file_is_reloaded_on_the_next_scan_and_an_unchanged_one_is_not() throws IOException {
        Path file = dir.resolve("tiny.yaml");
        Files.writeString(file, GOOD);
        try (LessonLibrary library = LessonLibrary.open(dir)) {
            Lesson first = library.current().find("tiny").orElseThrow();
            assertTrue(first == library.refresh().find("tiny").orElseThrow(), "unchanged files are not parsed again");
            Files.writeString(file, GOOD.replace("title: Tiny", "title: Tinier"));
            Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(5)));
            assertEquals("Tinier", library.refresh().find("tiny").orElseThrow().title());
            Files.delete(file);
            assertTrue(library.refresh().lessons().isEmpty());
        }
    }

    @Test
    void markdown_prose_never_carries_raw_html_or_script_links() {
        Prose p = Prose.of("Hi <script>alert(1)</script> [x](javascript:alert(1)) **b**");
        assertTrue(!p.html().contains("<script>"), p.html());
        assertTrue(!p.html().contains("javascript:"), p.html());
        assertTrue(p.blocks().get(0).items().get(0).stream().allMatch(s -> s.href() == null));
        assertTrue(p.plain().contains("<script>"), "shown as text");
    }
}
