package org.stepgrad.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stepgrad.support.TestServer;

class LessonApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start();
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    private static JsonNode json(TestServer s, String path, int status) throws Exception {
        var response = s.get(path);
        assertEquals(status, response.statusCode(), response.body());
        return JSON.readTree(response.body());
    }

    @Test
    void the_course_is_listed_in_order_with_a_summary_each() throws Exception {
        JsonNode list = json(server, "/api/lessons", 200);
        assertTrue(list.size() >= 8);
        assertEquals("loss", list.get(0).get("id").asText());
        assertEquals("classifier", list.get(list.size() - 1).get("id").asText());
        for (JsonNode l : list) assertTrue(l.get("summary").asText().length() > 10);
    }

    @Test
    void every_lessons_trace_recomputes_from_its_own_nodes() throws Exception {
        for (JsonNode entry : json(server, "/api/lessons", 200)) {
            JsonNode lesson = json(server, "/api/lessons/" + entry.get("id").asText(), 200);
            TraceRecomputation.assertSelfConsistent(lesson.get("trace"));
            int steps = lesson.get("trace").get("steps").size();
            for (JsonNode c : lesson.get("checkpoints")) assertTrue(c.get("step").asInt() >= 1 && c.get("step").asInt() <= steps);
        }
    }

    @Test
    void a_training_lesson_carries_its_loss_per_iteration_and_parameters() throws Exception {
        JsonNode lesson = json(server, "/api/lessons/curve-fitter", 200);
        JsonNode training = lesson.get("training");
        assertEquals(4, training.size(), "gradient descent, random search, momentum, Adam");
        JsonNode gd = training.get(0);
        assertEquals(gd.get("iterations").asInt() + 1, gd.get("losses").size());
        assertEquals(gd.get("losses").size(), gd.get("params").size());
        assertEquals(6, gd.get("params").get(0).size());
        assertEquals(5, lesson.get("fit").get("degree").asInt());
    }

    @Test
    void the_graph_of_any_knob_setting_can_be_traced() throws Exception {
        JsonNode trace = json(server, "/api/lessons/curve-fitter/trace?k=0.1,0.2,0.3,0.4,0.5,0.6", 200);
        TraceRecomputation.assertSelfConsistent(trace);
    }

    @Test
    void bad_requests_are_answered_with_a_sentence() throws Exception {
        assertTrue(json(server, "/api/lessons/curve-fitter/fit?k=1,2", 400).get("error").asText().contains("6 numbers"));
        assertTrue(json(server, "/api/lessons/curve-fitter/fit?k=a,0,0,0,0,0", 400).get("error").asText().contains("not a number"));
        assertTrue(json(server, "/api/lessons/curve-fitter/fit?k=0,0,x,0,0,0", 400).get("error").asText()
                .startsWith("the value for k2 (number 3 in k) is not a number"), "names the knob");
        assertTrue(json(server, "/api/lessons/curve-fitter/fit?k=0,1e999,0,0,0,0", 400).get("error").asText().contains("k1"));
        assertTrue(json(server, "/api/lessons/curve-fitter/fit?steps=99999", 400).get("error").asText().contains("steps"));
        assertTrue(json(server, "/api/lessons/curve-fitter/fit?rate=-1", 400).get("error").asText().contains("rate"));
        json(server, "/api/lessons/no-such-lesson", 404);
        json(server, "/api/lessons/chain-rule/fit", 404);
    }

    @Test
    void a_broken_lesson_beside_good_ones_leaves_the_server_serving_them_and_edits_show_once_the_watcher_sees_them(@TempDir Path dir) throws Exception {
        Files.copy(Path.of("lessons/chain-rule.yaml"), dir.resolve("chain-rule.yaml"));
        Files.copy(Path.of("lessons/knobs.yaml"), dir.resolve("knobs.yaml"));
        Files.writeString(dir.resolve("broken.yaml"), "title: Broken\nsummary: y\nprogram: |\n  a = 2\n  b = a +\n");
        try (TestServer own = TestServer.start(new Settings(dir))) {
            JsonNode list = json(own, "/api/lessons", 200);
            List<String> ids = new ArrayList<>();
            list.forEach(l -> ids.add(l.get("id").asText()));
            assertEquals(List.of("knobs", "chain-rule"), ids);
            json(own, "/api/lessons/broken", 404);

            Path file = dir.resolve("chain-rule.yaml");
            Files.writeString(file, Files.readString(file).replace("title: The chain rule on a graph", "title: Chain rule, edited"));
            Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(5)));
            assertEquals("Chain rule, edited", titleOnceChanged(own, "chain-rule", "The chain rule on a graph"));

            Files.writeString(dir.resolve("broken.yaml"), "title: Fixed\nsummary: y\norder: 99\nprogram: |\n  a = 2\n  b = a + 1\n");
            assertEquals("Fixed", titleOnceChanged(own, "broken", null));
        }
    }

    /** The folder is watched off the request path, so an edit shows a moment later; a deadline fails instead of hanging. */
    private static String titleOnceChanged(TestServer s, String id, String old) throws Exception {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (true) {
            var r = s.get("/api/lessons/" + id);
            String title = r.statusCode() == 200 ? new ObjectMapper().readTree(r.body()).get("title").asText() : null;
            if (title != null && !title.equals(old)) return title;
            if (System.nanoTime() > deadline) return title;
            Thread.sleep(50);
        }
    }
}
