package org.stepgrad.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.stepgrad.support.TestServer;

/** GET /lessons/{id}/classifier and the lesson page's panel over HTTP, as a reader without the script gets them. */
class ClassifierPartsTest {
    static final TestServer server = TestServer.start();

    @AfterAll
    static void stop() {
        server.stop();
    }

    private static String body(String path, int status) {
        HttpResponse<String> r = server.get(path);
        assertEquals(status, r.statusCode(), path + ": " + r.body());
        return r.body();
    }

    private static String first(String html, String regex) {
        Matcher m = Pattern.compile(regex).matcher(html);
        assertTrue(m.find(), regex);
        return m.group(1);
    }

    @Test
    void the_page_opens_at_the_start_and_an_iteration_link_opens_it_at_that_iteration() {
        String start = body("/lessons/classifier", 200);
        assertTrue(start.contains("16 of 30 points on their class"), "the seeded start");
        assertTrue(start.contains("No line: p is below one half over the whole plot"), "the start calls every point class 0");
        assertTrue(start.contains("href=\"/lessons/classifier?step=0&amp;it=150\""), "a link to the run's end");
        String end = body("/lessons/classifier?step=0&it=150", 200);
        assertTrue(end.contains("30 of 30 points on their class"));
        assertTrue(end.contains("data-part=\"side\"></span>"), "a line is drawn, so nothing to explain");
        assertNotEquals(first(start, "data-part=\"cells\">(.*?)</g>"), first(end, "data-part=\"cells\">(.*?)</g>"));
        String graph = first(end, "data-part=\"graph-link\" href=\"([^\"]+)\"").replace("&amp;", "&");
        assertTrue(graph.contains("&k=") && graph.endsWith("&it=150"), graph);
        // the graph at iteration 150's weights shows the same panel
        String there = body(graph, 200);
        assertTrue(there.contains("The graph at iteration 150"), "the notice says whose weights");
        assertTrue(there.contains("30 of 30 points on their class"));
        // after the slider moved the iteration alone, a reload shows the panel at that iteration, whatever k the graph is at
        String moved = body(graph.replace("&it=150", "&it=25"), 200);
        assertEquals(first(body("/lessons/classifier/classifier?it=25", 200), "data-part=\"cells\">(.*?)</g>"),
                first(moved, "data-part=\"cells\">(.*?)</g>"));
    }

    @Test
    void the_parts_at_an_iteration_are_the_pages_and_a_later_one_is_clipped_to_the_run() {
        String page = body("/lessons/classifier?step=0&it=50", 200);
        String parts = body("/lessons/classifier/classifier?it=50", 200);
        assertEquals(first(page, "data-part=\"cells\">(.*?)</g>"), first(parts, "data-part=\"cells\">(.*?)</g>"));
        assertEquals(first(page, "class=\"contour\" data-part=\"contour\" d=\"([^\"]*)\""), first(parts, "class=\"contour\" data-part=\"contour\" d=\"([^\"]*)\""));
        assertTrue(body("/lessons/classifier/classifier?it=100000", 200).contains("data-iteration=\"150\""));
    }

    @Test
    void bad_parameters_and_lessons_without_a_classifier_get_a_sentence() {
        assertTrue(body("/lessons/classifier/classifier?it=ten", 400).contains("it is the iteration, a whole number"));
        assertTrue(body("/lessons/classifier/classifier?run=4", 400).contains("run is the number of one of the lesson"));
        assertTrue(body("/lessons/curve-fitter/classifier", 404).contains("has no classifier panel"));
        assertTrue(body("/lessons/no-such/classifier", 404).contains("no-such"));
    }
}
