package org.stepgrad.web;

import org.stepgrad.web.pages.PageController;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.stepgrad.bench.PolyFitProgram;
import org.stepgrad.support.TestServer;

/** Large graphs over HTTP: one shut box per data point, the one holding the step open, "next point" a real link. */
class ClusterPagesTest {
    static final TestServer server = TestServer.start();
    static final ObjectMapper JSON = new ObjectMapper();
    static final Pattern GROUP = Pattern.compile("<g class=\"group (open|shut)\"[^>]*data-group-id=\"(\\d+)\"");
    static final Pattern LABEL = Pattern.compile("<text class=\"group-label\"[^>]*>[▾▸] ([^<]*)</text>");

    @AfterAll
    static void stop() {
        server.stop();
    }

    static String page(String path) {
        HttpResponse<String> r = server.get(path);
        assertEquals(200, r.statusCode(), path);
        return r.body();
    }

    static JsonNode json(String path) throws Exception {
        HttpResponse<String> r = server.get(path);
        assertEquals(200, r.statusCode(), path);
        return JSON.readTree(r.body());
    }

    /** The labels of the groups drawn open. */
    static List<String> open(String html) {
        List<String> open = new ArrayList<>();
        Matcher m = Pattern.compile("<text class=\"group-label\"[^>]*>▾ ([^<]*)</text>").matcher(html);
        while (m.find()) open.add(m.group(1));
        return open;
    }

    static List<String> labels(String html) {
        List<String> labels = new ArrayList<>();
        Matcher m = LABEL.matcher(html);
        while (m.find()) labels.add(m.group(1));
        return labels;
    }

    @Test
    void the_curve_fitter_opens_on_one_shut_box_per_data_point() {
        String html = page("/lessons/curve-fitter");
        List<String> expected = new ArrayList<>();
        for (int i = 1; i <= 12; i++) expected.add("point " + i);
        assertTrue(labels(html).containsAll(expected), labels(html).toString());
        assertEquals(List.of(), open(html), "at the start every point is shut");
        assertTrue(html.split("data-node-id=").length - 1 < 40, "only the knobs and a few shared nodes are drawn as boxes");
        assertTrue(html.contains("Next point ]"));
    }

    @Test
    void the_server_rendered_step_opens_its_own_point_and_links_to_the_next() throws Exception {
        JsonNode walk = json("/api/lessons/curve-fitter/replay").get("walk");
        int step = -1;
        for (int s = 0; s < walk.get("cluster").size(); s++) {
            if (walk.get("cluster").get(s).asInt() == 4) { step = s + 3; break; }
        }
        String html = page("/lessons/curve-fitter?step=" + step);
        assertTrue(open(html).contains("point 5"), "point 5 is open at step " + step + ": " + open(html));
        assertFalse(open(html).contains("point 4"));
        assertTrue(html.contains("aria-current=\"step\"") || html.contains("current"), "the step's node is drawn");
        int next = walk.get("next").get(step).asInt();
        assertEquals(5, walk.get("cluster").get(next).asInt(), "next point is point 6");
        assertTrue(html.contains("data-go=\"next-point\" href=\"/lessons/curve-fitter?step=" + next + "\""), html);
        assertTrue(html.contains("title=\"To point 6&#39;s first step (])\""));
        assertTrue(html.contains(">r_2 </tspan><tspan class=\"value\">= "), "a shut point already computed says its residual");
    }

    @Test
    void the_replay_json_maps_every_step_to_its_cluster() throws Exception {
        JsonNode replay = json("/api/lessons/curve-fitter/replay");
        assertEquals(12, replay.get("groups").size());
        assertEquals("point 3", replay.get("groups").get(2).get("label").asText());
        int count = replay.get("stepCount").asInt();
        for (String array : List.of("cluster", "focus", "next", "prev")) assertEquals(count + 1, replay.get("walk").get(array).size());
        for (int s = 1; s <= count; s++) {
            int node = replay.get("frames").get(s).get("node").asInt();
            int c = replay.get("walk").get("cluster").get(s).asInt();
            boolean listed = false;
            if (c >= 0) for (JsonNode n : replay.get("groups").get(c).get("nodes")) listed |= n.asInt() == node;
            assertTrue(c < 0 || listed, "step " + s + "'s node is in its cluster");
        }
    }

    @Test
    void a_playground_fit_is_grouped_and_a_small_program_is_not() throws Exception {
        String fit = page("/playground?source=" + PageController.enc(PolyFitProgram.source(8)) + "&step=0");
        assertEquals(8, labels(fit).stream().filter(l -> l.startsWith("point ")).count(), labels(fit).toString());
        String small = page("/lessons/chain-rule");
        assertEquals(0, GROUP.matcher(small).results().count());
        assertFalse(small.contains("next-point"));
        assertFalse(json("/api/lessons/chain-rule/replay").has("walk"));
    }
}
