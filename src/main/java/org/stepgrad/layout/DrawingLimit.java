package org.stepgrad.layout;

import java.util.Optional;

/**
 * How large a graph pages draw. ELK alone takes seconds on a thousand boxes and overflows its
 * stack on tens of thousands, so pages never hand it a whole graph: {@link Nested} lays out one
 * open group at a time, and every level holds a few dozen boxes at most. So pages draw whatever
 * the engine accepts. The playground and the lesson loader ask the same question here, so both
 * refuse the same graphs.
 *
 * @param maxNodes the most graph nodes drawn (the nodes of the graph, not group boxes)
 */
public record DrawingLimit(int maxNodes) {
    public static final DrawingLimit PAGES = new DrawingLimit(100_000);

    /** Why a graph of this many nodes is not drawn, as a sentence, or empty when it may be drawn. */
    public Optional<String> refusal(int nodes) {
        return nodes > maxNodes ? Optional.of("the graph has " + String.format("%,d", nodes) + " nodes, and pages draw up to "
                + String.format("%,d", maxNodes)) : Optional.empty();
    }
}
