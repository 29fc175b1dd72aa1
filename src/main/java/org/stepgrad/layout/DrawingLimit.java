package org.stepgrad.layout;

import java.util.Optional;

/**
 * How large a graph pages draw: ELK takes seconds above these (measured: 1,205 nodes ≈ 2 s,
 * drawing cost 20,000 ≈ 0.7 s warm) and overflows its stack on tens of thousands of nodes.
 * The playground and the lesson loader ask the same question here, so both refuse the same graphs.
 *
 * @param maxNodes the most graph nodes drawn (the nodes of the graph, not cluster boxes)
 * @param maxCost  the most {@link Shape#drawingCost()} drawn
 */
public record DrawingLimit(int maxNodes, long maxCost) {
    public static final DrawingLimit PAGES = new DrawingLimit(1_200, 20_000);

    /** Why a graph of this shape is not drawn, as a sentence, or empty when it may be drawn. */
    public Optional<String> refusal(Shape shape) {
        int nodes = shape.nodes().size();
        if (nodes > maxNodes) return tooMany(nodes);
        long cost = shape.drawingCost();
        if (cost > maxCost) {
            return Optional.of("the graph's edges reach across too many layers to draw quickly (a value used by many later "
                    + "steps): its drawing cost is " + String.format("%,d", cost) + ", and pages draw up to " + String.format("%,d", maxCost));
        }
        return Optional.empty();
    }

    /** The node count alone, for a caller that has not built the shape yet (it is cheaper to ask first). */
    public Optional<String> refusal(int nodes) {
        return nodes > maxNodes ? tooMany(nodes) : Optional.empty();
    }

    private Optional<String> tooMany(int nodes) {
        return Optional.of("the graph has " + String.format("%,d", nodes) + " nodes, and pages draw up to " + String.format("%,d", maxNodes));
    }
}
