package org.stepgrad.web.pages;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.stepgrad.web.http.Assets;

/**
 * The rules of stepgrad.css that paint the graph (its colours, node boxes, edges, groups), picked
 * out of the stylesheet once at startup so a standalone graph.svg looks like the page's graph and
 * the two never drift apart. Only top-level rules whose every selector is about the graph are
 * kept: at-rules (media queries: dark mode, presenter, print) and page-layout rules are left out,
 * so the file is always the light, printable drawing.
 */
public final class GraphStyle {
    /** Selector starts that name the graph's own parts; ":root" holds the colour variables. */
    private static final List<String> GRAPH = List.of(":root", "svg.graph", ".node", ".edge", ".arrowhead", ".group");

    private GraphStyle() {
    }

    /** The graph's rules from the packaged stepgrad.css. */
    public static String load() {
        String path = Assets.FOLDER + "/stepgrad.css";
        try (InputStream in = GraphStyle.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) throw new IllegalStateException(path + " is missing from the classpath");
            return of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The graph's rules from a stylesheet's text, one a line, in their order there. */
    static String of(String css) {
        String text = css.replaceAll("(?s)/\\*.*?\\*/", "");
        StringBuilder kept = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            int open = text.indexOf('{', i);
            if (open < 0) break;
            int close = blockEnd(text, open);
            String selectors = text.substring(i, open).strip();
            String body = text.substring(open + 1, close).strip().replaceAll("\\s*\n\\s*", " ");
            if (!selectors.startsWith("@") && isGraph(selectors)) kept.append(selectors).append(" { ").append(body).append(" }\n");
            i = close + 1;
        }
        return kept.toString();
    }

    /** The index of the brace closing the one at {@code open}, so a whole at-rule block is stepped over. */
    private static int blockEnd(String text, int open) {
        int depth = 0;
        for (int j = open; j < text.length(); j++) {
            char c = text.charAt(j);
            if (c == '{') depth++;
            else if (c == '}' && --depth == 0) return j;
        }
        return text.length() - 1;
    }

    private static boolean isGraph(String selectors) {
        for (String selector : selectors.split(",")) {
            String s = selector.strip();
            if (GRAPH.stream().noneMatch(s::startsWith)) return false;
        }
        return true;
    }
}
