package org.stepgrad.expr;

import java.util.List;
import org.stepgrad.engine.Op;

/** The syntax tree of one expression; every node keeps the place its text starts. */
public sealed interface Expr {
    int line();

    int column();

    /** A number written in the program. */
    record Num(double value, String text, int line, int column) implements Expr {
    }

    /** A use of a name assigned on an earlier line. */
    record Ref(String name, int line, int column) implements Expr {
    }

    /** An operator or function applied to operands, in operand order. */
    record Apply(Op op, List<Expr> operands, int line, int column) implements Expr {
    }
}
