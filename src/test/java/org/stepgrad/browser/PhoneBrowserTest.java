package org.stepgrad.browser;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.stepgrad.support.Browser;
import org.stepgrad.support.BrowserFixture;
import org.stepgrad.support.TestServer;

/** A learner on a 390×844 phone: every page fits its width, the graph is on the first screen, fingers work on it. */
class PhoneBrowserTest {
    @RegisterExtension
    static final BrowserFixture fixture = BrowserFixture.withJavaScript();
    static final TestServer server = fixture.server();
    static final Browser browser = fixture.browser();
    static final ObjectMapper JSON = new ObjectMapper();
    static final int WIDTH = 390;
    static final int HEIGHT = 844;

    /** Every page a phone may open: the course, each lesson, the playground, the embeds, the join pages. */
    static List<String> pages() throws Exception {
        List<String> pages = new ArrayList<>(List.of("/", "/playground", "/playground?step=3", "/embed/chain-rule?step=3",
                "/embed/curve-fitter?step=40", "/embed/playground?step=2", "/join", "/join/ABCDEF"));
        for (JsonNode lesson : JSON.readTree(server.get("/api/lessons").body())) pages.add("/lessons/" + lesson.get("id").asText());
        return pages;
    }

    @Test
    void no_page_is_wider_than_the_phone() throws Exception {
        browser.phone(WIDTH, HEIGHT);
        List<String> wide = new ArrayList<>();
        for (String path : pages()) {
            browser.driver().get(server.url(path));
            browser.waiting().until(d -> "complete".equals(browser.driver().executeScript("return document.readyState")));
            long width = ((Number) browser.driver().executeScript("return document.documentElement.scrollWidth")).longValue();
            if (width > WIDTH) wide.add(path + " is " + width + " px wide");
        }
        assertTrue(wide.isEmpty(), String.join("\n", wide));
    }

    @Test
    void every_lesson_shows_its_current_node_on_the_first_screen() throws Exception {
        browser.phone(WIDTH, HEIGHT);
        List<String> misses = new ArrayList<>();
        for (JsonNode lesson : JSON.readTree(server.get("/api/lessons").body())) {
            String id = lesson.get("id").asText();
            int forward = JSON.readTree(server.get("/api/lessons/" + id + "/replay").body()).get("forwardSteps").asInt();
            browser.driver().get(server.url("/lessons/" + id + "?step=" + Math.max(1, forward / 2)));
            browser.waiting().until(d -> !d.findElements(By.cssSelector(".stepper.ready")).isEmpty());
            @SuppressWarnings("unchecked")
            Map<String, Object> box = (Map<String, Object>) browser.driver().executeScript(
                    "const r = document.querySelector('g.node[aria-current=step]').getBoundingClientRect();"
                    + " return {top: r.top, bottom: r.bottom, left: r.left, right: r.right};");
            double top = ((Number) box.get("top")).doubleValue();
            double bottom = ((Number) box.get("bottom")).doubleValue();
            double left = ((Number) box.get("left")).doubleValue();
            double right = ((Number) box.get("right")).doubleValue();
            if (top < 0 || bottom > HEIGHT || left < 0 || right > WIDTH) misses.add(id + ": the current node is at " + box + ", off the first screen");
            if (id.equals("chain-rule")) browser.screenshot(Path.of("target/screenshots/phone-390x844-chain-rule.png"));
            if (id.equals("curve-fitter")) browser.screenshot(Path.of("target/screenshots/phone-390x844-curve-fitter.png"));
        }
        assertTrue(misses.isEmpty(), String.join("\n", misses));
    }

    @Test
    void buttons_links_and_sliders_are_44_px_touch_targets() {
        browser.phone(WIDTH, HEIGHT);
        List<String> small = new ArrayList<>();
        for (String path : List.of("/lessons/chain-rule?step=2", "/lessons/curve-fitter?step=3", "/playground?step=1")) {
            browser.driver().get(server.url(path));
            browser.waiting().until(d -> !d.findElements(By.cssSelector(".stepper.ready")).isEmpty());
            @SuppressWarnings("unchecked")
            List<String> found = (List<String>) browser.driver().executeScript("""
                    const out = [];
                    for (const el of document.querySelectorAll('.controls .ctl, .controls button, .controls select, .zoom button, .share-open,'
                        + ' .go-live-button, input[type=range], .point-nav .skip, .fitter button, .editor button')) {
                      const r = el.getBoundingClientRect();
                      if (!el.getClientRects().length || getComputedStyle(el).visibility === 'hidden') continue;
                      if (r.height < 44 || (el.type !== 'range' && r.width < 44))
                        out.push((el.textContent.trim() || el.getAttribute('aria-label') || el.className) + ' ' + Math.round(r.width) + '×' + Math.round(r.height));
                    }
                    return out;""");
            for (String f : found) small.add(path + ": " + f);
        }
        assertTrue(small.isEmpty(), String.join("\n", small));
    }

    @Test
    void two_fingers_pinch_zoom_the_graph_and_one_finger_scrolls_the_page_past_it() {
        browser.phone(WIDTH, HEIGHT);
        browser.driver().get(server.url("/lessons/chain-rule?step=3"));
        browser.waiting().until(d -> !d.findElements(By.cssSelector(".stepper.ready")).isEmpty());
        @SuppressWarnings("unchecked")
        Map<String, Object> stage = (Map<String, Object>) browser.driver().executeScript(
                "const r = document.querySelector('.viewport').getBoundingClientRect(); return {x: r.left + r.width / 2, y: r.top + r.height / 2};");
        double x = ((Number) stage.get("x")).doubleValue();
        double y = ((Number) stage.get("y")).doubleValue();
        double before = graphWidth();
        touch("touchStart", List.of(point(x - 30, y, 0), point(x + 30, y, 1)));
        for (int i = 1; i <= 5; i++) touch("touchMove", List.of(point(x - 30 - 12 * i, y, 0), point(x + 30 + 12 * i, y, 1)));
        touch("touchEnd", List.of());
        double after = graphWidth();
        // the fingers went from 60 px apart to 180: the drawing is about three times as large
        assertTrue(after > before * 2.5 && after < before * 3.5, "pinched from " + before + " px to " + after + " px wide");

        // one finger swiping up over the graph pans the stage; a swipe that starts with the stage at its end scrolls the page
        for (int swipe = 0; swipe < 8; swipe++) {
            touch("touchStart", List.of(point(x, y, 0)));
            for (int i = 1; i <= 20; i++) touch("touchMove", List.of(point(x, y - 15 * i, 0)));
            touch("touchEnd", List.of());
        }
        double panned = ((Number) browser.driver().executeScript("return document.querySelector('.viewport').scrollTop")).doubleValue();
        double scrolled = ((Number) browser.driver().executeScript("return window.scrollY")).doubleValue();
        assertTrue(panned > 0, "one finger panned the zoomed graph: scrollTop " + panned);
        assertTrue(scrolled > 0, "and then the page scrolled on past it: scrollY " + scrolled);
    }

    private static double graphWidth() {
        return ((Number) browser.driver().executeScript("return document.querySelector('svg.graph').getBoundingClientRect().width")).doubleValue();
    }

    private static Map<String, Object> point(double x, double y, int id) {
        return Map.of("x", x, "y", y, "id", id);
    }

    private static void touch(String type, List<Map<String, Object>> points) {
        browser.driver().executeCdpCommand("Input.dispatchTouchEvent", Map.of("type", type, "touchPoints", points));
    }
}
