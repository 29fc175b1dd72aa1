package org.stepgrad.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LayeredLayoutTest {
    /** The CS231n circuit's shape: x, y, z → q = x + y → f = q * z. */
    static Shape circuit() {
        return new Shape(List.of(
                node(0, Shape.Pin.FIRST), node(1, Shape.Pin.FIRST), node(2, Shape.Pin.FIRST),
                node(3, Shape.Pin.NONE), node(4, Shape.Pin.LAST)),
                List.of(new Shape.Edge(0, 3), new Shape.Edge(1, 3), new Shape.Edge(3, 4), new Shape.Edge(2, 4)),
                List.of());
    }

    static Shape.NodeSize node(int id, Shape.Pin pin) {
        return new Shape.NodeSize(id, 60, 40, -1, pin);
    }

    @Test
    void inputs_lie_left_of_what_reads_them_and_the_output_is_rightmost() {
        Layout layout = LayeredLayout.of(circuit());
        List<Layout.Box> b = layout.nodes();
        for (int input = 0; input < 3; input++) assertTrue(b.get(input).x() + 60 <= b.get(3).x(), "input " + input);
        assertTrue(b.get(3).x() + 60 <= b.get(4).x());
        assertTrue(b.get(0).y() < b.get(1).y() && b.get(1).y() < b.get(2).y(), "inputs keep their written order");
        assertTrue(layout.width() >= b.get(4).x() + 60 && layout.height() > 0);
    }

    @Test
    void every_edge_runs_from_its_source_border_to_its_target_border() {
        Layout layout = LayeredLayout.of(circuit());
        assertEquals(4, layout.edges().size());
        for (Layout.Route r : layout.edges()) {
            Layout.Box from = layout.nodes().get(r.from());
            Layout.Box to = layout.nodes().get(r.to());
            Layout.Point start = r.points().get(0);
            Layout.Point end = r.points().get(r.points().size() - 1);
            assertEquals(from.x() + from.width(), start.x(), 0.5, "leaves the right side of " + r.from());
            assertEquals(to.x(), end.x(), 0.5, "enters the left side of " + r.to());
        }
    }

    @Test
    void the_same_shape_gives_the_same_layout() {
        assertEquals(LayeredLayout.of(circuit()), LayeredLayout.of(circuit()));
    }

    @Test
    void parallel_edges_are_routed_apart() {
        Shape square = new Shape(List.of(node(0, Shape.Pin.FIRST), node(1, Shape.Pin.LAST)),
                List.of(new Shape.Edge(0, 1), new Shape.Edge(0, 1)), List.of());
        Layout layout = LayeredLayout.of(square);
        assertEquals(2, layout.edges().size());
        assertTrue(!layout.edges().get(0).points().equals(layout.edges().get(1).points()), "a*a draws two arrows");
    }

    @Test
    void clustered_nodes_sit_inside_their_cluster_box() {
        Shape shape = new Shape(List.of(
                new Shape.NodeSize(0, 60, 40, -1, Shape.Pin.FIRST),
                new Shape.NodeSize(1, 60, 40, 7, Shape.Pin.NONE),
                new Shape.NodeSize(2, 60, 40, 7, Shape.Pin.NONE),
                new Shape.NodeSize(3, 60, 40, -1, Shape.Pin.NONE)),
                List.of(new Shape.Edge(0, 1), new Shape.Edge(1, 2), new Shape.Edge(2, 3)),
                List.of(new Shape.Cluster(7, "point 1")));
        Layout layout = LayeredLayout.of(shape);
        Layout.Box cluster = layout.clusters().get(0);
        for (int id : new int[] {1, 2}) {
            Layout.Box b = layout.nodes().get(id);
            assertTrue(b.x() >= cluster.x() && b.x() + b.width() <= cluster.x() + cluster.width()
                    && b.y() >= cluster.y() && b.y() + b.height() <= cluster.y() + cluster.height(), "node " + id);
        }
        Layout.Route into = layout.edges().get(0);
        Layout.Point end = into.points().get(into.points().size() - 1);
        assertEquals(layout.nodes().get(1).x(), end.x(), 0.5, "routes crossing into a cluster are in root coordinates");
    }

    @Test
    void equal_shapes_share_one_cached_layout() {
        LayoutCache cache = new LayoutCache(10_000);
        assertTrue(cache.layout(circuit()) == cache.layout(circuit()));
    }

    @Test
    void drawing_cost_counts_boxes_plus_one_bend_per_layer_a_long_edge_crosses() {
        // circuit: z (layer 0) reaches f (layer 2) across q's layer: one bend
        assertEquals(5 + 1, circuit().drawingCost());
        // x feeds every node of a chain of n: the edge to node k crosses k-1 layers, n(n-1)/2 bends in all
        int n = 40;
        List<Shape.NodeSize> nodes = new ArrayList<>();
        List<Shape.Edge> edges = new ArrayList<>();
        nodes.add(node(0, Shape.Pin.FIRST));
        for (int k = 1; k <= n; k++) {
            nodes.add(node(k, k == n ? Shape.Pin.LAST : Shape.Pin.NONE));
            edges.add(new Shape.Edge(0, k));
            if (k > 1) edges.add(new Shape.Edge(k - 1, k));
        }
        assertEquals(n + 1 + n * (n - 1) / 2, new Shape(nodes, edges, List.of()).drawingCost());
    }

    @Test
    void a_constant_sits_just_before_its_reader_so_it_adds_no_bends() {
        // a, b → m → p; the constant c is read only by p, one layer after m
        Shape shape = new Shape(List.of(node(0, Shape.Pin.FIRST), node(1, Shape.Pin.FIRST), node(2, Shape.Pin.NONE),
                node(3, Shape.Pin.NONE), node(4, Shape.Pin.LAST)),
                List.of(new Shape.Edge(0, 2), new Shape.Edge(1, 2), new Shape.Edge(2, 4), new Shape.Edge(3, 4)), List.of());
        assertEquals(5, shape.drawingCost());
    }
}
