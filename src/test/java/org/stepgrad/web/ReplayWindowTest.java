package org.stepgrad.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.stepgrad.expr.Tracer;
import org.stepgrad.replay.Replay;
import org.stepgrad.support.TestServer;
import org.stepgrad.web.json.ReplayJson;

/**
 * The replay sent in windows says what the whole replay says: at every step of every window, each
 * node the window lists shows the whole replay's entry for that step, each node it leaves out
 * shows at that step what it showed at the window's first step (so the drawing the browser holds
 * stays right), and the frames and walk are the whole replay's.
 */
class ReplayWindowTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final TestServer server = TestServer.start();

    @AfterAll
    static void stop() {
        server.stop();
    }

    @Test
    void every_window_of_a_hundred_point_fit_agrees_with_the_whole_replay() throws Exception {
        Tracer.Traced traced = Tracer.trace(Programs.polynomialFit(100));
        Replay replay = new Replay(traced.trace(), traced.nodeLine());
        assertTrue(replay.stepCount() > 2 * ReplayJson.WINDOW, "several windows: " + replay.stepCount());
        JsonNode whole = JSON.readTree(ReplayJson.write(replay));
        int windows = 0;
        for (int at = 0; at <= replay.stepCount(); at += ReplayJson.WINDOW) {
            JsonNode w = JSON.readTree(ReplayJson.window(replay, at + 7 <= replay.stepCount() ? at + 7 : at));
            windows++;
            int from = w.get("from").asInt();
            int to = w.get("to").asInt();
            assertEquals(at, from);
            assertEquals(Math.min(at + ReplayJson.WINDOW, replay.stepCount()), to);
            Set<Integer> listed = new HashSet<>();
            for (JsonNode node : w.get("nodes")) {
                int id = node.get("id").asInt();
                listed.add(id);
                for (int s = from; s <= to; s++) {
                    assertEquals(entry(replay, id, s), latest(node.get("shown"), s), "node " + id + " at step " + s);
                }
            }
            for (int id = 0; id < replay.trace().nodes().size(); id++) {
                if (listed.contains(id)) continue;
                for (int s = from + 1; s <= to; s++) {
                    if (replay.shownAt(id, s) != replay.shownAt(id, from)) throw new AssertionError("node " + id + " is left out but changes at " + s);
                }
            }
            for (int s = from; s <= to; s++) {
                assertEquals(whole.get("frames").get(s), w.get("frames").get(s - from), "frame " + s);
                for (String name : new String[] {"cluster", "focus", "next", "prev"}) {
                    assertEquals(whole.get("walk").get(name).get(s), w.get("walk").get(name).get(s - from), name + " at " + s);
                }
            }
            for (int s = from; s <= to; s++) {
                int focus = w.get("walk").get("focus").get(s - from).asInt();
                if (focus >= 0) assertEquals(whole.get("groups").get(focus).get("label").asText(), w.get("labels").get(String.valueOf(focus)).asText());
            }
        }
        assertTrue(windows >= 3);
    }

    @Test
    void a_window_is_asked_for_by_a_step_and_a_bad_one_is_answered_with_a_sentence() throws Exception {
        String base = "/api/replay?source=" + URLEncoder.encode(Programs.polynomialFit(60), StandardCharsets.UTF_8);
        JsonNode last = JSON.readTree(server.get(base + "&at=99999999999999999999").body());
        assertEquals(last.get("stepCount").asInt(), last.get("to").asInt(), "past the end is the last window");
        JsonNode second = JSON.readTree(server.get(base + "&at=" + (ReplayJson.WINDOW + 1)).body());
        assertEquals(ReplayJson.WINDOW, second.get("from").asInt());
        for (String bad : new String[] {"-1", "abc", "1.5", ""}) {
            HttpResponse<String> r = server.get(base + "&at=" + URLEncoder.encode(bad, StandardCharsets.UTF_8));
            assertEquals(400, r.statusCode(), bad);
            assertTrue(r.body().contains("at is the step whose window of the replay to send"), r.body());
        }
    }

    /** The whole replay's entry for a node at a step, written as the JSON writes it. */
    private static JsonNode entry(Replay replay, int id, int s) throws Exception {
        Replay.Shown e = replay.shownAt(id, s);
        return JSON.readTree(JSON.writeValueAsString(new Object[] {e.step(), e.value(), e.grad(), e.gradClass(), e.known()}));
    }

    /** The browser's lookup rule (replay.js latest): the last entry whose step is at most s. */
    private static JsonNode latest(JsonNode entries, int s) {
        JsonNode found = entries.get(0);
        for (JsonNode e : entries) if (e.get(0).asInt() <= s) found = e;
        return found;
    }
}
