package org.stepgrad.lesson;

import org.commonmark.node.Node;

/**
 * Bounds on how deeply an author's Markdown nests, checked so the Markdown library never
 * overflows its stack: the text is scanned before it is parsed (block quote and list markers on
 * one line, emphasis delimiters that open without closing), and the parsed tree is measured
 * before anything walks it recursively.
 */
final class MarkdownLimits {
    /** Deeper than any lesson needs; commonmark-java overflows a 256 KB stack at about 2,000 levels of emphasis. */
    static final int MAX_MARKERS = 16;
    static final int MAX_EMPHASIS = 16;
    static final int MAX_DELIMITERS = 1_000;
    static final int MAX_DEPTH = 32;

    private MarkdownLimits() {
    }

    /** The first place the text nests too deeply, before parsing, or null. */
    static Prose.Fault scan(String text) {
        String[] lines = text.split("\n", -1);
        int depth = 0;
        int delimiters = 0;
        String fence = null; // inside a fenced code block nothing is Markdown
        for (int l = 0; l < lines.length; l++) {
            String line = lines[l];
            String opening = line.stripLeading();
            if (line.length() - opening.length() <= 3 && (opening.startsWith("```") || opening.startsWith("~~~"))) {
                if (fence == null) fence = opening.substring(0, 3);
                else if (opening.startsWith(fence)) fence = null;
                depth = 0;
                delimiters = 0;
                continue;
            }
            if (fence != null) continue;
            if (line.isBlank()) {
                depth = 0; // a blank line ends the paragraph, and emphasis never spans paragraphs
                delimiters = 0;
                continue;
            }
            Prose.Fault markers = markers(line, l + 1);
            if (markers != null) return markers;
            for (int i = 0; i < line.length(); i++) {
                char c = line.charAt(i);
                if (c == '\\') {
                    i++;
                } else if (c == '`') {
                    i = codeSpanEnd(line, i);
                } else if (c == '*' || c == '_') {
                    int j = i;
                    while (j < line.length() && line.charAt(j) == c) j++;
                    int run = j - i;
                    char before = i > 0 ? line.charAt(i - 1) : ' ';
                    char after = j < line.length() ? line.charAt(j) : ' ';
                    boolean left = !space(after) && (!punctuation(after) || space(before) || punctuation(before));
                    boolean right = !space(before) && (!punctuation(before) || space(after) || punctuation(after));
                    if (left || right) delimiters += run;
                    if (left && !right) depth += run;
                    else if (right && !left) depth = Math.max(0, depth - run);
                    if (depth > MAX_EMPHASIS) {
                        return new Prose.Fault(l + 1, i + 1, "the Markdown opens emphasis (* or _) more than " + MAX_EMPHASIS
                                + " deep here without closing it; close some first");
                    }
                    if (delimiters > MAX_DELIMITERS) {
                        return new Prose.Fault(l + 1, i + 1, "this paragraph has more than " + MAX_DELIMITERS
                                + " emphasis marks (* or _); split it with a blank line or write the marks as \\* and \\_");
                    }
                    i = j - 1;
                }
            }
        }
        return null;
    }

    /** Block quote ('>') and list markers ('-', '+', '*', '1.', '1)') at the start of one line, each one a level. */
    private static Prose.Fault markers(String line, int lineNumber) {
        int i = 0;
        int count = 0;
        while (true) {
            int spaces = 0;
            while (i < line.length() && line.charAt(i) == ' ' && spaces < 4) {
                i++;
                spaces++;
            }
            if (i >= line.length() || spaces >= 4) return null;
            char c = line.charAt(i);
            int next;
            if (c == '>') {
                next = i + 1;
            } else if ((c == '-' || c == '+' || c == '*') && i + 1 < line.length() && (line.charAt(i + 1) == ' ' || line.charAt(i + 1) == '\t')) {
                next = i + 2;
            } else {
                int d = i;
                while (d < line.length() && d - i < 9 && Character.isDigit(line.charAt(d))) d++;
                if (d == i || d + 1 >= line.length() || (line.charAt(d) != '.' && line.charAt(d) != ')')
                        || (line.charAt(d + 1) != ' ' && line.charAt(d + 1) != '\t')) return null;
                next = d + 2;
            }
            if (++count > MAX_MARKERS) {
                return new Prose.Fault(lineNumber, i + 1, "the Markdown nests block quotes and lists more than " + MAX_MARKERS
                        + " deep on this line; nest fewer");
            }
            i = next;
        }
    }

    /** Where a code span that starts at {@code i} ends (its text is not Markdown), or the end of its backtick run. */
    private static int codeSpanEnd(String line, int i) {
        int j = i;
        while (j < line.length() && line.charAt(j) == '`') j++;
        int run = j - i;
        for (int k = j; k < line.length(); k++) {
            if (line.charAt(k) != '`') continue;
            int e = k;
            while (e < line.length() && line.charAt(e) == '`') e++;
            if (e - k == run) return e - 1;
            k = e - 1;
        }
        return j - 1;
    }

    private static boolean space(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c);
    }

    private static boolean punctuation(char c) {
        int type = Character.getType(c);
        return (c < 128 && !Character.isLetterOrDigit(c) && !space(c) && c > ' ')
                || type == Character.CONNECTOR_PUNCTUATION || type == Character.DASH_PUNCTUATION
                || type == Character.START_PUNCTUATION || type == Character.END_PUNCTUATION
                || type == Character.INITIAL_QUOTE_PUNCTUATION || type == Character.FINAL_QUOTE_PUNCTUATION
                || type == Character.OTHER_PUNCTUATION || type == Character.MATH_SYMBOL || type == Character.CURRENCY_SYMBOL
                || type == Character.MODIFIER_SYMBOL || type == Character.OTHER_SYMBOL;
    }

    /** The first node deeper than {@link #MAX_DEPTH} in the parsed tree, walked without recursion, or null. */
    static Node tooDeep(Node document) {
        java.util.ArrayDeque<Node> stack = new java.util.ArrayDeque<>();
        java.util.ArrayDeque<Integer> depths = new java.util.ArrayDeque<>();
        stack.push(document);
        depths.push(0);
        while (!stack.isEmpty()) {
            Node node = stack.pop();
            int depth = depths.pop();
            if (depth > MAX_DEPTH) return node;
            for (Node child = node.getLastChild(); child != null; child = child.getPrevious()) {
                stack.push(child);
                depths.push(depth + 1);
            }
        }
        return null;
    }
}
