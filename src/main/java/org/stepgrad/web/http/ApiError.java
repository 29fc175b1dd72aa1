package org.stepgrad.web.http;

import org.stepgrad.expr.SourceError;

/**
 * A request the server refuses, as a value the handlers throw and one exception mapper answers:
 * a status, a sentence, and the place in the program where there is one.
 */
public final class ApiError extends RuntimeException {
    private final int status;
    private final int line;
    private final int column;
    private final int retryAfterSeconds;

    public ApiError(int status, String message) {
        this(status, message, 0, 0);
    }

    public ApiError(int status, String message, int line, int column) {
        this(status, message, line, column, 0);
    }

    private ApiError(int status, String message, int line, int column, int retryAfterSeconds) {
        super(message, null, false, false);
        this.status = status;
        this.line = line;
        this.column = column;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** 503 with Retry-After: the refusal is about now, not about the request. */
    public static ApiError busy(String message, int retryAfterSeconds) {
        return new ApiError(503, message, 0, 0, retryAfterSeconds);
    }

    /** Limits are 413, undefined math 422, every other fault in the program 400. */
    public static ApiError of(SourceError error) {
        int status = switch (error.kind()) {
            case LIMIT -> 413;
            case UNDEFINED -> 422;
            case SYNTAX, NAME -> 400;
        };
        return new ApiError(status, error.message(), error.line(), error.column());
    }

    public int status() { return status; }

    public int line() { return line; }

    public int column() { return column; }

    /** Seconds to wait before trying again, or 0 when trying again will not help. */
    public int retryAfterSeconds() { return retryAfterSeconds; }

    /** A visitor's text as a sentence quotes it: at most 20 characters, so an answer never echoes a huge input. */
    public static String clip(String s) {
        return s.length() <= 20 ? s : s.substring(0, 20) + "…";
    }
}
