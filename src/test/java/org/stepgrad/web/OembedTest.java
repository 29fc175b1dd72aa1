package org.stepgrad.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.stepgrad.support.TestServer;

/** Blogs and LMSs embed a lesson by pasting its link: /oembed answers with an iframe. */
class OembedTest {
    static final TestServer server = TestServer.start(new org.stepgrad.web.Settings(null, "https://stepgrad.example"));
    static final ObjectMapper JSON = new ObjectMapper();

    @AfterAll
    static void stop() {
        server.stop();
    }

    static HttpResponse<String> oembed(String url, String rest) {
        return server.get("/oembed?url=" + URLEncoder.encode(url, StandardCharsets.UTF_8) + rest);
    }

    @Test
    void a_lesson_link_at_a_step_becomes_an_iframe_of_its_embed_page() throws Exception {
        HttpResponse<String> r = oembed("https://stepgrad.example/lessons/chain-rule?step=5", "");
        assertEquals(200, r.statusCode());
        JsonNode o = JSON.readTree(r.body());
        assertEquals("1.0", o.get("version").asText());
        assertEquals("rich", o.get("type").asText());
        assertEquals("The chain rule on a graph", o.get("title").asText());
        assertTrue(o.get("html").asText().startsWith("<iframe src=\"https://stepgrad.example/embed/chain-rule?step=5\""),
                o.get("html").asText());
        assertEquals(800, o.get("width").asInt());
    }

    @Test
    void the_iframe_opens_a_page_that_other_sites_may_frame() {
        HttpResponse<String> embed = server.get("/embed/chain-rule?step=5");
        assertEquals(200, embed.statusCode());
        assertTrue(embed.headers().firstValue("Content-Security-Policy").orElse("").contains("frame-ancestors *"));
    }

    @Test
    void maxwidth_and_maxheight_shrink_the_frame() throws Exception {
        JsonNode o = JSON.readTree(oembed("https://stepgrad.example/lessons/loss", "&maxwidth=480&maxheight=360").body());
        assertEquals(480, o.get("width").asInt());
        assertEquals(360, o.get("height").asInt());
        assertTrue(o.get("html").asText().contains("width=\"480\" height=\"360\""));
    }

    @Test
    void a_playground_permalink_embeds_its_program() throws Exception {
        JsonNode o = JSON.readTree(oembed("https://stepgrad.example/playground?source=x%20%3D%202%0Ay%20%3D%20x*x&step=1", "").body());
        assertTrue(o.get("html").asText().contains("/embed/playground?source=x%20%3D%202%0Ay%20%3D%20x*x&amp;step=1"), o.get("html").asText());
    }

    @Test
    void quotes_in_a_link_cannot_break_out_of_the_iframe_attribute() throws Exception {
        HttpResponse<String> r = oembed("https://stepgrad.example/playground?source=%22%3E%3Cscript%3E&x=\"onload=\"alert(1)", "");
        String html = JSON.readTree(r.body()).path("html").asText("");
        assertFalse(html.contains("\"onload"), html);
        assertFalse(html.contains("<script"), html);
    }

    @Test
    void links_that_are_not_lessons_get_a_sentence() throws Exception {
        HttpResponse<String> unknown = oembed("https://stepgrad.example/lessons/no-such-lesson", "");
        assertEquals(404, unknown.statusCode());
        assertTrue(JSON.readTree(unknown.body()).get("error").asText().contains("no-such-lesson"));
        assertEquals(404, oembed("https://stepgrad.example/admin", "").statusCode());
        assertEquals(400, oembed("javascript:alert(1)", "").statusCode());
        assertEquals(400, server.get("/oembed").statusCode());
        assertEquals(400, oembed("https://stepgrad.example/lessons/loss", "&maxwidth=wide").statusCode());
        assertEquals(501, oembed("https://stepgrad.example/lessons/loss", "&format=xml").statusCode());
    }

    /** The discovery link's href as a consumer reads it from the page, made a path on the test server. */
    static String discovered(String page) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(
                "<link rel=\"alternate\" type=\"application/json\\+oembed\" href=\"([^\"]+)\"").matcher(page);
        assertTrue(m.find(), "no oEmbed discovery link in the page");
        String href = m.group(1).replace("&amp;", "&");
        assertTrue(href.startsWith("https://stepgrad.example/oembed?"), href);
        return href.substring("https://stepgrad.example".length());
    }

    @Test
    void a_lesson_page_tells_oembed_consumers_where_its_embed_is() throws Exception {
        String href = discovered(server.get("/lessons/chain-rule?step=3").body());
        HttpResponse<String> r = server.get(href);
        assertEquals(200, r.statusCode(), r.body());
        JsonNode o = JSON.readTree(r.body());
        assertEquals("The chain rule on a graph", o.get("title").asText());
        assertTrue(o.get("html").asText().contains("/embed/chain-rule?step=3"), o.get("html").asText());
    }

    @Test
    void a_playground_page_tells_oembed_consumers_where_its_embed_is() throws Exception {
        String href = discovered(server.get("/playground?source=x%20%3D%203%0Ay%20%3D%20x*x&step=1").body());
        JsonNode o = JSON.readTree(server.get(href).body());
        assertTrue(o.get("html").asText().contains("/embed/playground?source=x%20%3D%203%0Ay%20%3D%20x*x&amp;step=1"), o.get("html").asText());
        assertTrue(o.get("thumbnail_url").asText().endsWith("/playground/graph.svg?source=x%20%3D%203%0Ay%20%3D%20x*x&step=1"),
                o.get("thumbnail_url").asText());
    }

    @Test
    void embeds_carry_no_discovery_link() {
        assertFalse(server.get("/embed/chain-rule?step=3").body().contains("json+oembed"));
    }

    @Test
    void the_thumbnail_is_the_graph_at_that_step_as_an_image() throws Exception {
        JsonNode o = JSON.readTree(oembed("https://stepgrad.example/lessons/chain-rule?step=5", "").body());
        String thumb = o.get("thumbnail_url").asText();
        assertEquals("https://stepgrad.example/lessons/chain-rule/graph.svg?step=5", thumb);
        HttpResponse<String> image = server.get(thumb.substring("https://stepgrad.example".length()));
        assertEquals(200, image.statusCode());
        assertTrue(image.headers().firstValue("Content-Type").orElse("").startsWith("image/svg+xml"));
        // the size given is the drawing's own: the root svg's width and height
        assertTrue(image.body().contains("width=\"" + o.get("thumbnail_width").asInt() + "\" height=\"" + o.get("thumbnail_height").asInt() + "\""),
                o.toString());
    }

    @Test
    void maxwidth_and_maxheight_shrink_the_thumbnail_keeping_its_shape() throws Exception {
        JsonNode full = JSON.readTree(oembed("https://stepgrad.example/lessons/chain-rule?step=5", "").body());
        JsonNode small = JSON.readTree(oembed("https://stepgrad.example/lessons/chain-rule?step=5", "&maxwidth=200&maxheight=300").body());
        assertEquals(200, small.get("width").asInt());
        assertTrue(small.get("thumbnail_width").asInt() <= 200, small.toString());
        assertTrue(small.get("thumbnail_height").asInt() <= 300, small.toString());
        double shape = full.get("thumbnail_width").asDouble() / full.get("thumbnail_height").asDouble();
        assertEquals(shape, small.get("thumbnail_width").asDouble() / small.get("thumbnail_height").asDouble(), 0.05);
    }

    @Test
    void a_step_past_the_end_gives_the_last_steps_thumbnail_which_answers() throws Exception {
        String thumb = JSON.readTree(oembed("https://stepgrad.example/lessons/chain-rule?step=9999", "").body()).get("thumbnail_url").asText();
        assertEquals(200, server.get(thumb.substring("https://stepgrad.example".length())).statusCode(), thumb);
    }
}
