package org.stepgrad.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.stepgrad.expr.Tracer;

/**
 * The inputs too large to keep in the fuzz corpus, built here instead and held to the same
 * property as {@link ParserFuzzTest}: a trace whose every number is finite, or a source error
 * with a sentence and a place. They reach the size, node and depth limits from every side.
 */
class LongSourcesTest {
    @Test
    void sources_up_to_two_megabytes_get_a_trace_or_a_source_error() {
        List<String> seeds = new ArrayList<>();
        seeds.add("x = 1\ny = x" + " + x".repeat(199_999));
        seeds.add("x = 1\ny = 1" + "+1".repeat(199_999));
        seeds.add("x = 1\ny = x" + "^x".repeat(100_000));
        seeds.add("x = 1\ny = " + "-".repeat(500_000) + "x");
        seeds.add("x = 1\ny = " + "(".repeat(400_000) + "x" + ")".repeat(400_000));
        seeds.add("x = " + "9".repeat(2_000_000));
        seeds.add("x = " + "9".repeat(900_000));
        seeds.add("x".repeat(900_000) + " = 1");
        seeds.add("\n".repeat(900_000));
        seeds.add("#".repeat(900_000));
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < 60_000; i++) lines.append('a').append(i).append(" = ").append(i).append('\n');
        seeds.add(lines.toString());
        StringBuilder grow = new StringBuilder("a0 = 1.0001\n");
        for (int i = 1; i < 20_000; i++) grow.append('a').append(i).append(" = a").append(i - 1).append(" * a").append(i - 1).append('\n');
        seeds.add(grow.toString());
        for (String seed : seeds) ParserFuzzTest.check(seed);
    }

    @Test
    void a_twenty_thousand_line_chain_traces_all_the_way_back() {
        StringBuilder chain = new StringBuilder("a0 = 0.5\n");
        for (int i = 1; i < 20_000; i++) chain.append('a').append(i).append(" = tanh(a").append(i - 1).append(" + 0.1)\n");
        ParserFuzzTest.check(chain.toString());
        Tracer.Traced t = Tracer.trace(chain.toString());
        assertTrue(t.ok());
        assertEquals(20_000 + 2 * 19_999, t.trace().nodes().size()); // each line adds a constant, a sum and a tanh
        // the gradient reaches a0 through every tanh: the product of 20,000 slopes, each between 0 and 1
        double g = t.trace().node(0).grad();
        assertTrue(g >= 0 && g <= 1, "grad a0 = " + g);
    }
}
