package org.stepgrad.expr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.stepgrad.engine.Contribution;
import org.stepgrad.engine.Node;
import org.stepgrad.engine.Step;

/**
 * Seeded fuzzing of the whole pipeline: token soup, mutations of valid programs, and deep and
 * long seeds. Only the documented outcomes may come back: a trace whose every number is finite,
 * or a {@link SourceError} with a sentence and a place inside the source. Nothing is thrown.
 */
class FuzzTest {
    private static final String[] SOUP = {
        "x", "y", "q", "exp", "log", "tanh", "sigmoid", "relu", "foo", "NaN", "_a1",
        "0", "1", "2.5", ".5", "5.", "1e308", "1e999", "1e-320", "4.9e-324", "2e", "1E+3",
        "+", "-", "*", "/", "^", "(", ")", ",", "=", "\n", "\n", "#", " ", "\t", "\r\n",
        "\u0000", "\u00e9", "λ", "😀", "$", "\"", "'", "[", "e",
    };

    @Test
    void token_soup_gets_a_trace_or_a_source_error() {
        Random random = new Random(20_000);
        for (int n = 0; n < 3000; n++) {
            StringBuilder s = new StringBuilder(random.nextBoolean() ? "x = 1.5\ny = -2\n" : "");
            int tokens = 1 + random.nextInt(random.nextInt(5) == 0 ? 400 : 40);
            for (int t = 0; t < tokens; t++) s.append(SOUP[random.nextInt(SOUP.length)]);
            check(s.toString());
        }
    }

    @Test
    void mutated_valid_programs_get_a_trace_or_a_source_error() {
        Random random = new Random(7);
        int traced = 0;
        for (long seed = 1; seed <= 400; seed++) {
            String source = RandomProgram.of(seed).source();
            for (int m = 0; m < 5; m++) {
                if (check(mutate(source, random))) traced++;
            }
        }
        // most mutations must still parse, or this would only exercise the error paths
        assertTrue(traced > 200, "only " + traced + " mutants traced");
    }

    @Test
    void deep_and_long_seeds_get_a_trace_or_a_source_error() {
        List<String> seeds = new ArrayList<>();
        seeds.add("x = 1\ny = " + "(".repeat(20_000) + "x" + ")".repeat(20_000));
        seeds.add("x = 1\ny = " + "(".repeat(20_000) + "x");
        seeds.add("x = 1\ny = " + ")".repeat(20_000));
        seeds.add("x = 1\ny = " + "-".repeat(50_000) + "x");
        seeds.add("x = 1\ny = " + "- ".repeat(50_000) + "x");
        seeds.add("x = 1\ny = x" + " + x".repeat(199_999));
        seeds.add("x = 1\ny = 1" + "+1".repeat(199_999));
        seeds.add("x = 1\ny = x" + "^x".repeat(100_000));
        seeds.add("x = 1\ny = " + "exp(".repeat(20_000) + "x" + ")".repeat(20_000));
        seeds.add("x = 1\ny = " + "tanh(".repeat(150) + "x" + ")".repeat(150));
        seeds.add("x = " + "9".repeat(2_000_000));
        seeds.add("x = " + "9".repeat(900_000));
        seeds.add("x = 0." + "0".repeat(500) + "1");
        seeds.add("x".repeat(900_000) + " = 1");
        seeds.add("\n".repeat(900_000));
        seeds.add("#".repeat(900_000));
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < 60_000; i++) lines.append('a').append(i).append(" = ").append(i).append('\n');
        seeds.add(lines.toString());
        StringBuilder chain = new StringBuilder("a0 = 0.5\n");
        for (int i = 1; i < 20_000; i++) chain.append('a').append(i).append(" = tanh(a").append(i - 1).append(" + 0.1)\n");
        seeds.add(chain.toString());
        StringBuilder grow = new StringBuilder("a0 = 1.0001\n");
        for (int i = 1; i < 20_000; i++) grow.append('a').append(i).append(" = a").append(i - 1).append(" * a").append(i - 1).append('\n');
        seeds.add(grow.toString());
        for (String seed : seeds) {
            long start = System.nanoTime();
            check(seed);
            long ms = (System.nanoTime() - start) / 1_000_000;
            assertTrue(ms < 5000, "took " + ms + " ms on a " + seed.length() + "-character seed");
        }
    }

    @Test
    void a_twenty_thousand_line_chain_traces_all_the_way_back() {
        StringBuilder chain = new StringBuilder("a0 = 0.5\n");
        for (int i = 1; i < 20_000; i++) chain.append('a').append(i).append(" = tanh(a").append(i - 1).append(" + 0.1)\n");
        Tracer.Traced t = Tracer.trace(chain.toString());
        assertTrue(t.ok());
        assertEquals(20_000 + 2 * 19_999, t.trace().nodes().size()); // each line adds a constant, a sum and a tanh
    }

    private static String mutate(String source, Random random) {
        StringBuilder s = new StringBuilder(source);
        int edits = 1 + random.nextInt(3);
        for (int e = 0; e < edits && s.length() > 0; e++) {
            int at = random.nextInt(s.length());
            switch (random.nextInt(6)) {
                case 0 -> s.deleteCharAt(at);
                case 1 -> s.insert(at, SOUP[random.nextInt(SOUP.length)]);
                case 2 -> {
                    int end = Math.min(s.length(), at + 1 + random.nextInt(12));
                    s.insert(at, s.substring(at, end));
                }
                case 3 -> s.setCharAt(at, "0123456789+-*/^(),=x\n ".charAt(random.nextInt(22)));
                case 4 -> {
                    // a number replaced by an extreme one: the undefined-value paths
                    String[] extreme = {"0", "1e308", "-1e308", "1e-320", "-0", "1000"};
                    int d = indexOfDigit(s, at);
                    if (d >= 0) s.replace(d, d + 1, extreme[random.nextInt(extreme.length)]);
                }
                default -> {
                    int nl = s.indexOf("\n", at);
                    if (nl >= 0) s.deleteCharAt(nl); // two lines run together
                }
            }
        }
        return s.toString();
    }

    private static int indexOfDigit(CharSequence s, int from) {
        for (int i = from; i < s.length(); i++) if (Character.isDigit(s.charAt(i))) return i;
        return -1;
    }

    /** Asserts the documented outcome; true when the source traced. */
    static boolean check(String source) {
        Tracer.Traced t;
        try {
            t = Tracer.trace(source);
        } catch (Throwable thrown) {
            fail("threw " + thrown + " for a " + source.length() + "-character source:\n" + abbreviate(source), thrown);
            return false;
        }
        assertTrue((t.trace() == null) != (t.error() == null), "exactly one of trace and error");
        if (t.error() != null) {
            SourceError e = t.error();
            assertTrue(e.kind() != null && e.message() != null && !e.message().isBlank(), "a sentence and a kind");
            assertTrue(e.line() >= 0 && e.column() >= 0 && (e.line() == 0) == (e.column() == 0), e.describe());
            long lines = source.chars().filter(c -> c == '\n').count() + 1;
            assertTrue(e.line() <= lines, () -> e.describe() + " is past the last line " + lines);
            return false;
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
        return true;
    }

    private static String abbreviate(String s) {
        return s.length() <= 400 ? s : s.substring(0, 400) + "…";
    }
}
