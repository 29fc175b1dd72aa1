package org.stepgrad.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.stepgrad.expr.Tracer;
import org.stepgrad.replay.Replay;
import org.stepgrad.web.view.GraphViews;
import org.stepgrad.layout.LayeredLayout;
import org.stepgrad.layout.Layout;
import org.stepgrad.layout.Shape;

/**
 * A lesson-sized graph (the 20-point fit, about 500 nodes) lays out whole: every node once, no
 * two boxes overlapping, every box and route inside the drawing, and the same layout every time.
 * Its layout time is the benchmark's business, not this test's.
 */
class LargeLayoutTest {
    @Test
    void a_five_hundred_node_fit_lays_out_every_node_once_without_overlaps_the_same_every_time() {
        Tracer.Traced traced = Tracer.trace(Programs.polynomialFit(20));
        assertTrue(traced.ok(), () -> traced.error().describe());
        Shape shape = GraphViews.shape(new Replay(traced.trace()));
        Layout layout = LayeredLayout.of(shape);
        assertTrue(shape.nodes().size() > 400, "a lesson-sized graph: " + shape.nodes().size());

        assertEquals(shape.nodes().size(), layout.nodes().size());
        Set<Integer> ids = new HashSet<>();
        for (Layout.Box b : layout.nodes()) {
            assertTrue(ids.add(b.id()), "node " + b.id() + " placed once");
            assertTrue(b.x() >= 0 && b.y() >= 0 && b.x() + b.width() <= layout.width() + 0.5
                    && b.y() + b.height() <= layout.height() + 0.5, "node " + b.id() + " inside the drawing");
        }
        for (int i = 0; i < layout.nodes().size(); i++) {
            for (int j = i + 1; j < layout.nodes().size(); j++) {
                Layout.Box a = layout.nodes().get(i);
                Layout.Box b = layout.nodes().get(j);
                boolean apart = a.x() + a.width() <= b.x() || b.x() + b.width() <= a.x()
                        || a.y() + a.height() <= b.y() || b.y() + b.height() <= a.y();
                assertTrue(apart, "nodes " + a.id() + " and " + b.id() + " overlap");
            }
        }
        assertEquals(shape.edges().size(), layout.edges().size(), "one route per edge");
        for (Layout.Route r : layout.edges()) {
            assertFalse(r.points().size() < 2, "edge " + r.from() + " → " + r.to() + " has a route");
            for (Layout.Point p : r.points()) {
                assertTrue(p.x() >= -0.5 && p.y() >= -0.5 && p.x() <= layout.width() + 0.5 && p.y() <= layout.height() + 0.5,
                        "edge " + r.from() + " → " + r.to() + " stays inside the drawing");
            }
        }
        assertEquals(layout, LayeredLayout.of(shape), "the same layout every time");
    }
}
