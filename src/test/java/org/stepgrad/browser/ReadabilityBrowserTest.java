package org.stepgrad.browser;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.stepgrad.support.Browser;
import org.stepgrad.support.BrowserFixture;
import org.stepgrad.support.TestServer;

/**
 * What a learner at a laptop reads: in every lesson, at its start, mid-forward, end of forward,
 * first backward step, mid-backward and end, the current node's text is at least 12 px tall at
 * 1280×800 and lies inside the visible stage; the Curve Fitter never shows 20 or more wires at once.
 * Every miss is collected, so one run prints the whole table a reviewer would measure by hand.
 */
class ReadabilityBrowserTest {
    @RegisterExtension
    static final BrowserFixture fixture = BrowserFixture.withJavaScript();
    static final TestServer server = fixture.server();
    static final Browser browser = fixture.browser();
    static final ObjectMapper JSON = new ObjectMapper();

    /** The current node's label height in CSS px, whether it lies inside the stage, and the wires in view. */
    private static final String MEASURE = """
            const stage = document.querySelector('.viewport').getBoundingClientRect();
            const node = document.querySelector('g.node[aria-current="step"]');
            const inView = (r) => r.width > 0 && r.right > stage.left && r.left < stage.right && r.bottom > stage.top && r.top < stage.bottom;
            // a wire is in view when some point along it is: a long routed path's bounding box is not enough
            const inStage = (x, y) => x > stage.left && x < stage.right && y > stage.top && y < stage.bottom;
            const seen = (path) => {
              if (!path.getClientRects().length || getComputedStyle(path).visibility === 'hidden') return false;
              const m = path.getScreenCTM(), len = path.getTotalLength();
              for (let i = 0; i <= 40; i++) {
                const p = path.getPointAtLength(len * i / 40);
                if (inStage(m.a * p.x + m.c * p.y + m.e, m.b * p.x + m.d * p.y + m.f)) return true;
              }
              return false;
            };
            const wires = [...document.querySelectorAll('g.edges > g')].filter((g) => [...g.querySelectorAll('path')].some(seen)).length;
            if (!node) return {height: -1, inside: false, wires};
            const text = node.querySelector('text');
            const r = text.getBoundingClientRect();
            const box = node.getBoundingClientRect();
            const inside = box.left >= stage.left - 1 && box.right <= stage.right + 1 && box.top >= stage.top - 1 && box.bottom <= stage.bottom + 1;
            return {height: r.height, inside, wires};
            """;

    @Test
    void every_lesson_shows_its_current_node_at_least_12_px_tall_inside_the_stage() throws Exception {
        sweep(1280, 800, false, 12);
    }

    @Test
    void in_presenter_mode_at_1920_by_1080_the_current_node_is_at_least_28_px_tall() throws Exception {
        sweep(1920, 1080, true, 28);
    }

    private static void sweep(int width, int height, boolean presenter, double least) throws Exception {
        browser.size(width, height);
        List<String> misses = new ArrayList<>();
        StringBuilder table = new StringBuilder();
        for (JsonNode lesson : JSON.readTree(server.get("/api/lessons").body())) {
            String id = lesson.get("id").asText();
            JsonNode replay = JSON.readTree(server.get("/api/lessons/" + id + "/replay").body());
            int forward = replay.get("forwardSteps").asInt();
            int count = replay.get("stepCount").asInt();
            int[] steps = {1, Math.max(1, forward / 2), forward, forward + 1, (forward + 1 + count) / 2, count};
            table.append(id).append(':');
            for (int step : steps) {
                browser.driver().get(server.url("/lessons/" + id + "?step=" + step));
                browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".stepper.ready")));
                if (presenter) {
                    browser.driver().findElement(By.cssSelector("[data-present]")).click();
                    browser.waiting().until(d -> d.findElements(By.cssSelector("html.presenter")).size() == 1);
                    browser.waiting().until(d -> ((Number) browser.driver().executeScript(
                            "return document.querySelector('.viewport').getBoundingClientRect().width")).doubleValue() > 0);
                }
                @SuppressWarnings("unchecked")
                Map<String, Object> m = (Map<String, Object>) browser.driver().executeScript(MEASURE);
                double px = ((Number) m.get("height")).doubleValue();
                boolean inside = (Boolean) m.get("inside");
                long wires = ((Number) m.get("wires")).longValue();
                table.append(String.format(Locale.ROOT, " %d:%.0fpx%s/%dw", step, px, inside ? "" : "(out)", wires));
                if (px < least) misses.add(String.format(Locale.ROOT, "%s step %d: current node text %.1f px", id, step, px));
                if (!inside) misses.add(id + " step " + step + ": the current node is not inside the visible stage");
                if (id.equals("curve-fitter") && wires >= 20) misses.add(id + " step " + step + ": " + wires + " wires in view");
            }
            table.append('\n');
        }
        String title = String.format(Locale.ROOT, "readability at %d×%d%s (step:text height/wires in view)%n", width, height,
                presenter ? " in presenter mode" : "");
        System.out.println(title + table);
        assertTrue(misses.isEmpty(), String.join("\n", misses) + "\n" + title + table);
    }
}
