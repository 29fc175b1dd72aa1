package org.stepgrad.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.stepgrad.support.TestServer;

/**
 * GET /lessons/{id}/fitter over HTTP: the Curve Fitter's drawable parts, drawn on the server.
 * The references are the lesson's own dots and recorded runs on the page, and the lesson API's numbers.
 */
class FitterPartsTest {
    static final TestServer server = TestServer.start();

    @AfterAll
    static void stop() {
        server.stop();
    }

    static String parts(String query) {
        HttpResponse<String> r = server.get("/lessons/curve-fitter/fitter?" + query);
        assertEquals(200, r.statusCode(), query + ": " + r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        return r.body();
    }

    @Test
    void the_curve_passes_through_the_data_dots_its_knobs_fit_exactly() {
        // training-loop's data are (1, 2), (2, 3), (3, 5): the line k = (1, 1) meets the first two and misses the third
        String page = server.get("/lessons/training-loop").body();
        List<double[]> dots = points(page, "<circle r=\"4.5\" cx=\"([-\\d.]+)\" cy=\"([-\\d.]+)\"");
        assertEquals(3, dots.size());
        String html = server.get("/lessons/training-loop/fitter?k=1,1").body();
        List<double[]> curve = polyline(html, "<g class=\"curve\" data-part=\"curve\"><polyline points=\"([^\"]+)\"");
        assertTrue(distance(curve, dots.get(0)) < 0.2, "through (1, 2): " + distance(curve, dots.get(0)));
        assertTrue(distance(curve, dots.get(1)) < 0.2, "through (2, 3)");
        assertTrue(distance(curve, dots.get(2)) > 5, "misses (3, 5) by a whole unit: " + distance(curve, dots.get(2)));
    }

    @Test
    void a_stretch_of_training_is_drawn_from_its_iteration_on_the_lessons_scale() {
        String page = server.get("/lessons/curve-fitter").body();
        List<double[]> recorded = polyline(page, "class=\"run run-0 descent\" points=\"([^\"]+)\"");
        String html = parts("steps=5&it=10");
        List<double[]> mine = polyline(html, "data-append=\"mine\" class=\"run mine descent\" points=\"([^\"]+)\"");
        assertEquals(6, mine.size(), "the start and five steps");
        assertEquals(recorded.get(10)[0], mine.get(0)[0], 1e-9, "x: iteration 10");
        assertEquals(recorded.get(0)[1], mine.get(0)[1], 1e-9, "y: the start loss, the recorded run's first");
        assertEquals(recorded.get(15)[0], mine.get(5)[0], 1e-9);
        assertTrue(html.contains("data-iteration=\"15\""), "the knobs are 10 + 5 steps from the start");
        assertTrue(html.contains("&amp;it=15\">Step through the graph"), "the graph link carries it=15");
    }

    @Test
    void picking_a_recorded_runs_iteration_sets_its_knobs_and_marks_it() throws Exception {
        JsonNode run = FitterApiTest.JSON.readTree(server.get("/api/lessons/curve-fitter").body()).get("training").get(0);
        String html = parts("run=0&it=40");
        JsonNode knobs = run.get("params").get(40);
        for (int i = 0; i < 6; i++) {
            Matcher m = Pattern.compile("data-part=\"knob-value-" + i + "\" data-value=\"([^\"]+)\"").matcher(html);
            assertTrue(m.find());
            assertEquals(knobs.get(i).asDouble(), Double.parseDouble(m.group(1)), 0, "k" + i + " is exact");
        }
        List<double[]> recorded = polyline(server.get("/lessons/curve-fitter").body(), "class=\"run run-0 descent\" points=\"([^\"]+)\"");
        double[] marker = points(html, "data-part=\"marker\" cx=\"([-\\d.]+)\" cy=\"([-\\d.]+)\"").get(0);
        assertEquals(recorded.get(40)[0], marker[0], 1e-9);
        assertEquals(recorded.get(40)[1], marker[1], 1e-9);
        assertTrue(parts("k=0,0,0,0,0,0").contains("data-part=\"marker\" cx=\"-10\""), "off the plot when nothing is picked");
    }

    @Test
    void a_learning_rate_too_big_ends_the_run_with_a_sentence() {
        HttpResponse<String> r = server.get("/lessons/training-loop/fitter?steps=200&rate=5");
        assertEquals(200, r.statusCode());
        assertTrue(r.body().contains("data-diverged=\"true\""));
        assertTrue(r.body().contains("The learning rate is too big: the loss grew from 0.9167 to "), r.body());
    }

    @Test
    void a_diverging_run_stops_where_its_knobs_can_be_continued_and_says_how_far_the_loss_grew() throws Exception {
        // α = 3 on the Curve Fitter: the knobs pass ±1000 within a few steps
        JsonNode run = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(server.get("/api/lessons/curve-fitter/fit?steps=10&rate=3").body()).get("run");
        assertTrue(run.get("diverged").asBoolean());
        int n = run.get("iterations").asInt();
        assertTrue(n > 0 && n < 10, "stopped early: " + n);
        StringBuilder end = new StringBuilder();
        for (JsonNode k : run.get("end").get("knobs")) {
            assertTrue(Math.abs(k.asDouble()) <= 1000, "a knob a request may start from: " + k);
            end.append(end.isEmpty() ? "" : ",").append(k.asText());
        }
        String html = parts("steps=10&rate=3");
        String last = org.stepgrad.replay.Format.number(run.get("losses").get(n).asDouble());
        assertTrue(html.contains("The learning rate is too big: the loss grew from 1.183 to " + last + " by step " + n + ","), html);
        assertTrue(html.contains("class=\"run mine descent\""), "the loss curve is drawn");
        assertEquals(200, server.get("/lessons/curve-fitter/fitter?steps=1&rate=3&it=" + n + "&k=" + end).statusCode(), "and can be continued");
    }

    @Test
    void bad_fragment_requests_are_refused_with_a_sentence() {
        for (String[] bad : new String[][] {
                {"steps=2001", "at most 2000 steps"}, {"steps=x", "whole number"}, {"it=-1", "it is the iteration"},
                {"run=9", "recorded runs"}, {"k=1,2", "6 numbers"}, {"rate=-1", "rate must be"}}) {
            HttpResponse<String> r = server.get("/lessons/curve-fitter/fitter?" + bad[0]);
            assertEquals(400, r.statusCode(), bad[0]);
            assertTrue(r.body().contains(bad[1]), bad[0] + ": " + r.body());
        }
        assertEquals(404, server.get("/lessons/chain-rule/fitter").statusCode());
        assertEquals(404, server.get("/lessons/no-such/fitter").statusCode());
    }

    @Test
    void links_say_k_and_it_and_old_links_with_knobs_and_iteration_still_open_at_their_knobs() {
        String now = server.get("/lessons/curve-fitter?k=0.5,2,2,-2,-2,1&it=7").body();
        String old = server.get("/lessons/curve-fitter?knobs=0.5,2,2,-2,-2,1&iteration=7").body();
        String both = server.get("/lessons/curve-fitter?step=0&k=0.5,2,2,-2,-2,1&it=7&knobs=0.5,2,2,-2,-2,1&iteration=7").body();
        assertEquals(aside(now), aside(old), "an old link opens the same fitter");
        assertEquals(aside(now), aside(both));
        assertTrue(aside(now).contains("data-value=\"0.5\""));
        assertTrue(aside(now).contains("data-iteration=\"7\""));
        for (String html : List.of(now, old, parts("steps=3"), server.get("/lessons/curve-fitter").body())) {
            assertFalse(Pattern.compile("[?&;]knobs=").matcher(html).find(), "no link says knobs=");
            assertFalse(Pattern.compile("[?&;]iteration=").matcher(html).find(), "no link says iteration=");
        }
        assertTrue(now.contains("?step=0&amp;k=0.5,2,2,-2,-2,1&amp;it=7"), "the graph link");
    }

    private static String aside(String page) {
        return page.substring(page.indexOf("<aside class=\"fitter\""), page.indexOf("</aside>"));
    }

    private static List<double[]> polyline(String html, String regex) {
        Matcher m = Pattern.compile(regex).matcher(html);
        assertTrue(m.find(), regex);
        List<double[]> points = new ArrayList<>();
        for (String p : m.group(1).split(" ")) {
            String[] xy = p.split(",");
            points.add(new double[] {Double.parseDouble(xy[0]), Double.parseDouble(xy[1])});
        }
        return points;
    }

    private static List<double[]> points(String html, String regex) {
        Matcher m = Pattern.compile(regex).matcher(html);
        List<double[]> points = new ArrayList<>();
        while (m.find()) points.add(new double[] {Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2))});
        return points;
    }

    /** The distance from a point to a polyline. */
    private static double distance(List<double[]> line, double[] p) {
        double best = Double.POSITIVE_INFINITY;
        for (int i = 1; i < line.size(); i++) {
            double[] a = line.get(i - 1), b = line.get(i);
            double dx = b[0] - a[0], dy = b[1] - a[1];
            double t = Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / (dx * dx + dy * dy)));
            best = Math.min(best, Math.hypot(a[0] + t * dx - p[0], a[1] + t * dy - p[1]));
        }
        return best;
    }
}
