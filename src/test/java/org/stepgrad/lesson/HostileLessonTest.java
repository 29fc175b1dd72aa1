package org.stepgrad.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A lesson file written to hurt the server is one broken file with a place and a sentence:
 * Markdown bombs, huge models, huge graphs, files that are not files. Each of these threw an
 * Error out of loading, ran out of memory or hung before the loader bounded it.
 */
class HostileLessonTest {
    private static final String HEAD = "title: x\nsummary: y\n";
    private static final String PROGRAM = "program: |\n  a = 2\n  b = a * 3\n";

    @TempDir
    Path dir;

    private LessonProblem problemIn(String name, String text) throws IOException {
        Files.writeString(dir.resolve(name), text);
        return onlyProblem();
    }

    private LessonProblem onlyProblem() {
        try (LessonLibrary library = LessonLibrary.open(dir)) {
            Catalog c = library.current();
            assertEquals(List.of(), c.lessons().stream().map(Lesson::id).toList());
            assertEquals(1, c.problems().size(), c.problems().toString());
            LessonProblem p = c.problems().get(0);
            assertTrue(p.describe().matches("(?s)[^\\n]+:\\d+:\\d+: [^\\n]+"), "one line, file:line:column: sentence: " + p.describe());
            return p;
        }
    }

    /** An intro written as a literal block starting on line 4 of the file, two spaces in. */
    private LessonProblem introBomb(String markdown) throws IOException {
        return problemIn("bomb.yaml", HEAD + PROGRAM.replace("program", "intro").replace("  a = 2\n  b = a * 3\n", "  Hello.\n  " + markdown + "\n") + PROGRAM);
    }

    @Test
    void fifty_thousand_block_quotes_are_refused_at_their_place_before_the_markdown_parser() throws IOException {
        LessonProblem p = introBomb(">".repeat(50_000));
        assertEquals(5, p.line());
        assertEquals(3 + MarkdownLimits.MAX_MARKERS, p.column(), "the first marker past the limit");
        assertTrue(p.message().startsWith("the intro: the Markdown nests block quotes and lists more than 16 deep"), p.message());
    }

    @Test
    void three_thousand_list_markers_are_refused() throws IOException {
        LessonProblem p = introBomb("- ".repeat(3_000) + "x");
        assertEquals(5, p.line());
        assertTrue(p.message().contains("nests block quotes and lists"), p.message());
    }

    @Test
    void ten_thousand_strong_markers_are_refused() throws IOException {
        LessonProblem p = introBomb("**".repeat(10_000) + "x" + "**".repeat(10_000));
        assertEquals(5, p.line());
        assertTrue(p.message().contains("opens emphasis"), p.message());
    }

    @Test
    void emphasis_opened_word_by_word_is_refused() throws IOException {
        LessonProblem p = introBomb("*a ".repeat(20_000) + "b*".repeat(20_000));
        assertTrue(p.message().contains("opens emphasis"), p.message());
    }

    @Test
    void lists_nested_line_by_line_are_refused_after_parsing_before_rendering() throws IOException {
        // lists nested by indentation, one level per line: each line alone is shallow, the tree is not
        StringBuilder lists = new StringBuilder();
        for (int i = 0; i < 60; i++) lists.append("  ").append("  ".repeat(i)).append("- item\n");
        LessonProblem p = problemIn("deep.yaml", HEAD + "intro: |\n" + lists + PROGRAM);
        assertTrue(p.message().contains("nests more than " + MarkdownLimits.MAX_DEPTH + " levels"), p.message());
        assertTrue(p.line() > 4, "at the line that went too deep: " + p.describe());
    }

    @Test
    void ordinary_markdown_is_untouched_by_the_bounds() {
        Prose p = Prose.of("**bold**, *em*, `a*b*c`, 2*3*4 and _x_.\n\n> quoted\n> - a list\n>   - nested\n\n```\n****\n```\n");
        assertTrue(p.html().contains("<strong>bold</strong>"), p.html());
        assertTrue(p.html().contains("<blockquote>"), p.html());
    }

    @Test
    void a_polynomial_of_degree_a_billion_is_refused_before_its_knobs_are_allocated() throws IOException {
        LessonProblem p = problemIn("huge.yaml", HEAD + "model:\n  type: polynomial\n  degree: 1000000000\n  points: [[0, 1]]\n");
        assertEquals(5, p.line());
        assertTrue(p.message().contains("the degree must be between 0 and 9, not 1000000000"), p.message());
    }

    @Test
    void layers_thirty_thousand_wide_are_refused_before_any_weight_is_allocated() throws IOException {
        LessonProblem p = problemIn("wide.yaml", HEAD + "model:\n  type: network\n  layers: [30000, 30000]\n  activation: sigmoid\n"
                + "  inputs: [1]\n  targets: [1]\n");
        assertEquals(5, p.line());
        assertTrue(p.message().contains("each layer holds between 1 and 16 neurons, not 30000"), p.message());
    }

    @Test
    void too_many_layers_points_inputs_and_classes_are_each_refused_with_a_sentence() throws IOException {
        String layers = "model:\n  type: network\n  layers: [2, 2, 2, 2, 2, 2, 2, 2, 2]\n  activation: tanh\n  inputs: [1, 1]\n  targets: [1, 1]\n";
        assertTrue(problemIn("a.yaml", HEAD + layers).message().contains("between 2 and 8 layers"));
        Files.delete(dir.resolve("a.yaml"));
        String points = "model:\n  type: polynomial\n  degree: 1\n  points: [" + "[0, 0], ".repeat(4000) + "[0, 0]]\n";
        assertTrue(problemIn("b.yaml", HEAD + points).message().contains("between 1 and 4000 points, not 4001"));
        Files.delete(dir.resolve("b.yaml"));
        String neuron = "model:\n  type: neuron\n  inputs: [" + "1, ".repeat(100) + "1]\n  weights: [1]\n  bias: 0\n  activation: relu\n";
        assertTrue(problemIn("c.yaml", HEAD + neuron).message().contains("between 1 and 64 inputs, not 101"));
        Files.delete(dir.resolve("c.yaml"));
        String softmax = "model:\n  type: softmax\n  scores: [" + "1, ".repeat(100) + "1]\n  target: 1\n";
        assertTrue(problemIn("d.yaml", HEAD + softmax).message().contains("between 2 and 64 classes, not 101"));
    }

    @Test
    void a_model_whose_graph_pages_would_not_draw_is_refused_by_its_node_count_before_it_is_built() throws IOException {
        String points = "model:\n  type: polynomial\n  degree: 9\n  points: [" + "[0, 0], ".repeat(3999) + "[0, 0]]\n";
        LessonProblem p = problemIn("big.yaml", HEAD + points);
        assertEquals(4, p.line(), "the model's mapping starts at its first field");
        // 10 knobs + 4,000 points × (x, y, 9 adds, k1*x, 8 × (j, x^j, kj*x^j), r, 2, r^2) + 3,999 adds + (4000, /)
        long expected = 10 + 4000L * (2 + 9 + 1 + 24 + 1 + 2) + 3999 + 2;
        assertTrue(p.message().contains("would build " + String.format("%,d", expected) + " nodes, and pages draw up to 100,000"), p.message());
    }

    @Test
    void a_program_of_fifty_thousand_nodes_loads_since_pages_draw_it_one_group_at_a_time() throws IOException {
        StringBuilder program = new StringBuilder("program: |\n  x0 = 1\n");
        for (int i = 1; i < 25_000; i++) program.append("  x").append(i).append(" = x").append(i - 1).append(" + 1\n");
        Files.writeString(dir.resolve("huge-program.yaml"), HEAD + program);
        try (LessonLibrary library = LessonLibrary.open(dir)) {
            assertEquals(49_999, library.current().find("huge-program").orElseThrow().trace().nodes().size());
        }
    }

    @Test
    void a_file_over_a_megabyte_is_refused_by_its_size_without_being_read() throws IOException {
        try (RandomAccessFile f = new RandomAccessFile(dir.resolve("huge.yaml").toFile(), "rw")) {
            f.setLength(3L << 30); // sparse: 3 GB that take no disk
        }
        LessonProblem p = onlyProblem();
        assertTrue(p.message().contains("3,221,225,472 bytes; a lesson file holds at most 1,048,576"), p.message());
    }

    @Test
    void a_link_to_dev_zero_or_out_of_the_folder_is_not_followed(@TempDir Path outside) throws IOException {
        Files.createSymbolicLink(dir.resolve("zero.yaml"), Path.of("/dev/zero"));
        assertTrue(onlyProblem().message().contains("outside the lessons folder"));
        Files.delete(dir.resolve("zero.yaml"));
        Path good = Files.writeString(outside.resolve("good.yaml"), HEAD + PROGRAM);
        Files.createSymbolicLink(dir.resolve("away.yaml"), good);
        assertTrue(onlyProblem().message().contains("outside the lessons folder"));
    }

    @Test
    void a_link_that_stays_inside_the_folder_is_followed() throws IOException {
        Files.createDirectories(dir.resolve("drafts"));
        Path real = Files.writeString(dir.resolve("drafts/real.txt"), HEAD + PROGRAM);
        Files.createSymbolicLink(dir.resolve("linked.yaml"), real);
        try (LessonLibrary library = LessonLibrary.open(dir)) {
            assertEquals(List.of("linked"), library.current().lessons().stream().map(Lesson::id).toList());
        }
    }

    @Test
    void a_fifo_a_folder_and_a_device_named_yaml_are_reported_without_being_opened() throws Exception {
        Process mkfifo = new ProcessBuilder("mkfifo", dir.resolve("x.yaml").toString()).start();
        assertEquals(0, mkfifo.waitFor());
        assertTrue(onlyProblem().message().contains("not a regular file"), "a reader would wait for a writer forever");
        Files.delete(dir.resolve("x.yaml"));
        Files.createDirectory(dir.resolve("folder.yaml"));
        assertTrue(onlyProblem().message().contains("it is a folder"));
    }

    @Test
    void a_file_name_that_is_not_an_address_is_reported() throws IOException {
        LessonProblem p = problemIn("Bad_Name.yaml", HEAD + PROGRAM);
        assertTrue(p.message().contains("only lower-case letters, digits and '-'"), p.message());
    }

    @Test
    void bytes_that_are_not_utf8_are_reported() throws IOException {
        Files.write(dir.resolve("latin.yaml"), (HEAD + "intro: caf\u00e9\n" + PROGRAM).getBytes(StandardCharsets.ISO_8859_1));
        assertTrue(onlyProblem().message().contains("not UTF-8"));
    }

    @Test
    void deeply_nested_yaml_is_refused_with_a_sentence() throws IOException {
        LessonProblem p = problemIn("nested.yaml", HEAD + "intro: " + "[".repeat(100_000) + "\n" + PROGRAM);
        assertTrue(p.message().contains("nested") || p.message().contains("YAML"), p.message());
    }

    @Test
    void yaml_aliases_nine_deep_are_not_expanded_into_a_billion_values() throws IOException {
        StringBuilder items = new StringBuilder("&a0 [" + "\"lol\", ".repeat(8) + "\"lol\"]");
        for (int i = 1; i < 10; i++) items.append(", &a").append(i).append(" [").append(("*a" + (i - 1) + ", ").repeat(8)).append("*a").append(i - 1).append("]");
        LessonProblem p = problemIn("laughs.yaml", HEAD + "narration: [" + items + "]\n" + PROGRAM);
        assertEquals(3, p.line());
    }

    @Test
    void the_good_lesson_beside_every_hostile_file_is_served() throws Exception {
        Files.copy(Path.of("lessons/chain-rule.yaml"), dir.resolve("chain-rule.yaml"));
        Files.writeString(dir.resolve("bomb.yaml"), HEAD + "intro: |\n  " + ">".repeat(50_000) + "\n" + PROGRAM);
        Files.writeString(dir.resolve("degree.yaml"), HEAD + "model:\n  type: polynomial\n  degree: 1000000000\n  points: [[0, 1]]\n");
        Files.createSymbolicLink(dir.resolve("zero.yaml"), Path.of("/dev/zero"));
        assertEquals(0, new ProcessBuilder("mkfifo", dir.resolve("x.yaml").toString()).start().waitFor());
        try (LessonLibrary library = LessonLibrary.open(dir)) {
            Catalog c = library.current();
            assertEquals(List.of("chain-rule"), c.lessons().stream().map(Lesson::id).toList());
            assertEquals(4, c.problems().size(), c.problems().toString());
            assertTrue(library.refresh().problems().equals(c.problems()), "an unchanged folder gives the same problems");
        }
    }
}
