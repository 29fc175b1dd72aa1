package org.stepgrad.web;

import org.stepgrad.replay.Clusters;
import org.stepgrad.web.view.GraphViews;
import org.stepgrad.replay.Replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.stepgrad.bench.PolyFitProgram;
import org.stepgrad.engine.Node;
import org.stepgrad.expr.Tracer;
import org.stepgrad.layout.LayeredLayout;
import org.stepgrad.layout.Layout;
import org.stepgrad.layout.Shape;

/** Clusters laid out as ELK compound nodes: each box holds its nodes, in written order, the same every time. */
class ClusterLayoutTest {
    /** A 2-2-1 sigmoid network: the graph on which ELK 0.10 failed when cluster boxes kept model order. */
    static final String NETWORK = """
            i1 = 0.5
            i2 = -1
            w1 = 0.1
            w2 = -0.2
            w3 = 0.3
            w4 = 0.4
            w5 = -0.5
            w6 = 0.6
            b1 = 0.1
            b2 = -0.1
            net_h1 = w1*i1 + w2*i2 + b1
            h1 = sigmoid(net_h1)
            net_h2 = w3*i1 + w4*i2 + b1
            h2 = sigmoid(net_h2)
            net_o1 = w5*h1 + w6*h2 + b2
            o1 = sigmoid(net_o1)
            loss = (o1 - 1)^2
            """;

    static Shape shape(Tracer.Traced t, Clusters clusters) {
        Replay replay = new Replay(t.trace());
        Shape flat = GraphViews.shape(replay);
        List<Shape.NodeSize> nodes = new ArrayList<>();
        for (Shape.NodeSize n : flat.nodes()) {
            nodes.add(new Shape.NodeSize(n.id(), n.width(), n.height(), clusters.of(n.id()), n.pin()));
        }
        return new Shape(nodes, flat.edges(), clusters.all().stream().map(c -> new Shape.Cluster(c.id(), c.label())).toList());
    }

    static void assertInside(Layout layout, Clusters clusters) {
        for (Layout.Box n : layout.nodes()) {
            int c = clusters.of(n.id());
            if (c < 0) continue;
            Layout.Box box = layout.clusters().get(c);
            assertTrue(n.x() >= box.x() && n.y() >= box.y() && n.x() + n.width() <= box.x() + box.width() + 0.5
                    && n.y() + n.height() <= box.y() + box.height() + 0.5, "node " + n.id() + " inside cluster " + c);
        }
    }

    @Test
    void a_network_with_neuron_clusters_lays_out_and_keeps_each_neuron_in_its_box() {
        Tracer.Traced t = Tracer.trace(NETWORK);
        assertTrue(t.ok());
        Clusters clusters = Clusters.of(t.trace(), t.nodeLine(), 0);
        assertEquals(List.of("neuron h1", "neuron h2", "neuron o1"), clusters.all().stream().map(Clusters.Cluster::label).toList());
        Layout layout = LayeredLayout.of(shape(t, clusters));
        assertEquals(3, layout.clusters().size());
        assertInside(layout, clusters);
        assertEquals(layout, LayeredLayout.of(shape(t, clusters)));
    }

    @Test
    void the_curve_fit_stacks_its_points_in_written_order_and_is_the_same_every_time() {
        Tracer.Traced t = Tracer.trace(PolyFitProgram.source(12));
        Replay replay = new Replay(t.trace(), t.nodeLine());
        Shape shape = GraphViews.shape(replay);
        assertEquals(12, shape.clusters().size());
        for (int i = 0; i < 2; i++) LayeredLayout.of(shape); // warm the JIT
        long start = System.nanoTime();
        Layout layout = LayeredLayout.of(shape);
        long ms = (System.nanoTime() - start) / 1_000_000;
        System.out.printf("clustered layout of %d nodes in %d clusters, warm: %d ms (%.0f × %.0f)%n",
                shape.nodes().size(), shape.clusters().size(), ms, layout.width(), layout.height());
        assertInside(layout, replay.clusters());
        for (int c = 1; c < 12; c++) {
            assertTrue(layout.clusters().get(c - 1).y() + layout.clusters().get(c - 1).height() <= layout.clusters().get(c).y(),
                    "point " + c + " above point " + (c + 1));
        }
        // within a point, its x input sits above its y input, as written
        for (int i = 1; i <= 12; i++) assertTrue(box(t, layout, "x_" + i).y() < box(t, layout, "y_" + i).y(), "point " + i);
        // the knobs line up k0 … k5 down the left side, as written
        for (int k = 1; k < 6; k++) assertTrue(box(t, layout, "k" + (k - 1)).y() < box(t, layout, "k" + k).y(), "k" + (k - 1) + " above k" + k);
        assertEquals(layout, LayeredLayout.of(shape));
    }

    static Layout.Box box(Tracer.Traced t, Layout layout, String name) {
        Node n = t.trace().nodes().stream().filter(x -> name.equals(x.name())).findFirst().orElseThrow();
        return layout.nodes().get(n.id());
    }
}
