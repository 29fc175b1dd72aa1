package org.stepgrad.expr;

import org.stepgrad.engine.Graph;
import org.stepgrad.engine.Op;

/** Says in words why an operation produced no number, naming the values it was given. */
final class Undefined {
    private Undefined() {
    }

    static String explain(Graph graph, Op op, int[] operands, double result) {
        double a = graph.value(operands[0]);
        double b = operands.length > 1 ? graph.value(operands[1]) : Double.NaN;
        String what = graph.label(operands[0]);
        return switch (op) {
            case LOG -> a == 0 ? "log of 0 is undefined (it falls to minus infinity)"
                    : "log of " + fmt(a) + " is undefined; log needs a positive number (" + what + " = " + fmt(a) + ")";
            case DIV -> b == 0 ? "division by zero: " + graph.label(operands[1]) + " is 0" : overflow(op);
            case POW -> Double.isNaN(result)
                    ? fmt(a) + "^" + fmt(b) + " is undefined; a negative base needs a whole-number exponent"
                    : fmt(a) + "^" + fmt(b) + (a == 0 ? " is undefined (division by zero)" : " overflows to infinity");
            default -> overflow(op);
        };
    }

    private static String overflow(Op op) {
        return op.id() + " overflows: the result is too large for a number (beyond about 1.8e308)";
    }

    static String fmt(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.valueOf((long) v) : String.valueOf(v);
    }
}
