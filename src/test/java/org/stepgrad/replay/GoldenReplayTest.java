package org.stepgrad.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.stepgrad.expr.Tracer;
import org.stepgrad.lesson.Lesson;
import org.stepgrad.lesson.LessonLibrary;

/**
 * Every sentence and number a learner reads, for every lesson and for DESIGN.md's circuits, is
 * checked in under src/test/resources/golden/ and compared here, so a change in what the page
 * says fails the suite until it is made on purpose:
 * {@code mvn test -Dtest=GoldenReplayTest -Dgolden.update=true} rewrites the files; review the diff.
 */
class GoldenReplayTest {
    private static final Path GOLDEN = Path.of("src/test/resources/golden");
    private static final boolean UPDATE = Boolean.getBoolean("golden.update");

    @TestFactory
    Stream<DynamicTest> every_lesson_reads_as_its_golden_transcript() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Lesson lesson : LessonLibrary.open(null).current().lessons()) {
            tests.add(DynamicTest.dynamicTest(lesson.id(), () -> check("lesson-" + lesson.id(), lesson.program())));
        }
        assertTrue(tests.size() >= 9, "the course has its nine lessons");
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> every_design_circuit_reads_as_its_golden_transcript() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        try (Stream<Path> files = Files.list(GOLDEN.resolve("programs"))) {
            for (Path file : files.sorted().toList()) {
                String name = file.getFileName().toString().replace(".txt", "");
                String source = Files.readString(file);
                tests.add(DynamicTest.dynamicTest(name, () -> check("program-" + name, source)));
            }
        }
        assertTrue(tests.size() >= 3);
        return tests.stream();
    }

    private static void check(String name, String source) throws IOException {
        Tracer.Traced traced = Tracer.trace(source);
        if (!traced.ok()) fail(name + ": " + traced.error().describe());
        String transcript = Transcript.of(new Replay(traced.trace(), traced.nodeLine()));
        Path file = GOLDEN.resolve(name + ".txt");
        if (UPDATE) {
            Files.writeString(file, transcript, StandardCharsets.UTF_8);
            return;
        }
        if (!Files.exists(file)) fail(file + " is missing; write it with -Dgolden.update=true and review it");
        String expected = Files.readString(file, StandardCharsets.UTF_8);
        assertEquals(expected, transcript, name + " reads differently from " + file + " (rewrite with -Dgolden.update=true if on purpose)");
    }
}
