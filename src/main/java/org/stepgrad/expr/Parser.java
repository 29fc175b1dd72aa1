package org.stepgrad.expr;

import java.util.ArrayList;
import java.util.List;
import org.stepgrad.engine.Op;

/**
 * Turns tokens into assignments, one grammar rule per method (see DESIGN.md):
 * <pre>
 * expr  = term { ("+" | "-") term }      term  = unary { ("*" | "/") unary }
 * unary = "-" unary | power              power = call [ "^" unary ]
 * call  = name "(" expr { "," expr } ")" | primary
 * primary = number | name | "(" expr ")"
 * </pre>
 * Recursion depth and tree size are counted as we go, so no input can overflow the stack
 * or the heap; the first fault stops the parse and comes back as a value.
 */
public final class Parser {
    private final List<Token> tokens;
    private final Limits limits;
    private int current;
    private int depth;
    private int nodes;
    /** A graph node is written with a few names and numbers at most: x + x + x is 5 terms, 2 new nodes. */
    private static final int MAX_TERMS_PER_NODE = 4;

    public Parser(List<Token> tokens, Limits limits) {
        this.tokens = tokens;
        this.limits = limits;
    }

    /** The program's assignments in order, or the first fault. */
    public ParseResult parse() {
        List<Assignment> program = new ArrayList<>();
        try {
            while (!check(TokenType.EOF)) {
                if (match(TokenType.NEWLINE)) continue;
                program.add(assignment());
            }
        } catch (Failure failure) {
            return new ParseResult(null, failure.error);
        }
        return new ParseResult(program, null);
    }

    private Assignment assignment() {
        Token name = peek();
        if (name.type() != TokenType.NAME) {
            throw fail(SourceError.Kind.SYNTAX, name,
                    "expected a name at the start of the line, as in 'q = x + y', but found " + name.describe());
        }
        advance();
        if (Op.function(name.text()) != null) {
            throw fail(SourceError.Kind.NAME, name,
                    "'" + name.text() + "' is a function; choose another name for this value");
        }
        consume(TokenType.EQUALS, "expected '=' after the name '" + name.text() + "'");
        Expr value = expr();
        if (!check(TokenType.NEWLINE)) {
            throw fail(SourceError.Kind.SYNTAX, peek(),
                    "expected an operator or the end of the line after the expression, but found " + peek().describe());
        }
        return new Assignment(name.text(), value, name.line(), name.column());
    }

    private Expr expr() {
        enter();
        Expr left = term();
        while (check(TokenType.PLUS) || check(TokenType.MINUS)) {
            Token operator = advance();
            Expr right = term();
            left = apply(operator.type() == TokenType.PLUS ? Op.ADD : Op.SUB, operator, left, right);
        }
        depth--;
        return left;
    }

    private Expr term() {
        Expr left = unary();
        while (check(TokenType.STAR) || check(TokenType.SLASH)) {
            Token operator = advance();
            if (operator.type() == TokenType.STAR && check(TokenType.STAR)) {
                // Python's power: say what to write instead of "expected a number…"
                throw fail(SourceError.Kind.SYNTAX, operator, "'**' is not an operator here: use ^ for powers, as in x^2");
            }
            Expr right = unary();
            left = apply(operator.type() == TokenType.STAR ? Op.MUL : Op.DIV, operator, left, right);
        }
        return left;
    }

    private Expr unary() {
        if (check(TokenType.MINUS)) {
            enter();
            Token minus = advance();
            Expr operand = unary();
            depth--;
            // "-2" is the number -2 (a leaf), not "negate 2": the graph stays as the author wrote it
            if (operand instanceof Expr.Num num && !num.text().startsWith("-")) {
                return new Expr.Num(-num.value(), "-" + num.text(), minus.line(), minus.column());
            }
            return apply(Op.NEG, minus, operand);
        }
        return power();
    }

    private Expr power() {
        Expr base = call();
        if (check(TokenType.CARET)) {
            enter();
            Token caret = advance();
            Expr exponent = unary();
            depth--;
            return apply(Op.POW, caret, base, exponent);
        }
        return base;
    }

    private Expr call() {
        if (check(TokenType.NAME) && checkNext(TokenType.LEFT_PAREN)) {
            Token name = advance();
            Op function = Op.function(name.text());
            if (function == null) {
                throw fail(SourceError.Kind.NAME, name, "unknown function '" + name.text()
                        + "'; the functions are " + functionList());
            }
            advance();
            List<Expr> args = new ArrayList<>(); // expr() counts the level, once per call
            args.add(expr());
            while (match(TokenType.COMMA)) args.add(expr());
            consume(TokenType.RIGHT_PAREN, "expected ')' after the argument of " + name.text());
            if (args.size() != function.arity()) {
                throw fail(SourceError.Kind.SYNTAX, name, name.text() + " takes " + function.arity()
                        + " argument" + (function.arity() == 1 ? "" : "s") + ", but " + args.size() + " were given");
            }
            return count(new Expr.Apply(function, args, name.line(), name.column()));
        }
        return primary();
    }

    private Expr primary() {
        Token token = peek();
        switch (token.type()) {
            case NUMBER -> {
                advance();
                return count(new Expr.Num(Double.parseDouble(token.text()), token.text(), token.line(), token.column()));
            }
            case NAME -> {
                advance();
                return count(new Expr.Ref(token.text(), token.line(), token.column()));
            }
            case LEFT_PAREN -> {
                advance();
                Expr inner = expr(); // expr() counts the level, so one pair of parentheses is one level
                consume(TokenType.RIGHT_PAREN, "expected ')' after expression");
                return inner;
            }
            default -> throw fail(SourceError.Kind.SYNTAX, token,
                    "expected a number, a name or '(' but found " + token.describe());
        }
    }

    private Expr apply(Op op, Token at, Expr... operands) {
        return count(new Expr.Apply(op, List.of(operands), at.line(), at.column()));
    }

    private Expr count(Expr e) {
        // a bound on memory while reading; the node limit itself counts graph nodes (GraphBuilder)
        if (++nodes > MAX_TERMS_PER_NODE * (long) limits.maxNodes()) {
            throw fail(SourceError.Kind.LIMIT, new Token(TokenType.EOF, "", e.line(), e.column()),
                    "the program has more than " + String.format("%,d", MAX_TERMS_PER_NODE * (long) limits.maxNodes())
                            + " names, numbers and operations to read; a graph may have at most "
                            + String.format("%,d", limits.maxNodes()) + " nodes");
        }
        return e;
    }

    private void enter() {
        if (++depth > limits.maxDepth()) {
            throw fail(SourceError.Kind.LIMIT, peek(), "the expression nests more than " + limits.maxDepth()
                    + " levels deep; split it over several lines with names for the parts");
        }
    }

    private static String functionList() {
        StringBuilder list = new StringBuilder();
        for (Op op : Op.values()) {
            if (!op.isFunction()) continue;
            if (list.length() > 0) list.append(", ");
            list.append(op.id());
        }
        return list.toString();
    }

    private boolean match(TokenType type) {
        if (!check(type)) return false;
        advance();
        return true;
    }

    private Token consume(TokenType type, String message) {
        if (check(type)) return advance();
        Token found = peek();
        throw fail(SourceError.Kind.SYNTAX, found, message + ", but found " + found.describe());
    }

    private boolean check(TokenType type) {
        return peek().type() == type;
    }

    private boolean checkNext(TokenType type) {
        return current + 1 < tokens.size() && tokens.get(current + 1).type() == type;
    }

    private Token advance() {
        Token token = tokens.get(current);
        if (token.type() != TokenType.EOF) current++;
        return token;
    }

    private Token peek() {
        return tokens.get(current);
    }

    private static Failure fail(SourceError.Kind kind, Token at, String message) {
        return new Failure(new SourceError(kind, message, at.line(), at.column()));
    }

    /** Unwinds the recursive descent to {@link #parse}, which turns it back into a value. */
    private static final class Failure extends RuntimeException {
        final SourceError error;

        Failure(SourceError error) {
            super(error.message(), null, false, false);
            this.error = error;
        }
    }

    /** Assignments or the fault that stopped the parse. */
    public record ParseResult(List<Assignment> program, SourceError error) {
    }
}
