package org.stepgrad.layout;

import java.util.List;

/**
 * A finished layout in absolute coordinates (origin top left, y down): one box per node, one
 * route per edge in the order of {@link Shape#edges()}, one box per cluster.
 */
public record Layout(double width, double height, List<Box> nodes, List<Route> edges, List<Box> clusters) {
    public Layout {
        nodes = List.copyOf(nodes);
        edges = List.copyOf(edges);
        clusters = List.copyOf(clusters);
    }

    /** A placed rectangle; {@code id} is the node's or cluster's id. */
    public record Box(int id, double x, double y, double width, double height) {
    }

    /** A routed edge: its points from the source's border to the target's border. */
    public record Route(int from, int to, List<Point> points) {
        public Route {
            points = List.copyOf(points);
        }
    }

    public record Point(double x, double y) {
    }
}
