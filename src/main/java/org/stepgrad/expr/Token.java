package org.stepgrad.expr;

/** One token with the text it came from and where that text starts (1-based). */
public record Token(TokenType type, String text, int line, int column) {
    /** How the token reads in an error message. */
    public String describe() {
        return switch (type) {
            case NEWLINE -> "the end of the line";
            case EOF -> "the end of the program";
            default -> "'" + text + "'";
        };
    }
}
