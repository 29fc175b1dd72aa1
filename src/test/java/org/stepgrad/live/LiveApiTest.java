package org.stepgrad.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** The live API's contract on one instance with sessions in memory, through a real HTTP client. */
class LiveApiTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    static LiveInstance app = LiveInstance.memory();

    @AfterAll
    static void stop() {
        app.stop();
    }

    /** The page step of the lesson's checkpoint i, read from the lesson API, not from the live code. */
    static int checkpointStep(String lesson, int i) {
        return LiveInstance.parse(app.get("/api/lessons/" + lesson).body()).get("checkpoints").get(i).get("step").asInt();
    }

    @Test
    void going_live_on_a_lesson_answers_a_code_links_and_a_long_key() {
        JsonNode s = app.lesson("chain-rule");
        String code = s.get("code").asText();
        assertTrue(code.matches("[ACDEFGHJKMNPQRTUVWXY3467]{6}"), code);
        assertEquals(app.url("/join/" + code), s.get("join").asText());
        String present = s.get("present").asText();
        assertTrue(present.startsWith(app.url("/lessons/chain-rule?live=" + code + "#key=")), present);
        String key = s.get("key").asText();
        assertTrue(Base64.getUrlDecoder().decode(key).length >= 16, "at least 128 random bits");
        assertTrue(present.endsWith("#key=" + key));
        assertNotEquals(key, app.lesson("chain-rule").get("key").asText());
    }

    @Test
    void going_live_on_a_program_and_refusing_bad_bodies_with_a_sentence() {
        HttpResponse<String> ok = app.post("/api/sessions", LiveInstance.json(Map.of("source", "x = 2\ny = x * x")));
        assertEquals(201, ok.statusCode(), ok.body());
        assertTrue(LiveInstance.parse(ok.body()).get("present").asText().contains("/playground?source=x+%3D+2"));
        for (String[] bad : new String[][] {
                {"not json", "400"}, {"[1]", "400"}, {"{}", "400"}, {"{\"lesson\": 3}", "400"},
                {"{\"lesson\": \"chain-rule\", \"source\": \"x = 1\"}", "400"},
                {"{\"lesson\": \"no-such-lesson\"}", "404"}, {"{\"source\": \"x = = 1\"}", "400"}}) {
            HttpResponse<String> r = app.post("/api/sessions", bad[0]);
            assertEquals(Integer.parseInt(bad[1]), r.statusCode(), bad[0] + " → " + r.body());
            assertFalse(LiveInstance.parse(r.body()).get("error").asText().isBlank());
        }
    }

    @Test
    void the_first_event_is_the_current_state_and_each_step_follows_in_order() {
        JsonNode s = app.lesson("chain-rule");
        String code = s.get("code").asText();
        String key = s.get("key").asText();
        try (EventStream early = app.events(code)) {
            JsonNode first = LiveInstance.parse(early.next(WAIT).data());
            assertEquals(0, first.get("step").asInt());
            assertFalse(first.get("paused").asBoolean());
            assertTrue(first.has("checkpoint") && first.has("revealed") && first.has("students"));
            for (int step = 1; step <= 5; step++) assertEquals(204, app.step(code, key, step).statusCode());
            long lastVersion = 0;
            for (int step = 1; step <= 5; step++) {
                EventStream.Event e = early.next(WAIT);
                assertEquals("state", e.name());
                JsonNode state = LiveInstance.parse(e.data());
                assertEquals(step, state.get("step").asInt());
                assertTrue(Long.parseLong(e.id()) > lastVersion, "ids grow");
                lastVersion = Long.parseLong(e.id());
            }
            try (EventStream late = app.events(code)) {
                JsonNode now = LiveInstance.parse(late.next(WAIT).data());
                assertEquals(5, now.get("step").asInt(), "a late joiner starts at the teacher's step");
                assertEquals(2, now.get("students").asInt(), "both streams are counted");
            }
            // resuming with the newest id sends nothing old; the next change arrives
            try (EventStream resumed = EventStream.open(app.http, app.url("/api/sessions/" + code + "/events"), String.valueOf(lastVersion))) {
                assertEquals(200, resumed.status());
                assertEquals(204, app.step(code, key, 6).statusCode());
                assertEquals(6, LiveInstance.parse(resumed.next(WAIT).data()).get("step").asInt());
            }
        }
    }

    @Test
    void driving_without_the_key_or_with_a_wrong_one_is_refused() {
        JsonNode s = app.lesson("chain-rule");
        String code = s.get("code").asText();
        String key = s.get("key").asText();
        String path = "/api/sessions/" + code + "/state";
        HttpResponse<String> none = app.post(path, "{\"step\": 3}");
        assertEquals(403, none.statusCode());
        assertTrue(LiveInstance.parse(none.body()).get("error").asText().contains("presenter"));
        assertEquals(403, app.post(path, key.substring(1) + "x", "{\"step\": 3}").statusCode());
        assertEquals(403, app.post(path, "", "{\"step\": 3}").statusCode());
        assertEquals(403, app.send(HttpRequest.newBuilder(URI.create(app.url(path))).header("Authorization", "Basic " + key)
                .POST(HttpRequest.BodyPublishers.ofString("{\"step\": 3}"))).statusCode());
        assertEquals(403, app.get("/api/sessions/" + code + "/answers?checkpoint=0").statusCode());
        assertEquals(403, app.get("/api/sessions/" + code + "/answers?checkpoint=0", "wrong").statusCode());
        assertEquals(0, LiveInstance.parse(app.get("/api/sessions/" + code).body()).get("step").asInt(), "nothing moved");
        for (String bad : new String[] {"{\"step\": \"3\"}", "{\"step\": 1.5}", "{\"paused\": 1}", "{\"reveal\": \"all\"}", "{\"step\": -1}", "x"}) {
            HttpResponse<String> r = app.post(path, key, bad);
            assertEquals(400, r.statusCode(), bad + " → " + r.body());
        }
        assertEquals(204, app.post(path, key, "{\"step\": 99999}").statusCode());
        JsonNode state = LiveInstance.parse(app.get("/api/sessions/" + code).body());
        assertEquals(LiveInstance.parse(app.get("/api/lessons/chain-rule").body()).get("trace").get("steps").size(),
                state.get("step").asInt(), "a step past the end stops at the end");
    }

    @Test
    void an_unknown_code_is_a_404_with_a_sentence_on_every_route() {
        for (String code : new String[] {"AAAAAA", "nope", "%3Cscript%3E"}) {
            for (HttpResponse<String> r : new HttpResponse[] {
                    app.get("/api/sessions/" + code), app.get("/api/sessions/" + code + "/answers?checkpoint=0", "k"),
                    app.post("/api/sessions/" + code + "/state", "k", "{\"step\": 1}"),
                    app.answer(code, 0, "student-1", "3"), app.get("/api/sessions/" + code + "/qr.svg")}) {
                assertEquals(404, r.statusCode(), code + " " + r.uri());
                assertTrue(LiveInstance.parse(r.body()).get("error").asText().contains("no live session"), r.body());
            }
            try (EventStream stream = app.events(code)) {
                assertEquals(404, stream.status(), "no stream opens for an unknown code");
            }
            HttpResponse<String> page = app.get("/join/" + code);
            assertEquals(404, page.statusCode());
            assertFalse(page.body().contains("<script>"), "the typed code is escaped");
        }
    }

    @Test
    void answers_count_once_per_student_the_last_one_counts_and_the_histogram_groups_numbers() {
        JsonNode s = app.lesson("chain-rule");
        String code = s.get("code").asText();
        String key = s.get("key").asText();
        assertEquals(202, app.answer(code, 0, "student-aaaa", "4").statusCode());
        assertEquals(202, app.answer(code, 0, "student-aaaa", "-4").statusCode()); // changed their mind
        assertEquals(202, app.answer(code, 0, "student-bbbb", " -4.0 ").statusCode());
        assertEquals(202, app.answer(code, 0, "student-cccc", "<img src=x onerror=alert(1)>").statusCode());
        assertEquals(202, app.answer(code, 1, "student-aaaa", "4").statusCode());
        JsonNode tally = LiveInstance.parse(app.get("/api/sessions/" + code + "/answers?checkpoint=0", key).body());
        assertEquals(3, tally.get("count").asInt());
        assertEquals("-4", tally.get("correct").asText());
        assertEquals(2, tally.get("right").asInt());
        assertEquals("-4", tally.get("histogram").get(0).get("answer").asText());
        assertEquals(2, tally.get("histogram").get(0).get("count").asInt());
        assertEquals("<img src=x onerror=alert(1)>", tally.get("histogram").get(1).get("answer").asText(), "kept as text, escaped by JSON");
        assertEquals(1, LiveInstance.parse(app.get("/api/sessions/" + code + "/answers?checkpoint=1", key).body()).get("count").asInt());
        assertEquals(400, app.get("/api/sessions/" + code + "/answers?checkpoint=x", key).statusCode());
        assertEquals(400, app.get("/api/sessions/" + code + "/answers?checkpoint=9", key).statusCode());
    }

    @Test
    void bad_answers_are_refused_with_a_sentence_and_a_flood_is_rate_limited() {
        JsonNode s = app.lesson("chain-rule");
        String code = s.get("code").asText();
        assertEquals(400, app.answer(code, 0, "student-dddd", "x".repeat(201)).statusCode());
        assertEquals(202, app.answer(code, 0, "student-dddd", "é".repeat(200)).statusCode());
        assertEquals(400, app.answer(code, 0, "student-dddd", "   ").statusCode());
        assertEquals(400, app.answer(code, 7, "student-dddd", "3").statusCode());
        assertEquals(400, app.answer(code, 0, "bad id!", "3").statusCode());
        assertEquals(400, app.post("/api/sessions/" + code + "/answers", "{\"checkpoint\": \"0\", \"student\": \"student-dddd\", \"answer\": \"3\"}").statusCode());
        assertEquals(400, app.post("/api/sessions/" + code + "/answers", "{\"checkpoint\": 0, \"student\": \"student-dddd\", \"answer\": 3}").statusCode());
        int refused = 0;
        for (int i = 0; i < 20; i++) {
            HttpResponse<String> r = app.answer(code, 0, "student-eeee", String.valueOf(i));
            if (r.statusCode() == 429) {
                refused++;
                assertTrue(LiveInstance.parse(r.body()).get("error").asText().contains("wait"));
            } else {
                assertEquals(202, r.statusCode());
            }
        }
        assertTrue(refused >= 10, "20 answers at once from one student: most are refused, " + refused);
    }

    @Test
    void pausing_and_revealing_show_in_the_state_the_histogram_only_once_revealed() {
        JsonNode s = app.lesson("chain-rule");
        String code = s.get("code").asText();
        String key = s.get("key").asText();
        int at = checkpointStep("chain-rule", 0);
        assertEquals(204, app.step(code, key, at).statusCode());
        app.answer(code, 0, "student-ffff", "-4");
        try (EventStream student = app.events(code)) {
            JsonNode first = LiveInstance.parse(student.next(WAIT).data());
            assertEquals(0, first.get("checkpoint").asInt());
            assertFalse(first.has("histogram"), "hidden until the teacher reveals it");
            assertFalse(first.has("correct"));
            assertEquals(204, app.post("/api/sessions/" + code + "/state", key, "{\"paused\": true}").statusCode());
            assertTrue(LiveInstance.parse(student.next(WAIT).data()).get("paused").asBoolean());
            assertEquals(204, app.post("/api/sessions/" + code + "/state", key, "{\"reveal\": \"histogram\"}").statusCode());
            JsonNode shown = LiveInstance.parse(student.next(WAIT).data());
            assertTrue(shown.get("revealed").get("histogram").asBoolean());
            assertEquals(1, shown.get("count").asInt());
            assertEquals("-4", shown.get("histogram").get(0).get("answer").asText());
            assertFalse(shown.has("correct"), "the correct answer is revealed separately");
            assertEquals(204, app.post("/api/sessions/" + code + "/state", key, "{\"reveal\": \"answer\"}").statusCode());
            assertEquals("-4", LiveInstance.parse(student.next(WAIT).data()).get("correct").asText());
            assertEquals(204, app.step(code, key, at + 1).statusCode());
            JsonNode moved = LiveInstance.parse(student.next(WAIT).data());
            assertFalse(moved.get("revealed").get("histogram").asBoolean(), "another step hides the poll again");
            assertTrue(moved.get("paused").asBoolean(), "the pause stays until lifted");
        }
    }

    @Test
    void joining_by_code_lands_on_the_teachers_page_at_the_teachers_step() {
        JsonNode s = app.lesson("chain-rule");
        String code = s.get("code").asText();
        app.step(s.get("code").asText(), s.get("key").asText(), 4);
        for (String path : new String[] {"/join/" + code, "/join/" + code.toLowerCase(), "/join?code=" + code.substring(0, 3) + "-" + code.substring(3)}) {
            HttpResponse<String> r = app.get(path);
            assertEquals(303, r.statusCode(), path);
            assertEquals("/lessons/chain-rule?live=" + code + "&step=4", r.headers().firstValue("Location").orElseThrow());
        }
        HttpResponse<String> form = app.get("/join");
        assertEquals(200, form.statusCode());
        assertTrue(form.body().contains("name=\"code\""));
    }

    @Test
    void the_qr_code_is_an_svg_of_the_join_link() {
        String code = app.lesson("chain-rule").get("code").asText();
        HttpResponse<String> r = app.get("/api/sessions/" + code + "/qr.svg");
        assertEquals(200, r.statusCode());
        assertTrue(r.headers().firstValue("Content-Type").orElseThrow().startsWith("image/svg+xml"));
        assertTrue(r.body().startsWith("<svg") && r.body().contains("<path d=\"M"));
    }

    @Test
    void a_stream_without_the_event_stream_accept_header_is_told_what_to_ask() {
        String code = app.lesson("chain-rule").get("code").asText();
        HttpResponse<String> r = app.get("/api/sessions/" + code + "/events");
        assertEquals(406, r.statusCode());
        assertTrue(r.body().contains("text/event-stream"));
    }
}
