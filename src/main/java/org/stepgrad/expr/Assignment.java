package org.stepgrad.expr;

/** One line of a program: {@code name = expr}. */
public record Assignment(String name, Expr value, int line, int column) {
    /** {@code x = -2}: a leaf whose value the learner sets. */
    public boolean declaresInput() {
        return value instanceof Expr.Num;
    }
}
