package org.stepgrad.web.view;

import java.util.List;

/**
 * The SVG graph at one step, as far as its open groups show it, ready to print: geometry from the
 * nested layout, texts from the replay, CSS classes for what the step highlights. The template
 * only loops over it.
 *
 * @param open the open groups, as the view's URL names them ("3,7")
 */
public record GraphView(String width, String height, String viewBox, String open, List<GroupView> groups,
                        List<NodeView> nodes, List<EdgeView> edges) {
    public GraphView {
        groups = List.copyOf(groups);
        nodes = List.copyOf(nodes);
        edges = List.copyOf(edges);
    }

    /**
     * One node's group. {@code name} is null for an unnamed node (no data-node-name then);
     * {@code title} is the full label, {@code label} may be shortened to fit; {@code exact} holds
     * its value at full precision, for a click; {@code current} when the step computed it
     * (the contract: its group carries aria-current="step").
     */
    public record NodeView(int id, String name, String label, String title, String op, String cssClass,
                           String transform, String width, String height, String centre,
                           String value, String grad, String gradClass, String formula, String exact, boolean current) {
        /**
         * The ids of the node's texts that show, which name it (aria-labelledby): a screen reader says
         * exactly what the box shows, and keeps saying it as the stepper repaints the texts.
         */
        public String namedBy() {
            // a checkpoint's quiz class hides the value or gradient it asks for: the name keeps it unsaid too
            List<String> classes = List.of(cssClass.split(" "));
            return textId("label") + " " + textId("op") + (classes.contains("quiz-value") ? "" : " " + textId("value"))
                    + (classes.contains("quiz-grad") ? "" : " " + textId("grad"));
        }

        /** The id of one of the node's texts ("label", "op", "value", "grad"); one graph is drawn per page. */
        public String textId(String part) {
            return "node-" + id + "-" + part;
        }
    }

    /**
     * A group: open, a frame under what it holds with its label to close it; shut, one box that
     * shows its label and what it produces (node {@code shows}'s value and gradient, painted
     * like that node's own texts).
     */
    public record GroupView(int id, String label, String cssClass, boolean open, String transform, String width,
                            String height, int shows, String outLabel, String value, String grad, String gradClass) {
        public String toggleLabel() {
            return (open ? "▾ " : "▸ ") + label;
        }

        /** An open group's toggle, which shows only the label. */
        public String spoken() {
            return label + ", open: press Enter to close it";
        }

        /** A shut box is named by the texts it shows, so its name follows the stepper's repaint of them. */
        public String namedBy() {
            return textId("label") + " " + textId("out") + " " + textId("grad");
        }

        public String textId(String part) {
            return "group-" + id + "-" + part;
        }
    }

    /** One drawn connection: its path, the node-level edges it carries ("3 4 5"), and the label a backward step writes. */
    public record EdgeView(String edges, String cssClass, String path, String labelX, String labelY, String label) {
    }
}
