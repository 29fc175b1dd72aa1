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
     * How much work a layered layout of this shape is: its boxes plus the bends a long edge
     * needs in every layer it crosses (ELK places one dummy node per crossed layer), with layers
     * by longest path. A chain whose input feeds every layer costs about n²/2 and would take
     * ELK many seconds, so callers refuse to draw above a budget instead of hanging a request.
     */
    public long drawingCost() {
        java.util.Map<Integer, Integer> index = new java.util.HashMap<>();
        for (int i = 0; i < nodes.size(); i++) index.put(nodes.get(i).id(), i);
        int n = nodes.size();
        int[] indegree = new int[n];
        List<List<Integer>> out = new java.util.ArrayList<>(n);
        for (int i = 0; i < n; i++) out.add(new java.util.ArrayList<>());
        for (Edge e : edges) {
            Integer from = index.get(e.from()), to = index.get(e.to());
            if (from == null || to == null) continue;
            out.get(from).add(to);
            indegree[to]++;
        }
        int[] layer = new int[n];
        boolean[] source = new boolean[n];
        java.util.ArrayDeque<Integer> ready = new java.util.ArrayDeque<>();
        for (int i = 0; i < n; i++) {
            source[i] = indegree[i] == 0;
            if (source[i]) ready.add(i);
        }
        long cost = n;
        while (!ready.isEmpty()) {
            int v = ready.poll();
            for (int w : out.get(v)) {
                layer[w] = Math.max(layer[w], layer[v] + 1);
                if (--indegree[w] == 0) ready.add(w);
            }
        }
        // a source that is not pinned to the first layer (a constant) sits just before its first reader
        for (int i = 0; i < n; i++) {
            if (nodes.get(i).pin() == Pin.FIRST || out.get(i).isEmpty() || !source[i]) continue;
            int first = Integer.MAX_VALUE;
            for (int w : out.get(i)) first = Math.min(first, layer[w]);
            layer[i] = first - 1;
        }
        for (Edge e : edges) {
            Integer from = index.get(e.from()), to = index.get(e.to());
            if (from != null && to != null) cost += Math.max(0, layer[to] - layer[from] - 1);
        }
        return cost;
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
