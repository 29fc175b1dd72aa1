package org.stepgrad.web.view;

import java.util.List;

/**
 * The SVG graph at one step, ready to print: geometry from the layout, texts from the replay,
 * CSS classes for what the step highlights. The template only loops over it.
 */
public record GraphView(String width, String height, String viewBox, List<NodeView> nodes, List<EdgeView> edges,
                        List<ClusterView> clusters) {
    public GraphView {
        nodes = List.copyOf(nodes);
        edges = List.copyOf(edges);
        clusters = List.copyOf(clusters);
    }

    /**
     * One node's group. {@code name} is null for an unnamed node (no data-node-name then);
     * {@code title} is the full label, {@code label} may be shortened to fit.
     */
    public record NodeView(int id, String name, String label, String title, String op, String cssClass,
                           String transform, String width, String height, String centre,
                           String value, String grad, String gradClass) {
    }

    /** One edge: its path, and the label a backward step writes beside its arrowhead. */
    public record EdgeView(int index, int from, int to, String cssClass, String path,
                           String labelX, String labelY, String label) {
    }

    /**
     * One cluster: its frame under the nodes, and above them the cover a collapsed cluster shows
     * (an opaque box with a one-line summary) and the toggle that opens or shuts it.
     * {@code cssClass} is "cover" or "cover collapsed"; {@code expanded} is "true" or "false". The summary
     * is printed twice: beside the toggle, and large in the middle of the cover, readable when zoomed out.
     */
    public record ClusterView(int id, String label, String x, String y, String width, String height, String labelX,
                              String labelY, String cssClass, String expanded, String summary, String summaryX,
                              String summaryY, String toggleWidth, String middleX, String middleY) {
    }
}
