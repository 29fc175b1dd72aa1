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
import org.commonmark.node.Image;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Link;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.SourceSpan;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.Text;
import org.commonmark.node.ThematicBreak;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * An author's Markdown as plain data: blocks of spans of text with their emphasis, so templates
 * print it with th:text and scripts with textContent, and no author's HTML ever reaches a page.
 * The {@link #html} form (raw HTML escaped) is for API readers. Both forms come from one tree
 * whose links and images {@link LinkPolicy} has already filtered, so they keep the same links.
 */
public record Prose(List<Block> blocks, String html, String plain) {
    private static final Parser MARKDOWN = Parser.builder().includeSourceSpans(IncludeSourceSpans.BLOCKS_AND_INLINES).build();
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

    /** Where an author's Markdown cannot be read safely: 1-based line and column in the text, and a sentence. */
    public record Fault(int line, int column, String message) {
    }

    /** The prose, or the fault that kept it from being parsed. */
    public record Parsed(Prose prose, Fault fault) {
    }

    /** Markdown that is known to be within the limits, such as the loader's own prompts. */
    public static Prose of(String markdown) {
        Parsed parsed = parse(markdown);
        if (parsed.fault() != null) throw new IllegalArgumentException(parsed.fault().message());
        return parsed.prose();
    }

    /** An author's Markdown, its nesting bounded before the Markdown library sees it. */
    public static Parsed parse(String markdown) {
        if (markdown == null || markdown.isBlank()) return new Parsed(EMPTY, null);
        Fault fault = MarkdownLimits.scan(markdown);
        if (fault != null) return new Parsed(null, fault);
        Node document = MARKDOWN.parse(markdown);
        Node deep = MarkdownLimits.tooDeep(document);
        if (deep != null) {
            List<SourceSpan> at = deep.getSourceSpans();
            int line = at.isEmpty() ? 1 : at.get(0).getLineIndex() + 1;
            int column = at.isEmpty() ? 1 : at.get(0).getColumnIndex() + 1;
            return new Parsed(null, new Fault(line, column, "the Markdown nests more than " + MarkdownLimits.MAX_DEPTH
                    + " levels deep here (block quotes, lists, emphasis and links inside one another); nest fewer"));
        }
        filterLinks(document);
        return new Parsed(render(document), null);
    }

    private static Prose render(Node document) {
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
                inline(child, strong, em, LinkPolicy.link(link.getDestination()), out);
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

    /**
     * Applies the link policy to the tree both forms are made from: a dropped link or image leaves its
     * text in its place. Walked without recursion; the tree's depth is already bounded, its length is not.
     */
    private static void filterLinks(Node document) {
        List<Node> dropped = new ArrayList<>();
        java.util.ArrayDeque<Node> stack = new java.util.ArrayDeque<>();
        stack.push(document);
        while (!stack.isEmpty()) {
            Node node = stack.pop();
            if (node instanceof Link link) {
                String kept = LinkPolicy.link(link.getDestination());
                if (kept == null) dropped.add(link);
                else link.setDestination(kept);
            } else if (node instanceof Image image) {
                String kept = LinkPolicy.image(image.getDestination());
                if (kept == null) dropped.add(image);
                else image.setDestination(kept);
            }
            for (Node child = node.getFirstChild(); child != null; child = child.getNext()) stack.push(child);
        }
        for (Node node : dropped) {
            for (Node child = node.getFirstChild(); child != null; ) {
                Node next = child.getNext();
                node.insertBefore(child);
                child = next;
            }
            node.unlink();
        }
    }

    private static String stripEnd(String s) {
        return s.replaceAll("\\s+$", "");
    }
}
