package org.stepgrad.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.stepgrad.support.TestServer;

/**
 * From outside, over HTTP: the landscape's cells are /fit's loss at the same knobs, momentum and
 * Adam train the Curve Fitter down at least 100× in 500 steps at the lesson file's settings, and
 * bad parameters get a sentence.
 */
class LandscapeApiTest {
    static final TestServer server = TestServer.start();

    @AfterAll
    static void stop() {
        server.stop();
    }

    private static JsonNode json(String path, int status) {
        return FitterApiTest.json(server, path, status); // this class's own server: FitterApiTest's stops with it
    }

    private static String knobs(JsonNode array) {
        List<String> out = new ArrayList<>();
        for (JsonNode v : array) out.add(v.asText());
        return String.join(",", out);
    }

    @Test
    void the_curve_fitters_drawing_follows_the_learners_own_points() {
        String at = "/lessons/curve-fitter/landscape?k=0,1,0,0,0,0";
        String own = server.get(at).body();
        java.net.http.HttpResponse<String> mine = server.get(at + "&points=0,1;1,2;2,2;3,5;4,4");
        assertEquals(200, mine.statusCode());
        org.junit.jupiter.api.Assertions.assertNotEquals(scale(own), scale(mine.body()), "the slice is of the loss over the given points");
        assertEquals(400, server.get(at + "&points=abc").statusCode(), "points it cannot read are refused");
    }

    /** The drawing's sentence about its loss range. */
    private static String scale(String html) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("Darker is lower[^<]*").matcher(html);
        org.junit.jupiter.api.Assertions.assertTrue(m.find(), html.substring(0, Math.min(300, html.length())));
        return m.group();
    }

    @Test
    void three_landscape_cells_equal_the_fit_apis_loss_at_the_same_knobs() {
        String held = "0.3,1.7,-0.4,-1.1,0.2,0.9";
        JsonNode l = json("/api/lessons/curve-fitter/landscape?x=k0&y=k2&size=15&k=" + held, 200);
        assertEquals("k0", l.get("x").get("knob").asText());
        assertEquals("k2", l.get("y").get("knob").asText());
        assertEquals(15, l.get("x").get("values").size());
        assertEquals(15, l.get("loss").size());
        assertEquals(15, l.get("loss").get(0).size());
        assertEquals(-3, l.get("x").get("values").get(0).asDouble(), 0, "the sliders' range, ±knob-range");
        assertEquals(3, l.get("y").get("values").get(14).asDouble(), 0);
        for (int[] cell : new int[][] {{0, 0}, {7, 3}, {14, 11}}) {
            int i = cell[0], j = cell[1];
            double x = l.get("x").get("values").get(i).asDouble(), y = l.get("y").get("values").get(j).asDouble();
            String[] k = held.split(",");
            k[0] = Double.toString(x);
            k[2] = Double.toString(y);
            JsonNode fit = json("/api/lessons/curve-fitter/fit?k=" + String.join(",", k), 200);
            assertEquals(fit.get("loss").asDouble(), l.get("loss").get(j).get(i).asDouble(), 1e-9, "loss[" + j + "][" + i + "]");
        }
        assertEquals(1.7, l.get("at").get("k1").asDouble(), 0, "the other knobs held where k put them");
    }

    @Test
    void without_k_the_landscape_holds_the_lessons_start_and_a_network_lesson_has_one_too() {
        JsonNode l = json("/api/lessons/curve-fitter/landscape", 200);
        assertEquals("k1", l.get("y").get("knob").asText(), "the first two knobs by default");
        assertEquals(-2, l.get("at").get("k3").asDouble(), 0);
        JsonNode fit = json("/api/lessons/curve-fitter/fit", 200);
        // the start itself is not on the grid, but k0 = 0 and k1 = 0 are: loss at (0, 0, 2, −2, −2, 1)
        assertEquals(json("/api/lessons/curve-fitter/fit?k=0,0,2,-2,-2,1", 200).get("loss").asDouble(),
                l.get("loss").get(7).get(7).asDouble(), 1e-9);
        assertTrue(fit.get("loss").asDouble() > 0);
        JsonNode net = json("/api/lessons/network/landscape?x=w5&y=w6&size=5", 200);
        assertEquals(5, net.get("loss").size());
    }

    @Test
    void momentum_and_adam_bring_the_curve_fitters_loss_down_at_least_a_hundredfold_in_500_steps() {
        for (String method : List.of("momentum", "adam")) {
            JsonNode fit = json("/api/lessons/curve-fitter/fit?steps=500&method=" + method, 200);
            JsonNode run = fit.get("run");
            assertEquals(method, run.get("method").asText());
            assertEquals(500, run.get("iterations").asInt(), "the same number of loss evaluations as gradient descent");
            assertFalse(run.get("diverged").asBoolean());
            double start = fit.get("loss").asDouble(), end = run.get("finalLoss").asDouble();
            assertTrue(end * 100 <= start, method + ": " + start + " → " + end);
        }
        JsonNode m = json("/api/lessons/curve-fitter/fit?steps=1&method=momentum", 200).get("run");
        assertEquals(0.1, m.get("rate").asDouble(), 0, "the lesson file's momentum rate");
        assertEquals(0.9, m.get("beta").asDouble(), 0);
        JsonNode a = json("/api/lessons/curve-fitter/fit?steps=1&method=adam", 200).get("run");
        assertEquals(0.05, a.get("rate").asDouble(), 0, "the lesson file's Adam rate");
        assertEquals(0.999, a.get("beta2").asDouble(), 0);
        // the run the lesson recorded is the one the API gives from the start
        JsonNode lesson = json("/api/lessons/curve-fitter", 200);
        assertEquals(lesson.get("training").get(2).get("finalLoss").asDouble(),
                json("/api/lessons/curve-fitter/fit?steps=500&method=momentum", 200).get("run").get("finalLoss").asDouble(), 0);
    }

    @Test
    void bad_parameters_are_refused_with_a_sentence() {
        Map<String, String> refusals = Map.of(
                "/api/lessons/curve-fitter/landscape?x=k9", "x names one of the knobs (k0, k1, k2, k3, k4, k5), not 'k9'",
                "/api/lessons/curve-fitter/landscape?x=k1&y=k1", "x and y must be two different knobs, not both k1",
                "/api/lessons/curve-fitter/landscape?size=42", "size is the cells a side, a whole number from 2 to 41, not '42'",
                "/api/lessons/curve-fitter/landscape?size=1", "size is the cells a side, a whole number from 2 to 41, not '1'",
                "/api/lessons/curve-fitter/landscape?size=1e9", "size is the cells a side, a whole number from 2 to 41, not '1e9'",
                "/api/lessons/curve-fitter/landscape?k=1,2", "k needs 6 numbers separated by commas (k0, k1, k2, k3, k4, k5), not 2",
                "/api/lessons/curve-fitter/fit?steps=3&method=nesterov", "method is gradient-descent, momentum, adam or random-search, not 'nesterov'",
                "/api/lessons/curve-fitter/fit?steps=3&method=momentum&beta=1", "beta must be a number at least 0 and below 1, not '1'",
                "/api/lessons/curve-fitter/fit?steps=3&method=momentum&beta2=0.9", "beta2 is a setting of adam, not of momentum");
        for (Map.Entry<String, String> r : refusals.entrySet()) {
            JsonNode e = json(r.getKey(), 400);
            assertEquals(r.getValue(), e.get("error").asText(), r.getKey());
        }
        HttpResponse<String> none = server.get("/api/lessons/chain-rule/landscape");
        assertEquals(404, none.statusCode());
        assertTrue(none.body().contains("no knobs"), none.body());
    }

    @Test
    void the_pages_landscape_fragment_works_out_one_update_of_the_chosen_method() {
        HttpResponse<String> m = server.get("/lessons/optimizers/landscape?x=k1&y=k0&method=momentum");
        assertEquals(200, m.statusCode(), m.body());
        // at the start ∂loss/∂k1 = 7.5 (the lesson's arithmetic); from rest v = 0.8·0 + 7.5 and k1 = 2 − 0.05·7.5 = 1.625
        assertTrue(m.body().contains("v ← β·v + ∂L/∂k1 = 0.8·0 + 7.5 = 7.5"), m.body());
        assertTrue(m.body().contains("k1 ← k1 − α·v = 2 − 0.05·7.5 = 1.625"), m.body());
        HttpResponse<String> a = server.get("/lessons/optimizers/landscape?method=adam");
        // Adam's first update: m̂ = g and v̂ = g², so k0 moves by α = 0.2 against its gradient's sign: −2 → −2.2
        assertTrue(a.body().contains("= -2.2</li>"), a.body());
        assertEquals(6, a.body().split("class=\"path path-").length - 1 - 6, "six runs drawn, each listed in the legend");
        assertEquals(400, server.get("/lessons/optimizers/landscape?x=k0&y=k0").statusCode());
    }
}
