package org.stepgrad.web;

import org.stepgrad.web.http.Assets;
import org.stepgrad.web.view.GraphViews;
import org.stepgrad.web.view.PlaygroundView;
import org.stepgrad.replay.Replay;
import org.stepgrad.web.view.StepperView;
import org.stepgrad.web.view.StepperViews;
import org.stepgrad.web.pages.Templates;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.stepgrad.engine.Graph;
import org.stepgrad.engine.Op;
import org.stepgrad.layout.LayoutCache;
import org.stepgrad.support.TestServer;

/** The server-rendered pages, as a browser without JavaScript gets them. */
class PlaygroundPageTest {
    static final String CIRCUIT = "x = -2\ny = 5\nz = -4\nq = x + y\nf = q * z";
    static final TestServer server = TestServer.start();

    @AfterAll
    static void stop() {
        server.stop();
    }

    static String playground(String source, String rest) {
        return "/playground?source=" + URLEncoder.encode(source, StandardCharsets.UTF_8) + rest;
    }

    /** The text of a node's value or grad element, as rendered. */
    static String nodeText(String html, String name, String cls) {
        Matcher m = Pattern.compile("data-node-name=\"" + name + "\".*?<text[^>]*class=\"" + cls + "[^\"]*\"[^>]*>([^<]*)</text>",
                Pattern.DOTALL).matcher(html);
        assertTrue(m.find(), "node " + name + " has a " + cls + " text");
        return m.group(1);
    }

    @Test
    void the_page_shows_the_step_in_the_url_without_script() {
        HttpResponse<String> page = server.get(playground(CIRCUIT, "&step=3"));
        assertEquals(200, page.statusCode());
        String html = page.body();
        assertEquals("= 3", nodeText(html, "q", "value"));
        assertEquals("grad 3", nodeText(html, "z", "grad"));
        assertEquals("grad -4", nodeText(html, "q", "grad"));
        assertEquals("", nodeText(html, "x", "grad"), "x's gradient comes at step 4");
        assertTrue(html.contains("Step 3 of 4 · backward pass"));
        assertTrue(html.contains("∂f/∂z += ∂f/∂f · ∂f/∂z = 1·3 → 3"));
        assertTrue(html.contains("data-step=\"3\""));
        assertTrue(html.contains("&amp;step=4\" title=\"Step forward"), "forward is a real link to step 4");
        assertTrue(html.contains("&amp;step=2\" title=\"Step back"), "back is a real link to step 2");
    }

    @Test
    void step_zero_shows_only_the_inputs() {
        String html = server.get(playground(CIRCUIT, "")).body();
        assertEquals("= -2", nodeText(html, "x", "value"));
        assertEquals("", nodeText(html, "q", "value"));
        assertEquals("", nodeText(html, "f", "value"));
        assertTrue(html.contains("The inputs are set: x = -2, y = 5, z = -4."));
    }

    @Test
    void a_step_beyond_the_end_shows_the_end_and_a_mangled_one_the_start() {
        assertTrue(server.get(playground(CIRCUIT, "&step=99")).body().contains("Step 4 of 4"));
        assertTrue(server.get(playground(CIRCUIT, "&step=abc")).body().contains("Step 0 of 4"));
    }

    @Test
    void a_fault_that_echoes_input_is_escaped_and_keeps_the_last_graph() {
        String hostile = "x = 1\ny = </textarea><script>alert(1)</script>";
        HttpResponse<String> page = server.get(playground(hostile, "&last=" + URLEncoder.encode(CIRCUIT, StandardCharsets.UTF_8)));
        assertEquals(400, page.statusCode(), "a program with a fault is refused, on a page that says why");
        String html = page.body();
        assertFalse(html.contains("<script>alert"), "no markup from the program reaches the page");
        assertTrue(html.contains("&lt;/textarea&gt;&lt;script&gt;alert(1)&lt;/script&gt;"));
        assertTrue(html.contains("class=\"caret\">    ^</code>"), "the caret sits under column 5");
        assertTrue(html.contains("Line 2, column 5"));
        assertTrue(html.contains("data-node-name=\"q\""), "the last good graph stays");
        assertTrue(html.contains("<p class=\"stale-marker\" role=\"status\">Out of date"), "and is marked out of date");
    }

    @Test
    void a_program_that_runs_is_linked_alone_without_the_last_one() {
        HttpResponse<String> r = server.get(playground("a = 3\nf = a * a", "&last=" + URLEncoder.encode(CIRCUIT, StandardCharsets.UTF_8) + "&step=2"));
        assertEquals(303, r.statusCode());
        String to = r.headers().firstValue("Location").orElse("");
        assertFalse(to.contains("last="), to);
        assertTrue(to.startsWith("/playground?source=") && to.endsWith("&step=2"), to);
        HttpResponse<String> page = server.get(to);
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("<p class=\"stale-marker\" role=\"status\" hidden=\"hidden\">"), "a graph of the editor's text is not marked");
    }

    @Test
    void hostile_names_and_labels_are_text_in_svg_and_attributes() {
        Graph g = new Graph();
        int a = g.input("a\"><script>alert(1)</script>", 2);
        int b = g.apply(Op.NEG, "</text><img src=x onerror=alert(2)>", a);
        Replay replay = new Replay(g.backward(b));
        StepperView view = new StepperViews(new GraphViews(new LayoutCache(1000))).at(replay, 2, java.util.Set.of(),
                new StepperViews.Host("/r?x=\"'<", "/v?x=\"'<", s -> "/p?step=" + s + "&q=<\"'>", "/p",
                        List.of(new StepperView.Field("source", "\"><b>")), "x = 1 # \"><b>"), List.of());
        String html = new Templates().render("embed", Map.of("page",
                new PlaygroundView(Assets.load(), "", "", List.of(), null, view, null, "")));
        assertFalse(html.contains("<script>alert"));
        assertFalse(html.contains("<img"));
        assertFalse(html.contains("\"><b>"));
        assertTrue(html.contains("data-node-name=\"a&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;\""));
        assertTrue(html.contains("&lt;/text&gt;&lt;img src=x onerror=alert(2)&gt;"));
    }

    @Test
    void assets_are_fingerprinted_and_cached_for_a_year() {
        String html = server.get("/playground").body();
        Matcher css = Pattern.compile("href=\"(/static/[0-9a-f]{12}/stepgrad.css)\"").matcher(html);
        assertTrue(css.find());
        HttpResponse<String> asset = server.get(css.group(1));
        assertEquals(200, asset.statusCode());
        assertTrue(asset.headers().firstValue("Cache-Control").orElse("").contains("max-age=31536000"));
        Matcher js = Pattern.compile("src=\"(/static/[0-9a-f]{12}/stepper.js)\"").matcher(html);
        assertTrue(js.find());
        assertTrue(server.get(js.group(1)).headers().firstValue("Content-Type").orElse("").contains("javascript"));
    }

    @Test
    void pages_carry_a_content_etag_and_answer_304() {
        HttpResponse<String> first = server.get("/playground");
        String etag = first.headers().firstValue("ETag").orElseThrow();
        HttpResponse<String> again = server.send(HttpRequest.newBuilder(URI.create(server.url("/playground")))
                .header("If-None-Match", etag).GET());
        assertEquals(304, again.statusCode());
        assertTrue(first.headers().firstValue("Content-Security-Policy").orElse("").contains("script-src 'self'"));
        assertFalse(first.body().contains("style=\""), "no inline style attributes under the CSP");
        assertFalse(Pattern.compile("<script(?![^>]*\\ssrc=)").matcher(first.body()).find(), "no inline scripts");
    }

    @Test
    void the_replay_json_holds_the_texts_and_faults_are_400_with_a_place() {
        HttpResponse<String> ok = server.get("/api/replay?source=" + URLEncoder.encode(CIRCUIT, StandardCharsets.UTF_8));
        assertEquals(200, ok.statusCode());
        assertTrue(ok.body().contains("\"stepCount\":4") && ok.body().contains("\"grad -4\",\"grad neg\""), ok.body());
        HttpResponse<String> bad = server.get("/api/replay?source=" + URLEncoder.encode("x = (", StandardCharsets.UTF_8));
        assertEquals(400, bad.statusCode());
        assertTrue(bad.body().contains("\"line\":1"));
    }

    @Test
    void the_embed_can_be_framed_anywhere_and_the_index_links_the_playground() {
        HttpResponse<String> embed = server.get("/embed/playground?source=" + URLEncoder.encode(CIRCUIT, StandardCharsets.UTF_8));
        assertEquals(200, embed.statusCode());
        assertTrue(embed.headers().firstValue("Content-Security-Policy").orElse("").endsWith("frame-ancestors *"));
        assertTrue(embed.body().contains("class=\"stepper\""));
        assertTrue(server.get("/").body().contains("href=\"/playground\""));
    }

    @Test
    void a_chain_that_reads_one_input_at_every_step_is_drawn_in_groups() {
        // x feeds each of 300 chained steps: as one layout, ~45,000 bends and many seconds of ELK
        StringBuilder chain = new StringBuilder("x = 1.001\na0 = x * x\n");
        for (int i = 1; i < 300; i++) chain.append("a").append(i).append(" = a").append(i - 1).append(" * x\n");
        HttpResponse<String> page = server.get(playground(chain.toString(), "&step=150"));
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("class=\"group shut\""), "the chain is drawn as shut series");
        assertTrue(page.body().contains("aria-current=\"step\""), "with the step's node drawn");
        assertTrue(page.body().split("data-node-id=").length - 1 <= 60, "and few boxes");
    }
}
