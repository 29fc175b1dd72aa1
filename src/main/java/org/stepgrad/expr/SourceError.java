package org.stepgrad.expr;

/**
 * A fault in a program, as a value: a sentence saying what was expected or what went wrong,
 * and where (1-based line and column; 0 when the fault has no place, such as an empty program).
 */
public record SourceError(Kind kind, String message, int line, int column) {

    /** What sort of fault, so the web layer can pick a status without reading the sentence. */
    public enum Kind {
        /** The text does not follow the grammar. */
        SYNTAX,
        /** A name is unknown, reused or misused. */
        NAME,
        /** A value or gradient is undefined: log of a negative, division by zero, overflow. */
        UNDEFINED,
        /** The program is larger or deeper than the server accepts. */
        LIMIT
    }

    public boolean hasPlace() {
        return line > 0;
    }

    /** "line 3, column 7: expected ')' after expression" — for logs and plain-text displays. */
    public String describe() {
        return hasPlace() ? "line " + line + ", column " + column + ": " + message : message;
    }
}
