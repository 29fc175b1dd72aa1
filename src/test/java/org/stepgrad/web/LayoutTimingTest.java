package org.stepgrad.web;

import org.stepgrad.web.view.GraphViews;
import org.stepgrad.replay.Replay;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.stepgrad.expr.Tracer;
import org.stepgrad.layout.LayeredLayout;
import org.stepgrad.layout.Layout;
import org.stepgrad.layout.Shape;

/** Reports (does not assert) how long a lesson-sized graph takes to lay out once warm. */
class LayoutTimingTest {
    @Test
    void reports_the_warm_layout_time_of_a_five_hundred_node_fit() {
        Tracer.Traced traced = Tracer.trace(Programs.polynomialFit(20));
        assertTrue(traced.ok(), () -> traced.error().describe());
        Shape shape = GraphViews.shape(new Replay(traced.trace()));
        for (int i = 0; i < 3; i++) LayeredLayout.of(shape); // warm the JIT
        long best = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            long start = System.nanoTime();
            Layout layout = LayeredLayout.of(shape);
            best = Math.min(best, System.nanoTime() - start);
            assertTrue(layout.nodes().size() == shape.nodes().size());
        }
        System.out.printf("layout of %d nodes, %d edges, warm: %d ms%n",
                shape.nodes().size(), shape.edges().size(), best / 1_000_000);
    }
}
