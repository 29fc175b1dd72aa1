package org.stepgrad.fuzz;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.stepgrad.engine.Contribution;
import org.stepgrad.engine.Node;
import org.stepgrad.engine.Step;
import org.stepgrad.expr.SourceError;
import org.stepgrad.expr.Tracer;

/**
 * Coverage-guided fuzzing of the graph language: lexer, parser and graph builder behind
 * {@link Tracer#trace(String)}. Any text gets a trace whose every number is finite, or a
 * {@link SourceError} with a kind, a sentence and a place inside the text; nothing is thrown.
 *
 * <p>{@code mvn test} replays the corpus in {@code src/test/resources/org/stepgrad/fuzz/ParserFuzzTestInputs/};
 * {@code JAZZER_FUZZ=1 mvn test -Dtest=ParserFuzzTest -Djazzer.max_duration=5m} fuzzes, and a
 * crashing input is written into that folder, where every later run replays it.
 */
class ParserFuzzTest {
    static final Duration HANG = Duration.ofSeconds(60);

    @FuzzTest(maxDuration = "5m")
    void any_text_gets_a_trace_or_a_source_error(byte[] input) {
        // A hang guard, not a speed check: the slowest corpus input takes well under a second, but fuzzing
        // instruments every branch and the machine may be busy. Per input, so a hang found while fuzzing is
        // a finding too, where a JUnit @Timeout would cut the whole fuzzing run short.
        assertTimeoutPreemptively(HANG, () -> check(new String(input, StandardCharsets.UTF_8)));
    }

    /** Asserts the documented outcome of one program text. */
    static void check(String source) {
        Tracer.Traced t;
        try {
            t = Tracer.trace(source);
        } catch (Throwable thrown) {
            fail("threw " + thrown + " for a " + source.length() + "-character source:\n" + abbreviate(source), thrown);
            return;
        }
        assertTrue((t.trace() == null) != (t.error() == null), "exactly one of trace and error");
        if (t.error() != null) {
            SourceError e = t.error();
            assertTrue(e.kind() != null && e.message() != null && !e.message().isBlank(), "a sentence and a kind");
            assertTrue(e.message().indexOf('\n') < 0, () -> "one line of text: " + e.message());
            assertTrue(e.line() >= 0 && e.column() >= 0 && (e.line() == 0) == (e.column() == 0), e.describe());
            long lines = source.chars().filter(c -> c == '\n').count() + 1;
            assertTrue(e.line() <= lines, () -> e.describe() + " is past the last line " + lines);
            return;
        }
        for (Node n : t.trace().nodes()) {
            assertTrue(Double.isFinite(n.value()) && Double.isFinite(n.grad()), () -> n + " in\n" + abbreviate(source));
        }
        for (Step step : t.trace().steps()) {
            for (Contribution c : step.contributions()) {
                assertTrue(Double.isFinite(c.local()) && Double.isFinite(c.product()) && Double.isFinite(c.gradAfter()),
                        () -> c + " in\n" + abbreviate(source));
            }
        }
        assertTrue(t.trace().output() >= 0 && t.trace().output() < t.trace().nodes().size(), "the output is a node of the graph");
    }

    static String abbreviate(String s) {
        return s.length() <= 400 ? s : s.substring(0, 400) + "…";
    }
}
