package org.stepgrad.web.view;

import org.stepgrad.expr.SourceError;

/**
 * A fault in the playground's program as the page prints it: the sentence, its place, and the
 * offending line with a caret under the column.
 */
public record SourceErrorView(String message, String place, String line, String caret) {
    public static SourceErrorView of(SourceError error, String source) {
        if (!error.hasPlace()) return new SourceErrorView(error.message(), "", "", "");
        String[] lines = source.split("\r\n|\n|\r", -1);
        String text = error.line() <= lines.length ? lines[error.line() - 1].replace('\t', ' ') : "";
        int column = Math.max(1, Math.min(error.column(), text.length() + 1));
        return new SourceErrorView(error.message(), "Line " + error.line() + ", column " + error.column(),
                text, " ".repeat(column - 1) + "^");
    }
}
