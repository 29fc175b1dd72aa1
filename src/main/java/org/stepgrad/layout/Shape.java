package org.stepgrad.layout;

import java.util.List;

/**
 * What a layout is computed from, and the key layouts are cached by: node sizes, edges and
 * clusters, nothing else. Two graphs with the same shape share one layout.
 *
 * @param nodes    boxes to place, in input order (their order breaks ties, so it is kept)
 * @param edges    directed edges, from operand to the node that reads it
 * @param clusters groups of nodes drawn inside one box (may be empty)
 */
public record Shape(List<NodeSize> nodes, List<Edge> edges, List<Cluster> clusters) {
    public Shape {
        nodes = List.copyOf(nodes);
        edges = List.copyOf(edges);
        clusters = List.copyOf(clusters);
    }

    /**
     * The size of node {@code id}'s box, the cluster it sits in (-1: none), and whether it is
     * pinned to the first layer (inputs) or the last (the output).
     */
    public record NodeSize(int id, double width, double height, int cluster, Pin pin) {
    }

    /** Where a node must go regardless of its edges. */
    public enum Pin { NONE, FIRST, LAST }

    /** An edge from node {@code from} to node {@code to}; parallel edges (a*a) are kept apart. */
    public record Edge(int from, int to) {
    }

    /** A group of nodes, such as the nodes of one data point; {@code label} is shown on its box. */
    public record Cluster(int id, String label) {
    }
}
