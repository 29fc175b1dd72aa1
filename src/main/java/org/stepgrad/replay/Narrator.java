package org.stepgrad.replay;

import java.util.ArrayList;
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
    /** "∂f/∂", the start of every gradient's name. */
    private final String partial;
    /** Each node's label as it reads after ∂, made once: a node is named in several sentences. */
    private final String[] afterD;
    private final NumberCache<String> numbers = new NumberCache<>(Format::number);

    public Narrator(Trace trace) {
        this.trace = trace;
        this.partial = "∂" + trace.outputNode().label() + "/∂";
        this.afterD = new String[trace.nodes().size()];
    }

    /**
     * The sentence for a step: the computation on the way forward; on the way back, which
     * gradient is complete and the op's local rule (each input's share is {@link #contribution}).
     */
    public String step(Step step) {
        return step(step, new StringBuilder(160)).toString();
    }

    /** Appends {@link #step(Step)} to {@code into}, for a writer that streams sentences without keeping them. */
    public StringBuilder step(Step step, StringBuilder into) {
        Node node = trace.node(step.node());
        if (step.phase() == Phase.FORWARD) return forward(node, into);
        if (node.id() == trace.output()) {
            into.append("Start at the output: ").append(partial).append(trace.outputNode().label()).append(" = 1. ");
        } else {
            number(into.append(partial).append(d(node)).append(" = "), node.grad()).append(" is complete. ");
        }
        return into.append(node.op().rule());
    }

    /** "q = x + y = -2 + 5 = 3". */
    public String forward(Node node) {
        return forward(node, new StringBuilder(96)).toString();
    }

    private StringBuilder forward(Node node, StringBuilder into) {
        List<Integer> in = node.inputs();
        List<String> labels = new ArrayList<>(in.size());
        // the first operand reads naturally without parentheses ("-2 + 5"), except as a base ("(-2)^2")
        List<String> values = new ArrayList<>(in.size());
        for (int k = 0; k < in.size(); k++) {
            Node operand = trace.node(in.get(k));
            labels.add(operand.label());
            double v = operand.value();
            values.add(k == 0 && node.op() != Op.POW ? numbers.get(v) : factor(new StringBuilder(16), v).toString());
        }
        // an unnamed node's label already is its formula: don't say it twice
        if (node.name() != null) into.append(node.label()).append(" = ");
        into.append(node.op().written(labels)).append(" = ").append(node.op().written(values)).append(" = ");
        return number(into, node.value());
    }

    /** "∂f/∂x += ∂f/∂q · ∂q/∂x = (-4)·1 → -4", with the running sum where a value fans out. */
    public String contribution(Node node, Contribution c) {
        return contribution(node, c, new StringBuilder(160)).toString();
    }

    /** Appends {@link #contribution(Node, Contribution)} to {@code into}. */
    public StringBuilder contribution(Node node, Contribution c, StringBuilder into) {
        String in = d(trace.node(c.input()));
        String at = d(node);
        into.append(partial).append(in).append(" += ").append(partial).append(at)
                .append(" · ∂").append(at).append("/∂").append(in).append(" = ");
        factor(factor(into, c.upstream()).append('·'), c.local());
        if (c.gradBefore() != 0) {
            number(into.append(" = "), c.product()).append("; ");
            factor(number(into, c.gradBefore()).append(" + "), c.product());
        }
        return number(into.append(" → "), c.gradAfter());
    }

    /** {@link Format#number}, found again for the numbers a trace repeats. */
    private StringBuilder number(StringBuilder into, double v) {
        return into.append(numbers.get(v));
    }

    /** {@link Format#factor}: a negative in parentheses. */
    private StringBuilder factor(StringBuilder into, double v) {
        return v < 0 ? into.append('(').append(numbers.get(v)).append(')') : number(into, v);
    }

    /** A node's label as it reads after ∂: a formula label goes in parentheses, "∂f/∂(x*y)". */
    private String d(Node node) {
        String made = afterD[node.id()];
        if (made == null) {
            made = d(node.label());
            afterD[node.id()] = made;
        }
        return made;
    }

    private static String d(String label) {
        for (int i = 0; i < label.length(); i++) {
            char c = label.charAt(i);
            if (!(Character.isLetterOrDigit(c) || c == '_' || c == '.')) return "(" + label + ")";
        }
        return label;
    }
}
