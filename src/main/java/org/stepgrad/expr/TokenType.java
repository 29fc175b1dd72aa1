package org.stepgrad.expr;

/** The kinds of token in the graph language. */
public enum TokenType {
    NUMBER, NAME, PLUS, MINUS, STAR, SLASH, CARET, LEFT_PAREN, RIGHT_PAREN, COMMA, EQUALS, NEWLINE, EOF
}
