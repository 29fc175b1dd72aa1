package org.stepgrad.replay;

import java.util.List;
import org.stepgrad.engine.Contribution;
import org.stepgrad.engine.Node;
import org.stepgrad.engine.Op;
import org.stepgrad.engine.Phase;
import org.stepgrad.engine.Step;
import org.stepgrad.engine.Trace;

/**
 * Says in words, with the arithmetic, what each step of a trace did: "q = x + y = -2 + 5 = 3"
 * on the way forward, "∂f/∂x += ∂f/∂q · ∂q/∂x = (-4)·1 → -4" on the way back.
 */
public final class Narrator {
    private final Trace trace;
    private final String out;

    public Narrator(Trace trace) {
        this.trace = trace;
        this.out = trace.outputNode().label();
    }

    /**
     * The sentence for a step: the computation on the way forward; on the way back, which
     * gradient is complete and the op's local rule (each input's share is {@link #contribution}).
     */
    public String step(Step step) {
        Node node = trace.node(step.node());
        if (step.phase() == Phase.FORWARD) return forward(node);
        String start = node.id() == trace.output()
                ? "Start at the output: ∂" + out + "/∂" + out + " = 1. "
                : "∂" + out + "/∂" + d(node.label()) + " = " + Format.number(node.grad()) + " is complete. ";
        return start + node.op().rule();
    }

    /** "q = x + y = -2 + 5 = 3". */
    public String forward(Node node) {
        List<Integer> in = node.inputs();
        String symbolic = node.op().written(in.stream().map(i -> trace.node(i).label()).toList());
        // the first operand reads naturally without parentheses ("-2 + 5"), except as a base ("(-2)^2")
        List<String> values = new java.util.ArrayList<>();
        for (int k = 0; k < in.size(); k++) {
            double v = trace.node(in.get(k)).value();
            values.add(k == 0 && node.op() != Op.POW ? Format.number(v) : Format.factor(v));
        }
        String numeric = node.op().written(values);
        String result = numeric + " = " + Format.number(node.value());
        // an unnamed node's label already is its formula: don't say it twice
        return node.name() == null ? symbolic + " = " + result : node.label() + " = " + symbolic + " = " + result;
    }

    /** "∂f/∂x += ∂f/∂q · ∂q/∂x = (-4)·1 → -4", with the running sum where a value fans out. */
    public String contribution(Node node, Contribution c) {
        String in = d(trace.node(c.input()).label());
        String at = d(node.label());
        String chain = "∂" + out + "/∂" + in + " += ∂" + out + "/∂" + at
                + " · ∂" + at + "/∂" + in + " = " + Format.factor(c.upstream()) + "·" + Format.factor(c.local());
        if (c.gradBefore() == 0) return chain + " → " + Format.number(c.gradAfter());
        return chain + " = " + Format.number(c.product()) + "; " + Format.number(c.gradBefore()) + " + "
                + Format.factor(c.product()) + " → " + Format.number(c.gradAfter());
    }

    /** A label as it reads after ∂: a formula label goes in parentheses, "∂f/∂(x*y)". */
    private static String d(String label) {
        for (int i = 0; i < label.length(); i++) {
            char c = label.charAt(i);
            if (!(Character.isLetterOrDigit(c) || c == '_' || c == '.')) return "(" + label + ")";
        }
        return label;
    }
}
