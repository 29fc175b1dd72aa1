package org.stepgrad.expr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.stepgrad.bench.PolyFitProgram;
import org.stepgrad.expr.SourceError.Kind;

/** Each limit of {@link Limits#DEFAULT}: the largest program it allows is accepted, one step more is refused. */
class LimitsTest {
    private static final Limits L = Limits.DEFAULT;

    private static Tracer.Traced trace(String source) {
        return Tracer.trace(source);
    }

    private static void assertAccepted(String source) {
        Tracer.Traced t = trace(source);
        assertNull(t.error(), () -> t.error().describe());
    }

    private static SourceError assertLimit(String source) {
        SourceError e = trace(source).error();
        assertTrue(e != null && e.kind() == Kind.LIMIT, () -> "expected a limit, got " + (e == null ? "a trace" : e.describe()));
        return e;
    }

    @Test
    void a_source_of_exactly_the_size_limit_is_accepted_and_one_more_character_is_refused() {
        String program = "x = 2\ny = x * x\n#";
        String full = program + "c".repeat(L.maxSourceChars() - program.length());
        assertEquals(L.maxSourceChars(), full.length());
        assertAccepted(full);
        SourceError e = assertLimit(full + "c");
        assertTrue(e.message().startsWith("the program is 1,000,001 characters long"), e.message());
        assertEquals(0, e.line(), "the size of the whole program has no one place");
    }

    @Test
    void a_curve_fit_of_more_than_twenty_thousand_nodes_is_accepted() {
        Tracer.Traced t = trace(PolyFitProgram.source(900));
        assertNull(t.error());
        assertTrue(t.trace().nodes().size() >= 20_000, "only " + t.trace().nodes().size() + " nodes");
    }

    @Test
    void the_benchmark_fit_over_two_thousand_points_is_accepted() {
        Tracer.Traced t = trace(PolyFitProgram.source(2000));
        assertNull(t.error());
        assertTrue(t.trace().nodes().size() > 45_000);
    }

    @Test
    void exactly_the_node_limit_is_accepted_and_one_more_node_is_refused() {
        // "x = 1" is one node; a sum of k x's adds k-1 addition nodes (a name used again is no new node)
        int k = L.maxNodes();
        String sum = "x = 1\ny = x" + " + x".repeat(k - 1);
        assertAccepted(sum);
        SourceError e = assertLimit(sum + "\nz = 2");
        assertEquals("the program makes more than 100,000 nodes, the most a graph may have", e.message());
        assertEquals(3, e.line());
    }

    @Test
    void a_graph_of_fifty_thousand_and_one_nodes_written_with_many_names_is_accepted() {
        // 50,001 graph nodes but over 100,000 names and operations: the limit counts nodes, as its sentence says
        Tracer.Traced t = trace("x = 1\ny = x" + " + x".repeat(50_000));
        assertNull(t.error(), () -> t.error().describe());
        assertEquals(50_001, t.trace().nodes().size());
    }

    @Test
    void nesting_up_to_the_depth_limit_is_accepted_and_one_level_more_is_refused() {
        // the assignment's own expression is the first level, each pair of parentheses one more
        int ok = L.maxDepth() - 1;
        assertAccepted("x = 1\ny = " + "(".repeat(ok) + "x + 1" + ")".repeat(ok));
        assertLimit("x = 1\ny = " + "(".repeat(ok + 1) + "x + 1" + ")".repeat(ok + 1));
    }

    @Test
    void unary_minuses_powers_and_calls_count_towards_the_same_depth() {
        int ok = L.maxDepth() - 1;
        assertAccepted("x = 1\ny = " + "-".repeat(ok) + "x");
        assertLimit("x = 1\ny = " + "-".repeat(ok + 1) + "x");
        assertAccepted("x = 1\ny = x" + "^x".repeat(ok));
        assertLimit("x = 1\ny = x" + "^x".repeat(ok + 1));
        assertAccepted("x = 1\ny = " + "tanh(".repeat(ok) + "x" + ")".repeat(ok));
        assertLimit("x = 1\ny = " + "tanh(".repeat(ok + 1) + "x" + ")".repeat(ok + 1));
    }

    @Test
    void a_number_of_the_longest_allowed_length_is_accepted_and_one_digit_more_is_refused() {
        String longest = "0." + "0".repeat(L.maxNumberChars() - 3) + "1";
        assertEquals(L.maxNumberChars(), longest.length());
        Tracer.Traced t = trace("x = " + longest);
        assertNull(t.error());
        assertEquals(Double.parseDouble(longest), t.trace().node(0).value());
        SourceError e = assertLimit("x = " + longest + "1");
        assertEquals(1, e.line());
        assertEquals(5, e.column());
    }

    @Test
    void refusing_a_huge_input_takes_no_deep_recursion() {
        // far past every limit: these must come back as values, not StackOverflowError
        assertLimit("x = 1\ny = " + "(".repeat(100_000) + "x" + ")".repeat(100_000));
        assertLimit("x = 1\ny = " + "-".repeat(200_000) + "x");
        assertLimit("x = 1\ny = x" + "^x".repeat(200_000));
    }
}
