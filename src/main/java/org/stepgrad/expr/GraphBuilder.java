package org.stepgrad.expr;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.stepgrad.engine.Graph;
import org.stepgrad.engine.Op;

/**
 * Turns parsed assignments into an engine graph, checking names and refusing undefined values.
 *
 * <p>The walk over each expression uses an explicit stack, because a long sum such as
 * {@code a + b + c + …} is a left-leaning tree as deep as it is long.
 */
public final class GraphBuilder {
    private static final int LABEL_CHARS = 14;

    private final Limits limits;
    private final Graph graph = new Graph();
    private final Map<String, Integer> nodeOf = new HashMap<>();
    private final Map<String, Integer> lineOf = new HashMap<>();
    private int[] nodeLine = new int[64];
    private int[] nodeColumn = new int[64];

    public GraphBuilder() {
        this(Limits.DEFAULT);
    }

    /** {@code limits.maxNodes()} counts the graph's nodes, the ones a learner steps through. */
    public GraphBuilder(Limits limits) {
        this.limits = limits;
    }

    /** The built graph with its output node, or the first fault. */
    public Built build(List<Assignment> program) {
        if (program.isEmpty()) {
            return Built.failed(new SourceError(SourceError.Kind.SYNTAX,
                    "the program is empty; write one assignment per line, such as 'x = 2'", 0, 0));
        }
        for (Assignment a : program) {
            Integer earlier = lineOf.putIfAbsent(a.name(), a.line());
            if (earlier != null) {
                return Built.failed(new SourceError(SourceError.Kind.NAME, "'" + a.name()
                        + "' is already assigned on line " + earlier + "; each name is assigned once",
                        a.line(), a.column()));
            }
        }
        int output = -1;
        for (Assignment a : program) {
            try {
                output = assign(a);
            } catch (Fault fault) {
                return Built.failed(fault.error);
            }
        }
        return new Built(graph, output, nodeLine, nodeColumn, null);
    }

    private int assign(Assignment a) {
        if (a.value() instanceof Expr.Num num) {
            int leaf = place(graph.input(a.name(), num.value()), a.line(), a.column());
            nodeOf.put(a.name(), leaf);
            return leaf;
        }
        if (a.value() instanceof Expr.Ref ref) {
            if (!nodeOf.containsKey(ref.name())) throw unknown(ref);
            throw new Fault(SourceError.Kind.NAME, "'" + a.name() + " = " + ref.name()
                    + "' only gives " + ref.name() + " a second name; use " + ref.name() + " itself", ref.line(), ref.column());
        }
        int node = expression(a.value(), a.name());
        graph.name(node, a.name());
        nodeOf.put(a.name(), node);
        return node;
    }

    private int expression(Expr root, String owner) {
        ArrayDeque<Frame> stack = new ArrayDeque<>();
        stack.push(new Frame(root));
        int result = -1;
        while (!stack.isEmpty()) {
            Frame frame = stack.peek();
            if (frame.expr instanceof Expr.Apply apply && frame.done < apply.operands().size()) {
                stack.push(new Frame(apply.operands().get(frame.done)));
                continue;
            }
            stack.pop();
            int id = node(frame, owner);
            if (stack.isEmpty()) {
                result = id;
            } else {
                Frame parent = stack.peek();
                parent.ids[parent.done++] = id;
            }
        }
        return result;
    }

    private int node(Frame frame, String owner) {
        Expr e = frame.expr;
        if (e instanceof Expr.Num num) {
            return place(graph.constant(num.value(), num.text()), e.line(), e.column());
        }
        if (e instanceof Expr.Ref ref) {
            Integer id = nodeOf.get(ref.name());
            if (id != null) return id;
            throw unknown(ref);
        }
        Expr.Apply apply = (Expr.Apply) e;
        int id = place(graph.apply(apply.op(), label(apply.op(), frame.ids), frame.ids), e.line(), e.column());
        double value = graph.value(id);
        if (!Double.isFinite(value)) {
            throw new Fault(SourceError.Kind.UNDEFINED, "in " + owner + ": " + Undefined.explain(graph, apply.op(), frame.ids, value),
                    e.line(), e.column());
        }
        return id;
    }

    private Fault unknown(Expr.Ref ref) {
        Integer line = lineOf.get(ref.name());
        String hint = line != null ? "it is assigned later, on line " + line
                : ref.name().equalsIgnoreCase("nan") || ref.name().equalsIgnoreCase("infinity") || ref.name().equalsIgnoreCase("inf")
                ? "a program only uses finite numbers"
                : "assign it on an earlier line";
        return new Fault(SourceError.Kind.NAME, "unknown name '" + ref.name() + "'; " + hint, ref.line(), ref.column());
    }

    /** A short name for an unnamed node, such as "x*y" or "exp(t)", or just its sign if that gets long. */
    private String label(Op op, int[] operands) {
        String text;
        if (op.isInfix()) {
            text = operandLabel(operands[0]) + op.symbol() + operandLabel(operands[1]);
        } else if (op == Op.NEG) {
            text = "-" + operandLabel(operands[0]);
        } else {
            text = op.symbol() + "(" + graph.label(operands[0]) + ")";
        }
        return text.length() <= LABEL_CHARS ? text : op.isFunction() ? op.symbol() : op.symbol().equals("-") ? "−" : op.symbol();
    }

    private String operandLabel(int node) {
        String label = graph.label(node);
        Op op = graph.op(node);
        boolean named = graph.label(node) != null && !op.isLeaf() && isName(label);
        return op.isLeaf() || named || op.isFunction() ? label : "(" + label + ")";
    }

    private static boolean isName(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(Character.isLetterOrDigit(c) || c == '_')) return false;
        }
        return !s.isEmpty();
    }

    private int place(int id, int line, int column) {
        if (id >= limits.maxNodes()) {
            throw new Fault(SourceError.Kind.LIMIT, "the program makes more than " + String.format("%,d", limits.maxNodes())
                    + " nodes, the most a graph may have", line, column);
        }
        if (id >= nodeLine.length) {
            nodeLine = java.util.Arrays.copyOf(nodeLine, nodeLine.length * 2);
            nodeColumn = java.util.Arrays.copyOf(nodeColumn, nodeColumn.length * 2);
        }
        nodeLine[id] = line;
        nodeColumn[id] = column;
        return id;
    }

    /** One expression node being built: how many operands are done and their node ids. */
    private static final class Frame {
        final Expr expr;
        final int[] ids;
        int done;

        Frame(Expr expr) {
            this.expr = expr;
            this.ids = expr instanceof Expr.Apply a ? new int[a.operands().size()] : null;
        }
    }

    /** Unwinds one assignment's walk back to {@link #build}, which returns it as a value. */
    private static final class Fault extends RuntimeException {
        final SourceError error;

        Fault(SourceError.Kind kind, String message, int line, int column) {
            super(message, null, false, false);
            this.error = new SourceError(kind, message, line, column);
        }
    }

    /** The graph and its output, with the source place of every node, or the first fault. */
    public record Built(Graph graph, int output, int[] nodeLine, int[] nodeColumn, SourceError error) {
        static Built failed(SourceError error) {
            return new Built(null, -1, null, null, error);
        }
    }
}
