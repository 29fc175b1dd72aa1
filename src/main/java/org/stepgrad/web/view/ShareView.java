package org.stepgrad.web.view;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The Share dialog of a page at a step: each thing a teacher copies (the link, the iframe snippet,
 * the presenter link, the graph file), ready to print at the current step, and with
 * {@value #STEP} where the step goes, so the page's script only puts the learner's step in.
 *
 * @param qr the QR code of the link at the current step; {@code qrAt} is its address with {@value #STEP}
 */
public record ShareView(List<Item> items, String qr, String qrAt) {
    /** What the script replaces with the step it is at. */
    public static final String STEP = "{step}";
    /** Fits a course page's column and shows a whole small graph (640×400, the size embeds are designed for). */
    static final int WIDTH = 640;
    static final int HEIGHT = 400;

    public ShareView {
        items = List.copyOf(items);
    }

    /** One copyable text: {@code id} names it for tests and scripts, {@code at} is {@code value} with {@value #STEP}. */
    public record Item(String id, String label, String value, String at, boolean multiline) {
    }

    /**
     * @param page  the page's absolute address with {@value #STEP} ("https://…/lessons/loss?step={step}")
     * @param embed the embed page's absolute address with {@value #STEP}
     * @param graph the graph file's absolute address with {@value #STEP}
     */
    public static ShareView of(String title, String page, String embed, String graph, int step) {
        String present = page + "&present=1";
        // no style attribute: the host page styles its frames, and a strict CSP there would drop it anyway
        String snippet = "<iframe src=\"" + attribute(embed) + "\" width=\"" + WIDTH + "\" height=\"" + HEIGHT + "\" title=\""
                + attribute(title) + "\" loading=\"lazy\" allow=\"fullscreen\"></iframe>\n"
                // where the host blocks frames (its CSP, an LMS that strips iframes) the learner still has a way in
                + "<p><a href=\"" + attribute(page) + "\" target=\"_blank\" rel=\"noopener\">Open “" + attribute(title)
                + "” in a new tab</a></p>";
        String qrAt = "/qr.svg?url=" + URLEncoder.encode(page, StandardCharsets.UTF_8).replace("%7Bstep%7D", STEP);
        return new ShareView(List.of(
                item("link", "Link at this step", page, step, false),
                item("embed", "Embed code (iframe)", snippet, step, true),
                item("present", "Presenter link", present, step, false),
                item("graph", "The graph as an SVG file", graph, step, false)), at(qrAt, step), qrAt);
    }

    /** The page's link at the step the page was drawn at. */
    public String link() {
        return items.get(0).value();
    }

    /** The page's link with {@value #STEP}: where an embed's "open in Stepgrad" link goes at each step. */
    public String linkAt() {
        return items.get(0).at();
    }

    private static Item item(String id, String label, String at, int step, boolean multiline) {
        return new Item(id, label, at(at, step), at, multiline);
    }

    private static String at(String template, int step) {
        return template.replace(STEP, Integer.toString(step));
    }

    /** Escapes for a double-quoted HTML attribute (and so for text too): the snippet is pasted into someone else's page. */
    static String attribute(String s) {
        return s.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;").replace(">", "&gt;").replace("'", "&#39;");
    }
}
