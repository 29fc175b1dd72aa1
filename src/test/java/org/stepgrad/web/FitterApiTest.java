package org.stepgrad.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.Iterator;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.stepgrad.support.TestServer;

/** GET /api/lessons/{id}/fit over HTTP: numbers only, the lesson's own runs reproduced, expensive or bad input refused with a sentence. */
class FitterApiTest {
    static final TestServer server = TestServer.start();
    static final ObjectMapper JSON = new ObjectMapper();

    @AfterAll
    static void stop() {
        server.stop();
    }

    static JsonNode json(String path, int status) {
        return json(server, path, status);
    }

    /** The JSON answer of {@code path} on {@code on}, which must answer {@code status}. */
    static JsonNode json(TestServer on, String path, int status) {
        HttpResponse<String> r = on.get(path);
        assertEquals(status, r.statusCode(), path + ": " + r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"), path);
        try {
            return JSON.readTree(r.body());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void the_fit_api_answers_numbers_and_no_drawing() {
        JsonNode fit = json("/api/lessons/curve-fitter/fit?k=0,0,0,0,0,0&steps=50", 200);
        assertLeavesAreNumbers(fit, "");
        assertEquals(6, fit.get("knobs").size());
        assertEquals(6, fit.get("gradient").size());
        JsonNode run = fit.get("run");
        assertEquals("gradient-descent", run.get("method").asText());
        assertEquals(50, run.get("iterations").asInt());
        assertEquals(51, run.get("losses").size());
        assertEquals(fit.get("loss").asDouble(), run.get("losses").get(0).asDouble(), 0);
        assertEquals(run.get("finalLoss").asDouble(), run.get("end").get("loss").asDouble(), 0);
        assertTrue(run.get("end").get("loss").asDouble() < fit.get("loss").asDouble() / 10);
        // the loss at k = 0 is the mean of y², computed here from the lesson file's points
        double[] y = {-0.7, -0.79, -0.75, -0.52, -0.17, 0.27, 0.72, 1.08, 1.28, 1.25, 0.98, 0.5};
        double mean = 0;
        for (double v : y) mean += v * v / y.length;
        assertEquals(mean, fit.get("loss").asDouble(), 1e-12);
        JsonNode lesson = json("/api/lessons/curve-fitter", 200);
        for (JsonNode t : lesson.get("training")) assertFalse(t.has("lossPath"), "the lesson API carries no drawing either");
    }

    @Test
    void training_from_the_lesson_start_reproduces_the_lessons_recorded_runs() {
        JsonNode lesson = json("/api/lessons/curve-fitter", 200);
        JsonNode gd = json("/api/lessons/curve-fitter/fit?steps=500&rate=0.5", 200);
        assertEquals(1.183, gd.get("loss").asDouble(), 5e-4, "the start loss of the lesson");
        assertEquals(lesson.get("training").get(0).get("finalLoss").asDouble(), gd.get("run").get("finalLoss").asDouble(), 0);
        assertEquals(5.6e-4, gd.get("run").get("finalLoss").asDouble(), 0.05e-4);
        JsonNode rs = json("/api/lessons/curve-fitter/fit?steps=500&method=random-search", 200);
        assertEquals(0.2, rs.get("run").get("step").asDouble(), 0, "the lesson file's random-search step");
        assertEquals(lesson.get("training").get(1).get("finalLoss").asDouble(), rs.get("run").get("finalLoss").asDouble(), 0);
        assertEquals(0.0308, rs.get("run").get("finalLoss").asDouble(), 0.00005);
    }

    @Test
    void without_a_rate_the_api_and_the_pages_alpha_box_use_the_lesson_files_first_gradient_descent_rate() {
        for (Map.Entry<String, Double> lesson : Map.of("training-loop", 0.005, "curve-fitter", 0.5).entrySet()) {
            String id = lesson.getKey();
            JsonNode fit = json("/api/lessons/" + id + "/fit?steps=1", 200);
            assertEquals(lesson.getValue(), fit.get("run").get("rate").asDouble(), 0, id);
            Matcher alpha = Pattern.compile("class=\"rate\"[^>]*value=\"([^\"]+)\"").matcher(server.get("/lessons/" + id).body());
            assertTrue(alpha.find(), id);
            assertEquals(lesson.getValue(), Double.parseDouble(alpha.group(1)), 0, id + "'s α box");
        }
    }

    @Test
    void a_fit_over_five_given_points_reports_their_mean_squared_miss() {
        double[][] points = {{-2, 3.5}, {-0.5, 1}, {0, -0.25}, {1.5, 2}, {3, -4}};
        double[] k = {0.5, -1, 0.25, 0.1, 0, -0.02};
        StringBuilder link = new StringBuilder();
        double miss = 0; // computed apart: p(x) term by term, the squared misses averaged
        for (double[] p : points) {
            if (!link.isEmpty()) link.append(';');
            link.append(p[0]).append(',').append(p[1]);
            double y = 0;
            for (int j = 0; j < k.length; j++) y += k[j] * Math.pow(p[0], j);
            miss += (y - p[1]) * (y - p[1]) / points.length;
        }
        JsonNode fit = json("/api/lessons/curve-fitter/fit?k=0.5,-1,0.25,0.1,0,-0.02&points=" + link, 200);
        assertEquals(miss, fit.get("loss").asDouble(), 1e-12);
        // the fitter's drawing at the same link prints the same loss, and keeps the points for the next request
        String parts = server.get("/lessons/curve-fitter/fitter?k=0.5,-1,0.25,0.1,0,-0.02&points=" + link).body();
        assertTrue(parts.contains("data-points=\"-2,3.5;-0.5,1;0,-0.25;1.5,2;3,-4\""), parts);
        assertEquals(5, count(parts, "<circle r=\"4.5\""));
        // and training over them goes downhill from there
        assertTrue(json("/api/lessons/curve-fitter/fit?k=0.5,-1,0.25,0.1,0,-0.02&steps=200&rate=0.00001&points=" + link, 200)
                .get("run").get("finalLoss").asDouble() < miss);
    }

    @Test
    void points_out_of_bounds_or_mangled_are_refused_with_a_sentence() {
        assertEquals("point 2 in points should be x,y (two numbers and a comma), not '3'",
                json("/api/lessons/curve-fitter/fit?points=1,2;3", 400).get("error").asText());
        assertEquals("the y of point 1 in points is not a number: 'x'", json("/api/lessons/curve-fitter/fit?points=1,x", 400).get("error").asText());
        assertTrue(json("/api/lessons/curve-fitter/fit?points=1,2000", 400).get("error").asText().contains("between -1000 and 1000"));
        assertEquals("points holds at most 100 points, not 101",
                json("/api/lessons/curve-fitter/fit?points=" + "1,1;".repeat(100) + "1,1", 400).get("error").asText());
        assertEquals(400, server.get("/lessons/curve-fitter/fitter?points=1,1&remove=0").statusCode(), "the last point stays");
        assertTrue(server.get("/lessons/curve-fitter/fitter?points=1,1;2,2&move=5,1,1").body().contains("there is no point 5"));
        HttpResponse<String> page = server.get("/lessons/curve-fitter?points=1,NaN");
        assertEquals(400, page.statusCode());
        assertTrue(page.body().contains("these are the lesson&#39;s own points"), "the page says why it shows the lesson's points");
    }

    @Test
    void an_edit_on_the_plot_in_box_units_becomes_a_data_point() {
        // the lesson's x run from -1 to 1: the box's middle column is x = 0, and the point keeps the curve's other points
        String parts = server.get("/lessons/curve-fitter/fitter?add=200,130").body();
        Matcher m = Pattern.compile("data-points=\"([^\"]*)\"").matcher(parts);
        assertTrue(m.find(), parts);
        String[] points = m.group(1).split(";");
        assertEquals(13, points.length);
        assertEquals("-1,-0.7", points[0]);
        assertEquals("0", points[12].split(",")[0]);
    }

    private static int count(String s, String part) {
        return s.split(java.util.regex.Pattern.quote(part), -1).length - 1;
    }

    @Test
    void too_many_steps_and_bad_parameters_are_refused_with_a_sentence_before_any_work() {
        assertEquals("a request trains at most 2000 steps, not 2001; ask in parts",
                json("/api/lessons/curve-fitter/fit?steps=2001", 400).get("error").asText());
        assertTrue(json("/api/lessons/curve-fitter/fit?steps=99999999999999", 400).get("error").asText().contains("at most 2000 steps"));
        assertTrue(json("/api/lessons/curve-fitter/fit?steps=-3", 400).get("error").asText().contains("not -3"));
        assertTrue(json("/api/lessons/curve-fitter/fit?steps=1.5", 400).get("error").asText().contains("whole number"));
        assertTrue(json("/api/lessons/curve-fitter/fit?rate=0", 400).get("error").asText().startsWith("rate must be"));
        assertTrue(json("/api/lessons/curve-fitter/fit?rate=NaN", 400).get("error").asText().startsWith("rate must be"));
        assertTrue(json("/api/lessons/curve-fitter/fit?method=newton", 400).get("error").asText().contains("gradient-descent, momentum, adam or random-search"));
        assertEquals(2000, json("/api/lessons/curve-fitter/fit?steps=2000&rate=0.001", 200).get("run").get("iterations").asInt(),
                "exactly the maximum runs, in full");
        assertTrue(json("/api/lessons/loss/fit?k=1,1", 200).has("loss"), "any curve lesson answers, with or without a panel");
        json("/api/lessons/chain-rule/fit", 404);
    }

    @Test
    void the_same_parameters_spelled_differently_are_one_cached_answer() {
        HttpResponse<String> a = server.get("/api/lessons/curve-fitter/fit?k=0.50,2,2,-2,-2,1&steps=20");
        HttpResponse<String> b = server.get("/api/lessons/curve-fitter/fit?k=0.5,2.0,2,-2,-2,1e0&steps=20&rate=0.5");
        assertEquals(a.body(), b.body());
        assertEquals(a.headers().firstValue("ETag"), b.headers().firstValue("ETag"));
        assertFalse(a.body().equals(server.get("/api/lessons/curve-fitter/fit?k=0.5,2,2,-2,-2,1&steps=21").body()));
    }

    /** Every value is a number or a boolean, but for the run's method name. */
    static void assertLeavesAreNumbers(JsonNode node, String at) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (e.getKey().equals("method")) continue;
                assertLeavesAreNumbers(e.getValue(), at + "." + e.getKey());
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) assertLeavesAreNumbers(node.get(i), at + "[" + i + "]");
        } else {
            assertTrue(node.isNumber() || node.isBoolean(), at + " is " + node);
        }
    }
}
