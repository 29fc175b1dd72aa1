package org.stepgrad.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The one link policy, read from both forms of the prose: the page's spans and the API's HTML. */
class LinkPolicyTest {
    private static final List<String> KEPT = List.of(
            "https://en.wikipedia.org/wiki/Backpropagation", "http://example.org/a?b=c#d", "HTTPS://EXAMPLE.ORG/",
            "mailto:teacher@example.org", "/lessons/chain-rule?step=4", "/", "chain-rule", "../x", "#top", "?step=3");
    private static final List<String> DROPPED = List.of(
            "/\\evil.example/x", "\\\\evil.example/x", "//evil.example/x", "///evil.example/x", "/\t/evil.example",
            "data:text/html,<script>alert(1)</script>", "javascript:alert(1)", "JaVaScRiPt:alert(1)", "vbscript:x",
            "file:///etc/passwd", "http:evil.example", "https:/evil.example", "mailto:", "ftp://example.org/");

    /** Every href in the HTML form, unescaped. */
    private static List<String> hrefs(String html, String attribute) {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile(attribute + "=\"([^\"]*)\"").matcher(html);
        while (m.find()) out.add(m.group(1).replace("&amp;", "&"));
        return out;
    }

    private static List<String> spanHrefs(Prose p) {
        List<String> out = new ArrayList<>();
        for (Prose.Block b : p.blocks()) for (List<Prose.Span> item : b.items()) for (Prose.Span s : item) if (s.href() != null) out.add(s.href());
        return out;
    }

    @Test
    void links_to_the_web_mail_and_this_site_are_kept_in_both_forms() {
        for (String url : KEPT) {
            assertEquals(url, LinkPolicy.link(url), url);
            Prose p = Prose.of("see [the page](" + url.replace(" ", "%20") + ") now");
            assertEquals(List.of(url), spanHrefs(p), url);
            assertEquals(List.of(url), hrefs(p.html(), "href"), p.html());
        }
    }

    @Test
    void links_a_browser_could_read_as_another_host_or_as_script_are_dropped_from_both_forms_leaving_their_text() {
        for (String url : DROPPED) {
            assertNull(LinkPolicy.link(url), url);
            Prose p = Prose.of("see [the page](<" + url.replace("<", "%3C").replace(">", "%3E") + ">) now");
            assertEquals(List.of(), spanHrefs(p), url);
            assertEquals(List.of(), hrefs(p.html(), "href"), url + " → " + p.html());
            assertTrue(p.plain().contains("the page"), "its text stays");
        }
    }

    @Test
    void the_reviewers_backslash_link_is_dropped() {
        Prose p = Prose.of("[a](/\\evil.example/x)");
        assertFalse(p.html().contains("href"), p.html());
        assertEquals(List.of(), spanHrefs(p));
    }

    @Test
    void entity_and_autolink_spellings_of_a_script_link_are_dropped() {
        for (String md : List.of("[a](javascript&#58;alert(1))", "[a](&#x2F;&#x5C;evil.example)", "<javascript:alert(1)>",
                "[a][r]\n\n[r]: //evil.example/x")) {
            Prose p = Prose.of(md);
            assertFalse(p.html().contains("href"), md + " → " + p.html());
        }
        Prose mail = Prose.of("<teacher@example.org>");
        assertEquals(List.of("mailto:teacher@example.org"), hrefs(mail.html(), "href"));
    }

    @Test
    void images_are_kept_only_from_this_site() {
        Prose local = Prose.of("![the graph](/static/graph.svg)");
        assertEquals(List.of("/static/graph.svg"), hrefs(local.html(), "src"));
        for (String url : List.of("https://tracker.example/pixel.png", "//evil.example/x.png", "data:image/png;base64,AAAA",
                "/\\evil.example/x.png")) {
            Prose p = Prose.of("before ![alt text](" + url + ") after");
            assertFalse(p.html().contains("<img"), url + " → " + p.html());
            assertTrue(p.html().contains("alt text"), "the alt text stays as text: " + p.html());
        }
    }

    @Test
    void raw_html_is_text_in_both_forms() {
        Prose p = Prose.of("<img src=x onerror=alert(1)> and <a href=\"//evil\">x</a>\n\n<script>alert(1)</script>");
        assertFalse(p.html().contains("<img"), p.html());
        assertFalse(p.html().contains("<a "), p.html());
        assertFalse(p.html().contains("<script"), p.html());
        assertTrue(p.plain().contains("<script>"), "shown as text");
    }
}
