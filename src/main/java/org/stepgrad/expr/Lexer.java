package org.stepgrad.expr;

import java.util.ArrayList;
import java.util.List;

/** Splits a program into tokens; '#' comments and blank space are dropped, line ends kept. */
public final class Lexer {
    private final String source;
    private final Limits limits;
    private final List<Token> tokens = new ArrayList<>();
    private int pos;
    private int line = 1;
    private int lineStart;

    public Lexer(String source, Limits limits) {
        this.source = source;
        this.limits = limits;
    }

    /** The tokens, ending with EOF, or the first fault. */
    public LexResult scan() {
        while (pos < source.length()) {
            char c = source.charAt(pos);
            int column = pos - lineStart + 1;
            switch (c) {
                case ' ', '\t', '\r' -> pos++;
                case '\n' -> {
                    add(TokenType.NEWLINE, "\n", column);
                    pos++;
                    line++;
                    lineStart = pos;
                }
                case '#' -> {
                    while (pos < source.length() && source.charAt(pos) != '\n') pos++;
                }
                case '+' -> single(TokenType.PLUS, column);
                case '-' -> single(TokenType.MINUS, column);
                case '*' -> single(TokenType.STAR, column);
                case '/' -> single(TokenType.SLASH, column);
                case '^' -> single(TokenType.CARET, column);
                case '(' -> single(TokenType.LEFT_PAREN, column);
                case ')' -> single(TokenType.RIGHT_PAREN, column);
                case ',' -> single(TokenType.COMMA, column);
                case '=' -> single(TokenType.EQUALS, column);
                default -> {
                    if (isDigit(c) || (c == '.' && pos + 1 < source.length() && isDigit(source.charAt(pos + 1)))) {
                        SourceError error = number(column);
                        if (error != null) return new LexResult(null, error);
                    } else if (isNameStart(c)) {
                        int start = pos;
                        while (pos < source.length() && isNamePart(source.charAt(pos))) pos++;
                        add(TokenType.NAME, source.substring(start, pos), column);
                    } else {
                        return new LexResult(null, new SourceError(SourceError.Kind.SYNTAX,
                                "unexpected character " + shown(c) + "; a program uses names, numbers, "
                                        + "+ - * / ^ ( ) , = and # comments", line, column));
                    }
                }
            }
        }
        add(TokenType.NEWLINE, "\n", pos - lineStart + 1);
        add(TokenType.EOF, "", pos - lineStart + 1);
        return new LexResult(tokens, null);
    }

    private SourceError number(int column) {
        int start = pos;
        while (pos < source.length() && isDigit(source.charAt(pos))) pos++;
        if (pos < source.length() && source.charAt(pos) == '.') {
            pos++;
            while (pos < source.length() && isDigit(source.charAt(pos))) pos++;
        }
        if (pos < source.length() && (source.charAt(pos) == 'e' || source.charAt(pos) == 'E')) {
            int mark = pos;
            pos++;
            if (pos < source.length() && (source.charAt(pos) == '+' || source.charAt(pos) == '-')) pos++;
            if (pos < source.length() && isDigit(source.charAt(pos))) {
                while (pos < source.length() && isDigit(source.charAt(pos))) pos++;
            } else {
                pos = mark; // "2e" is the number 2 followed by the name e
            }
        }
        if (pos - start > limits.maxNumberChars()) {
            return new SourceError(SourceError.Kind.LIMIT, "this number is " + (pos - start)
                    + " characters long; write it in at most " + limits.maxNumberChars()
                    + " (use an exponent, like 1.5e-8)", line, column);
        }
        String text = source.substring(start, pos);
        double value = Double.parseDouble(text);
        if (Double.isInfinite(value)) {
            return new SourceError(SourceError.Kind.UNDEFINED, "the number " + text
                    + " is too large; numbers must stay below about 1.8e308", line, column);
        }
        add(TokenType.NUMBER, text, column);
        return null;
    }

    private void single(TokenType type, int column) {
        add(type, String.valueOf(source.charAt(pos)), column);
        pos++;
    }

    private void add(TokenType type, String text, int column) {
        tokens.add(new Token(type, text, line, column));
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isNameStart(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
    }

    private static boolean isNamePart(char c) {
        return isNameStart(c) || isDigit(c);
    }

    private static String shown(char c) {
        return c < ' ' || c == 127 ? String.format("U+%04X", (int) c) : "'" + c + "'";
    }

    /** Tokens or the fault that stopped the scan. */
    public record LexResult(List<Token> tokens, SourceError error) {
    }
}
