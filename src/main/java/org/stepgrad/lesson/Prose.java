package org.stepgrad.lesson;

import java.util.ArrayList;
import java.util.List;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.BulletList;
import org.commonmark.node.Code;
import org.commonmark.node.Emphasis;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Link;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.Text;
import org.commonmark.node.ThematicBreak;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * An author's Markdown as plain data: blocks of spans of text with their emphasis, so templates
 * print it with th:text and scripts with textContent, and no author's HTML ever reaches a page.
 * The {@link #html} form (raw HTML escaped, unsafe links dropped) is for API readers.
 */
public record Prose(List<Block> blocks, String html, String plain) {
    private static final Parser MARKDOWN = Parser.builder().build();
    private static final HtmlRenderer HTML = HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true).build();

    public static final Prose EMPTY = new Prose(List.of(), "", "");

    public Prose {
        blocks = List.copyOf(blocks);
    }

    /** One paragraph, heading, list or code block; a paragraph has one item, a list one per entry. */
    public record Block(String kind, List<List<Span>> items) {
        public Block {
            items = items.stream().map(List::copyOf).toList();
        }
    }

    /** A run of text with one style; {@code href} is set for a link (http, https, mailto or a path on this site). */
    public record Span(String text, boolean strong, boolean em, boolean code, String href) {
        /** The CSS classes a template puts on the span. */
        public String classes() {
            StringBuilder c = new StringBuilder();
            if (strong) c.append("strong ");
            if (em) c.append("em ");
            return c.toString().trim();
        }
    }

    public boolean isEmpty() {
        return blocks.isEmpty();
    }

    public static Prose of(String markdown) {
        if (markdown == null || markdown.isBlank()) return EMPTY;
        Node document = MARKDOWN.parse(markdown);
        List<Block> blocks = new ArrayList<>();
        for (Node child = document.getFirstChild(); child != null; child = child.getNext()) block(child, blocks);
        StringBuilder plain = new StringBuilder();
        for (Block b : blocks) {
            for (List<Span> item : b.items()) {
                if (!plain.isEmpty()) plain.append('\n');
                for (Span s : item) plain.append(s.text());
            }
        }
        return new Prose(blocks, HTML.render(document), plain.toString());
    }

    private static void block(Node node, List<Block> out) {
        if (node instanceof Paragraph) {
            out.add(new Block("p", List.of(spans(node))));
        } else if (node instanceof Heading) {
            out.add(new Block("h", List.of(spans(node))));
        } else if (node instanceof BulletList || node instanceof OrderedList) {
            List<List<Span>> items = new ArrayList<>();
            for (Node item = node.getFirstChild(); item != null; item = item.getNext()) {
                if (!(item instanceof ListItem)) continue;
                List<Span> spans = new ArrayList<>();
                for (Node part = item.getFirstChild(); part != null; part = part.getNext()) {
                    if (!spans.isEmpty()) spans.add(new Span(" ", false, false, false, null));
                    spans.addAll(spans(part));
                }
                items.add(spans);
            }
            out.add(new Block(node instanceof OrderedList ? "ol" : "ul", items));
        } else if (node instanceof FencedCodeBlock code) {
            out.add(new Block("pre", List.of(List.of(new Span(stripEnd(code.getLiteral()), false, false, true, null)))));
        } else if (node instanceof IndentedCodeBlock code) {
            out.add(new Block("pre", List.of(List.of(new Span(stripEnd(code.getLiteral()), false, false, true, null)))));
        } else if (node instanceof BlockQuote) {
            for (Node child = node.getFirstChild(); child != null; child = child.getNext()) block(child, out);
        } else if (node instanceof HtmlBlock html) {
            // raw HTML is shown as the text it is, never interpreted
            out.add(new Block("p", List.of(List.of(new Span(stripEnd(html.getLiteral()), false, false, false, null)))));
        } else if (!(node instanceof ThematicBreak)) {
            out.add(new Block("p", List.of(spans(node))));
        }
    }

    private static List<Span> spans(Node node) {
        List<Span> out = new ArrayList<>();
        inline(node, false, false, null, out);
        return merge(out);
    }

    private static void inline(Node node, boolean strong, boolean em, String href, List<Span> out) {
        for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
            if (child instanceof Text text) {
                out.add(new Span(text.getLiteral(), strong, em, false, href));
            } else if (child instanceof Code code) {
                out.add(new Span(code.getLiteral(), strong, em, true, href));
            } else if (child instanceof SoftLineBreak || child instanceof HardLineBreak) {
                out.add(new Span(" ", strong, em, false, href));
            } else if (child instanceof HtmlInline html) {
                out.add(new Span(html.getLiteral(), strong, em, false, href));
            } else if (child instanceof StrongEmphasis) {
                inline(child, true, em, href, out);
            } else if (child instanceof Emphasis) {
                inline(child, strong, true, href, out);
            } else if (child instanceof Link link) {
                inline(child, strong, em, safe(link.getDestination()), out);
            } else {
                inline(child, strong, em, href, out);
            }
        }
    }

    /** Joins neighbouring spans of the same style, so "a", " ", "b" print as one. */
    private static List<Span> merge(List<Span> spans) {
        List<Span> out = new ArrayList<>();
        for (Span s : spans) {
            if (!out.isEmpty()) {
                Span last = out.get(out.size() - 1);
                if (last.strong() == s.strong() && last.em() == s.em() && last.code() == s.code()
                        && java.util.Objects.equals(last.href(), s.href())) {
                    out.set(out.size() - 1, new Span(last.text() + s.text(), s.strong(), s.em(), s.code(), s.href()));
                    continue;
                }
            }
            out.add(s);
        }
        return out;
    }

    /** A link target that cannot run script: http(s), mailto, or a path on this site. */
    static String safe(String destination) {
        if (destination == null) return null;
        String d = destination.trim();
        String lower = d.toLowerCase(java.util.Locale.ROOT);
        if (lower.startsWith("https://") || lower.startsWith("http://") || lower.startsWith("mailto:")) return d;
        if (d.startsWith("/") && !d.startsWith("//")) return d;
        if (d.startsWith("#")) return d;
        return null;
    }

    private static String stripEnd(String s) {
        return s.replaceAll("\\s+$", "");
    }
}
