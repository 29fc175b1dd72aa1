package org.stepgrad.layout;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.elk.alg.layered.options.LayerConstraint;
import org.eclipse.elk.alg.layered.options.LayeredMetaDataProvider;
import org.eclipse.elk.alg.layered.options.LayeredOptions;
import org.eclipse.elk.alg.layered.options.OrderingStrategy;
import org.eclipse.elk.core.RecursiveGraphLayoutEngine;
import org.eclipse.elk.core.data.LayoutMetaDataService;
import org.eclipse.elk.core.math.ElkPadding;
import org.eclipse.elk.core.options.CoreOptions;
import org.eclipse.elk.core.options.Direction;
import org.eclipse.elk.core.options.EdgeRouting;
import org.eclipse.elk.core.options.HierarchyHandling;
import org.eclipse.elk.core.util.BasicProgressMonitor;
import org.eclipse.elk.graph.ElkBendPoint;
import org.eclipse.elk.graph.ElkEdge;
import org.eclipse.elk.graph.ElkEdgeSection;
import org.eclipse.elk.graph.ElkNode;
import org.eclipse.elk.graph.util.ElkGraphUtil;

/**
 * Lays a graph out left to right with ELK's layered algorithm (Sugiyama: layers, crossing
 * minimisation, node placement, orthogonal edge routing). ELK is deterministic for a fixed
 * seed, and model order breaks ties, so the same shape always gives the same layout.
 */
public final class LayeredLayout {
    private static final double NODE_GAP = 22;
    private static final double LAYER_GAP = 84; // room for a "+= (-4)·1" label beside each arrowhead
    private static final double MARGIN = 12;

    static {
        LayoutMetaDataService.getInstance().registerLayoutMetaDataProviders(new LayeredMetaDataProvider());
    }

    private LayeredLayout() {
    }

    public static Layout of(Shape shape) {
        ElkNode root = ElkGraphUtil.createGraph();
        // ELK 0.10's hierarchical crossing minimisation fails (null pointers, "bestSweep" in a 2-2-1 network)
        // when cluster boxes keep model order too; the top level keeping it is enough to stack point 1 above point 2
        configure(root, true);
        if (!shape.clusters().isEmpty()) {
            root.setProperty(CoreOptions.HIERARCHY_HANDLING, HierarchyHandling.INCLUDE_CHILDREN);
        }

        Map<Integer, ElkNode> clusters = new HashMap<>();
        for (Shape.Cluster c : shape.clusters()) {
            ElkNode box = ElkGraphUtil.createNode(root);
            configure(box, false);
            box.setProperty(CoreOptions.PADDING, new ElkPadding(26, 10, 10, 10)); // room for its label on top
            clusters.put(c.id(), box);
        }
        Map<Integer, ElkNode> nodes = new HashMap<>();
        for (Shape.NodeSize n : shape.nodes()) {
            ElkNode parent = n.cluster() >= 0 ? clusters.get(n.cluster()) : root;
            if (parent == null) throw new IllegalArgumentException("node " + n.id() + " is in an unknown cluster " + n.cluster());
            ElkNode node = ElkGraphUtil.createNode(parent);
            node.setDimensions(n.width(), n.height());
            if (n.pin() == Shape.Pin.FIRST) node.setProperty(LayeredOptions.LAYERING_LAYER_CONSTRAINT, LayerConstraint.FIRST);
            if (n.pin() == Shape.Pin.LAST) node.setProperty(LayeredOptions.LAYERING_LAYER_CONSTRAINT, LayerConstraint.LAST);
            nodes.put(n.id(), node);
        }
        List<ElkEdge> edges = new ArrayList<>(shape.edges().size());
        for (Shape.Edge e : shape.edges()) {
            ElkNode from = nodes.get(e.from());
            ElkNode to = nodes.get(e.to());
            if (from == null || to == null) throw new IllegalArgumentException("edge " + e + " names an unknown node");
            edges.add(ElkGraphUtil.createSimpleEdge(from, to)); // contained by the nearest common ancestor
        }

        new RecursiveGraphLayoutEngine().layout(root, new BasicProgressMonitor());

        List<Layout.Box> boxes = new ArrayList<>(shape.nodes().size());
        for (Shape.NodeSize n : shape.nodes()) boxes.add(box(n.id(), nodes.get(n.id())));
        List<Layout.Box> clusterBoxes = new ArrayList<>(shape.clusters().size());
        for (Shape.Cluster c : shape.clusters()) clusterBoxes.add(box(c.id(), clusters.get(c.id())));
        List<Layout.Route> routes = new ArrayList<>(edges.size());
        for (int i = 0; i < edges.size(); i++) {
            routes.add(route(shape.edges().get(i), edges.get(i)));
        }
        return new Layout(root.getWidth(), root.getHeight(), boxes, routes, clusterBoxes);
    }

    private static void configure(ElkNode graph, boolean keepOrder) {
        graph.setProperty(CoreOptions.ALGORITHM, LayeredOptions.ALGORITHM_ID);
        graph.setProperty(CoreOptions.DIRECTION, Direction.RIGHT);
        graph.setProperty(CoreOptions.EDGE_ROUTING, EdgeRouting.ORTHOGONAL);
        graph.setProperty(CoreOptions.SPACING_NODE_NODE, NODE_GAP);
        graph.setProperty(LayeredOptions.SPACING_NODE_NODE_BETWEEN_LAYERS, LAYER_GAP);
        graph.setProperty(LayeredOptions.SPACING_EDGE_NODE_BETWEEN_LAYERS, 14.0);
        graph.setProperty(CoreOptions.PADDING, new ElkPadding(MARGIN));
        // inputs keep the order they were written in, so x sits above y as in the source
        graph.setProperty(LayeredOptions.CONSIDER_MODEL_ORDER_STRATEGY,
                keepOrder ? OrderingStrategy.NODES_AND_EDGES : OrderingStrategy.NONE);
        graph.setProperty(LayeredOptions.CROSSING_MINIMIZATION_FORCE_NODE_MODEL_ORDER, keepOrder);
        graph.setProperty(CoreOptions.RANDOM_SEED, 1);
        // one crossing-minimisation run instead of seven: a 500-node graph with long input edges lays out in
        // well under a second instead of tens, and small graphs look the same
        graph.setProperty(LayeredOptions.THOROUGHNESS, 1);
    }

    /** A node's box in root coordinates: ELK gives each node's position relative to its parent. */
    private static Layout.Box box(int id, ElkNode node) {
        double[] at = absolute(node);
        return new Layout.Box(id, at[0], at[1], node.getWidth(), node.getHeight());
    }

    private static double[] absolute(ElkNode node) {
        double x = 0, y = 0;
        for (ElkNode n = node; n != null && n.getParent() != null; n = n.getParent()) {
            x += n.getX();
            y += n.getY();
        }
        return new double[] {x, y};
    }

    /** An edge's points are relative to the node that contains the edge. */
    private static Layout.Route route(Shape.Edge e, ElkEdge edge) {
        ElkNode container = edge.getContainingNode();
        double[] origin = container == null ? new double[2] : absolute(container);
        List<Layout.Point> points = new ArrayList<>();
        for (ElkEdgeSection s : edge.getSections()) {
            points.add(new Layout.Point(origin[0] + s.getStartX(), origin[1] + s.getStartY()));
            for (ElkBendPoint b : s.getBendPoints()) points.add(new Layout.Point(origin[0] + b.getX(), origin[1] + b.getY()));
            points.add(new Layout.Point(origin[0] + s.getEndX(), origin[1] + s.getEndY()));
        }
        return new Layout.Route(e.from(), e.to(), points);
    }
}
