package org.stepgrad.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.stepgrad.lesson.Catalog;
import org.stepgrad.lesson.Lesson;
import org.stepgrad.lesson.LessonLibrary;
import org.stepgrad.lesson.LessonProblem;

/**
 * Coverage-guided fuzzing of the lesson loader: one YAML file in an author's folder, read by
 * {@link LessonLibrary} as the server reads LESSONS_DIR. Any bytes give a lesson or a
 * {@link LessonProblem} with a line, a column and a sentence; never an exception or Error, and
 * never the loader's safety nets ("the lesson failed to load: …", "… too large or nested too
 * deeply to load (StackOverflowError)"), which only a bug reaches.
 *
 * <p>{@code mvn test} replays {@code src/test/resources/org/stepgrad/fuzz/LessonFuzzTestInputs/};
 * {@code JAZZER_FUZZ=1 mvn test -Dtest=LessonFuzzTest -Djazzer.max_duration=5m} fuzzes.
 */
class LessonFuzzTest {
    private static Path folder;

    @BeforeAll
    static void folder() throws IOException {
        // every problem is logged as a warning; a fuzzing run would print millions of them
        System.setProperty("org.slf4j.simpleLogger.log.org.stepgrad.lesson.LessonLibrary", "error");
        folder = Files.createTempDirectory("stepgrad-lesson-fuzz-");
    }

    @AfterAll
    static void clean() throws IOException {
        Files.deleteIfExists(folder.resolve("fuzzed.yaml"));
        Files.deleteIfExists(folder);
    }

    @FuzzTest(maxDuration = "5m")
    void any_lesson_file_gets_a_lesson_or_a_problem_at_its_place(byte[] input) throws IOException {
        Files.write(folder.resolve("fuzzed.yaml"), input);
        // a hang guard, not a speed check (the slowest corpus lesson loads in about a second uninstrumented), as in ParserFuzzTest
        Catalog catalog = assertTimeoutPreemptively(ParserFuzzTest.HANG, () -> {
            try (LessonLibrary library = LessonLibrary.open(folder)) { // closed, or its watcher thread would outlive the input
                return library.current();
            }
        });
        assertEquals(1, catalog.lessons().size() + catalog.problems().size(), "one file, one outcome: " + catalog);
        if (!catalog.lessons().isEmpty()) {
            Lesson lesson = catalog.lessons().get(0);
            assertEquals("fuzzed", lesson.id());
            assertTrue(lesson.title() != null && lesson.trace() != null && lesson.steps() >= 0);
            for (var c : lesson.checkpoints()) assertTrue(c.step() >= 0 && c.step() <= lesson.steps(), c::toString);
            for (var n : lesson.narration()) assertTrue(n.step() >= 0 && n.step() <= lesson.steps(), n::toString);
            return;
        }
        LessonProblem p = catalog.problems().get(0);
        // the safety nets' own sentences, from their start: a problem may quote the author's text, "(OutOfMemoryError)" included
        assertFalse(p.message().startsWith("the lesson failed to load"), p::describe);
        assertFalse(p.message().startsWith("the lesson is too large or nested too deeply to load ("), p::describe);
        assertTrue(p.message() != null && !p.message().isBlank(), "a sentence");
        assertTrue(p.line() >= 1 && p.column() >= 1, p::describe);
        // lines as YAML counts them (SnakeYAML, under Jackson): CR LF, CR, LF, NEL, LS and PS each end one
        long lines = new String(input, java.nio.charset.StandardCharsets.UTF_8).split("\r\n|[\r\n\u0085\u2028\u2029]", -1).length;
        assertTrue(p.line() <= lines + 1, () -> p.describe() + " is past the last line " + lines);
    }
}
