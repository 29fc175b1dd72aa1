package org.stepgrad.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stepgrad.layout.DrawingLimit;
import org.stepgrad.model.Classifier;
import org.stepgrad.model.GradientDescent;
import org.stepgrad.model.Network;
import org.stepgrad.model.Neuron;
import org.stepgrad.model.PolynomialFit;
import org.stepgrad.model.Softmax;

/** docs/lesson-format.md is the one full reference: its example loads and its limits are the code's. */
class LessonFormatDocTest {
    private static final Path DOC = Path.of("docs/lesson-format.md");

    private static String n(long v) {
        return String.format("%,d", v);
    }

    @Test
    void the_complete_small_lesson_in_the_doc_loads(@TempDir Path dir) throws IOException {
        String doc = Files.readString(DOC);
        int from = doc.indexOf("```yaml", doc.indexOf("## A complete small lesson")) + "```yaml\n".length();
        Files.writeString(dir.resolve("multiply.yaml"), doc.substring(from, doc.indexOf("```", from)));
        try (LessonLibrary library = LessonLibrary.open(dir)) {
            assertEquals(List.of(), library.current().problems());
            assertEquals("Multiply swaps", library.current().find("multiply").orElseThrow().title());
        }
    }

    @Test
    void the_limits_table_states_the_limits_the_code_enforces() throws IOException {
        String doc = Files.readString(DOC);
        for (String stated : List.of(
                n(LessonFolder.MAX_BYTES) + " bytes", LessonFolder.READ_SECONDS + " seconds",
                n(DrawingLimit.PAGES.maxNodes()) + " nodes",
                "degree up to " + PolynomialFit.MAX_DEGREE, "1–" + PolynomialFit.MAX_POINTS + " points",
                "2–" + Network.MAX_LAYERS + " layers, each 1–" + Network.MAX_WIDTH + " neurons",
                "1–" + Neuron.MAX_INPUTS + " inputs", "2–" + Softmax.MAX_CLASSES + " classes",
                "n 1–" + Network.MAX_WIDTH + ", 2–" + Classifier.MAX_POINTS + " points",
                "1–" + n(GradientDescent.MAX_ITERATIONS) + " iterations",
                "at most " + MarkdownLimits.MAX_MARKERS + " block quote", "at most " + MarkdownLimits.MAX_EMPHASIS + " deep",
                n(MarkdownLimits.MAX_DELIMITERS) + " emphasis marks", "at most " + MarkdownLimits.MAX_DEPTH + " levels")) {
            assertTrue(doc.contains(stated), "the doc states: " + stated);
        }
    }
}
