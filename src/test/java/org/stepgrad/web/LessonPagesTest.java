package org.stepgrad.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.stepgrad.support.TestServer;

/** The lesson pages over HTTP: every lesson renders, checkpoints are checked, nothing unsafe is printed. */
class LessonPagesTest {
    static final TestServer server = TestServer.start();
    static final ObjectMapper JSON = new ObjectMapper();

    @AfterAll
    static void stop() {
        server.stop();
    }

    static JsonNode json(String path) {
        HttpResponse<String> r = server.get(path);
        assertEquals(200, r.statusCode(), path + ": " + r.body());
        try {
            return JSON.readTree(r.body());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void every_lesson_is_an_html_page_with_its_title_and_a_strict_policy() {
        for (JsonNode l : json("/api/lessons")) {
            HttpResponse<String> r = server.get(l.get("url").asText());
            assertEquals(200, r.statusCode(), l.get("id").asText());
            assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
            String title = l.get("title").asText().replace("'", "&#39;");
            assertTrue(r.body().contains("<title>" + title + " · Stepgrad</title>"), l.get("id").asText());
            assertTrue(r.body().contains("<h1>" + title + "</h1>"));
            assertTrue(r.headers().firstValue("Content-Security-Policy").orElse("").contains("script-src 'self'"));
            assertNoInlineScriptOrStyle(r.body());
        }
    }

    @Test
    void an_unknown_lesson_is_a_404_page_that_does_not_echo_markup() {
        HttpResponse<String> r = server.get("/lessons/%3Cscript%3Ealert(1)");
        assertEquals(404, r.statusCode());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        assertTrue(r.body().contains("There is no lesson called"));
        assertFalse(r.body().contains("<script>alert"), r.body());
        assertTrue(r.body().contains("&lt;script&gt;"));
        assertEquals(404, server.get("/embed/no-such-lesson").statusCode());
    }

    @Test
    void a_checkpoint_step_hides_the_answer_until_it_is_checked() {
        JsonNode lesson = json("/api/lessons/chain-rule");
        JsonNode c = lesson.get("checkpoints").get(0);
        int step = c.get("step").asInt();
        String page = server.get("/lessons/chain-rule?step=" + step).body();
        assertTrue(page.contains("lesson-stage quizzing"));
        assertTrue(Pattern.compile("class=\"node [^\"]*quiz quiz-grad[^\"]*\"[^>]*data-node-name=\"" + c.get("node").asText() + "\"")
                .matcher(page).find(), "the asked node's gradient is hidden");
        assertFalse(page.contains(c.get("explanation").get("plain").asText().substring(0, 20)), "no explanation before an answer");

        JsonNode first = json("/api/lessons/chain-rule/checkpoints/0?answer=7");
        assertFalse(first.get("right").asBoolean());
        assertFalse(first.get("settled").asBoolean(), "a first wrong answer gets a second try");
        assertTrue(first.get("verdict").asText().startsWith("Not yet: 7 is the wrong sign."));
        assertFalse(first.has("answerText") || first.has("explanation"), "no answer before the second try");
        JsonNode wrong = json("/api/lessons/chain-rule/checkpoints/0?answer=7&try=2");
        assertTrue(wrong.get("settled").asBoolean());
        assertTrue(wrong.get("verdict").asText().startsWith("Not quite"));
        assertEquals("-4", wrong.get("answerText").asText());
        JsonNode word = json("/api/lessons/chain-rule/checkpoints/0?answer=abc&try=2");
        assertFalse(word.get("counted").asBoolean() || word.get("settled").asBoolean(), "a non-number is not a try");
        assertTrue(word.get("verdict").asText().contains("is not a number"));
        JsonNode shown = json("/api/lessons/chain-rule/checkpoints/0?reveal=1");
        assertTrue(shown.get("settled").asBoolean());
        assertEquals("The answer is -4.", shown.get("verdict").asText());
        JsonNode right = json("/api/lessons/chain-rule/checkpoints/0?answer=" + c.get("answerText").asText());
        assertTrue(right.get("right").asBoolean());
        assertFalse(right.get("explanation").get("plain").asText().isEmpty());
        assertTrue(json("/api/lessons/chain-rule/checkpoints/0?answer=%E2%88%924").get("right").asBoolean(), "a typographic minus");
        assertEquals(400, server.get("/api/lessons/chain-rule/checkpoints/0").statusCode());
        assertEquals(404, server.get("/api/lessons/chain-rule/checkpoints/9?answer=1").statusCode());
    }

    @Test
    void without_javascript_the_answer_form_comes_back_with_a_verdict() {
        JsonNode c = json("/api/lessons/chain-rule").get("checkpoints").get(0);
        int step = c.get("step").asInt();
        String wrong = server.get("/lessons/chain-rule?step=" + step + "&checkpoint=0&answer=%3Cb%3E7").body();
        assertTrue(wrong.contains("checkpoint not-number"));
        assertTrue(wrong.contains("is not a number, so it does not count"));
        assertFalse(wrong.contains("<b>7"));
        String right = server.get("/lessons/chain-rule?step=" + step + "&checkpoint=0&answer=" + c.get("answerText").asText()).body();
        assertTrue(right.contains("checkpoint right"));
        assertTrue(right.contains("Right: " + c.get("answerText").asText()));
    }

    @Test
    void author_notes_show_at_their_steps() {
        JsonNode n = json("/api/lessons/chain-rule").get("narration").get(0);
        String page = server.get("/lessons/chain-rule?step=" + n.get("step").asInt()).body();
        String first = n.get("text").get("plain").asText().substring(0, 15);
        assertTrue(page.contains(first));
        assertTrue(Pattern.compile("class=\"note add\" data-step=\"" + n.get("step").asInt() + "\">").matcher(page).find(),
                "the note for this step is not hidden");
    }

    @Test
    void the_curve_fitter_has_its_panel_and_the_url_can_hold_other_knobs() {
        String page = server.get("/lessons/curve-fitter").body();
        assertTrue(page.contains("class=\"fitter\""));
        assertEquals(6, count(page, "data-knob="));
        assertTrue(page.contains("class=\"run run-0 descent\""));
        assertTrue(page.contains("class=\"run run-1 random\""));
        assertFalse(server.get("/lessons/chain-rule").body().contains("class=\"fitter\""));

        String at = server.get("/lessons/curve-fitter?k=0,1,0,0,0,0&it=3").body();
        assertTrue(at.contains("iteration 3"));
        assertTrue(at.contains("/api/lessons/curve-fitter/replay?k=0,1,0,0,0,0"));
        assertEquals(200, server.get("/api/lessons/curve-fitter/replay?k=0,1,0,0,0,0").statusCode());
        assertEquals(200, server.get("/lessons/curve-fitter?k=nonsense").statusCode(), "a mangled permalink still opens");
        assertTrue(server.get("/lessons/training-loop").body().contains("class=\"fitter\""));
    }

    @Test
    void the_embed_may_be_framed_and_the_index_lists_the_course_in_order() {
        HttpResponse<String> embed = server.get("/embed/chain-rule?step=2");
        assertEquals(200, embed.statusCode());
        assertTrue(embed.headers().firstValue("Content-Security-Policy").orElse("").contains("frame-ancestors *"));
        assertFalse(embed.body().contains("class=\"checkpoint"), "an embed asks nothing");
        assertNoInlineScriptOrStyle(embed.body());

        String index = server.get("/").body();
        int last = -1;
        for (JsonNode l : json("/api/lessons")) {
            int at = index.indexOf("href=\"" + l.get("url").asText() + "\"");
            assertTrue(at > last, l.get("id").asText() + " in order");
            last = at;
        }
        assertTrue(index.contains("href=\"/playground\""));
        assertNoInlineScriptOrStyle(index);
    }

    static void assertNoInlineScriptOrStyle(String html) {
        assertFalse(Pattern.compile("<script(?![^>]*\\bsrc=)[^>]*>").matcher(html).find(), "no inline script");
        assertFalse(Pattern.compile("\\sstyle=").matcher(html).find(), "no style attributes");
        assertFalse(Pattern.compile("\\son[a-z]+=").matcher(html).find(), "no inline handlers");
    }

    static int count(String s, String part) {
        int n = 0;
        for (int i = s.indexOf(part); i >= 0; i = s.indexOf(part, i + 1)) n++;
        return n;
    }
}
