package org.stepgrad.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.stepgrad.support.Browser;
import org.stepgrad.support.BrowserFixture;
import org.stepgrad.support.TestServer;

/** The loss landscape in a real browser: drawn with the four methods' paths, told apart without colour, redrawn as knobs move. */
class LandscapeBrowserTest {
    @RegisterExtension
    static final BrowserFixture fixture = BrowserFixture.withJavaScript();
    static final TestServer server = fixture.server();
    static final Browser browser = fixture.browser();
    static final Path OUT = Path.of(System.getProperty("stepgrad.screenshots", "target/screenshots"));

    @Test
    @SuppressWarnings("unchecked")
    void the_curve_fitters_landscape_draws_four_paths_each_with_its_own_dash_and_marker_and_a_legend() {
        open("/lessons/curve-fitter");
        List<Map<String, Object>> paths = (List<Map<String, Object>>) browser.driver().executeScript(
                "return [...document.querySelectorAll('svg.landscape-map g.path')].map(g => ({"
                        + " points: [...g.querySelectorAll('polyline')].map(p => p.getAttribute('points').split(' ').length).reduce((a, b) => a + b, 0),"
                        + " dash: getComputedStyle(g.querySelector('polyline')).strokeDasharray,"
                        + " marker: (g.querySelector('path.end')?.getAttribute('d') || '').replace(/[-0-9. ]+/g, ' ').trim()}));");
        assertEquals(4, paths.size(), "gradient descent, random search, momentum, Adam");
        Set<Object> dashes = new HashSet<>(), markers = new HashSet<>();
        for (Map<String, Object> p : paths) {
            assertTrue(((Number) p.get("points")).intValue() >= 5, "a path of several points: " + p);
            dashes.add(p.get("dash"));
            markers.add(p.get("marker"));
        }
        assertEquals(4, dashes.size(), "four line styles: " + dashes);
        assertEquals(4, markers.size(), "four marker shapes: " + markers);
        List<String> legend = browser.driver().findElements(By.cssSelector(".landscape-legend li")).stream().map(WebElement::getText).toList();
        assertEquals(5, legend.size(), legend.toString());
        for (String label : List.of("gradient descent", "random search", "momentum", "Adam", "now: k0 = -1, k1 = 2")) {
            assertTrue(legend.stream().anyMatch(l -> l.startsWith(label)), label + " in " + legend);
        }
        assertTrue(text(".slice-text").startsWith("A slice: the loss over k0 and k1 with k2 = 2, k3 = -2, k4 = -2, k5 = 1 held"), text(".slice-text"));
        browser.driver().executeScript("document.querySelector('section.landscape').scrollIntoView({block: 'start'});");
        browser.screenshot(OUT.resolve("landscape-curve-fitter-1280x800.png"));
        assertTrue(browser.consoleErrors().isEmpty(), browser.consoleErrors().toString());
    }

    @Test
    void moving_a_knob_redraws_the_slice_and_picking_axes_and_a_method_redraws_it_and_keeps_the_axes_in_the_url() {
        open("/lessons/curve-fitter");
        String cells = cells();
        browser.driver().executeScript("const k = document.getElementById('knob-2'); k.value = '0.5';"
                + "k.dispatchEvent(new Event('input', {bubbles: true}));");
        browser.waiting().until(d -> text(".slice-text").contains("k2 = 0.5"));
        assertNotEquals(cells, cells(), "the held knob moved, so the slice's loss changed");

        new Select(browser.driver().findElement(By.cssSelector("select.axis-y"))).selectByValue("k2");
        browser.waiting().until(d -> text(".slice-text").contains("over k0 and k2 with k1 = 2"));
        assertTrue(browser.driver().getCurrentUrl().contains("y=k2"), browser.driver().getCurrentUrl());

        new Select(browser.driver().findElement(By.cssSelector(".fitter select.method"))).selectByValue("momentum");
        browser.waiting().until(d -> text(".worked-head").startsWith("Two momentum updates of k0"));
        assertEquals("0.1", browser.driver().findElement(By.cssSelector(".fitter input.rate")).getDomProperty("value"), "the lesson file's momentum rate");
        assertTrue(text(".worked-lines").contains("v ← β·v + ∂L/∂k0 = 0.9·0 +"), text(".worked-lines"));

        browser.driver().get(browser.driver().getCurrentUrl()); // the link reopens the same slice
        browser.waiting().until(d -> !d.findElements(By.cssSelector("section.landscape.ready")).isEmpty());
        assertTrue(text(".slice-text").contains("over k0 and k2"), text(".slice-text"));
        assertTrue(browser.consoleErrors().isEmpty(), browser.consoleErrors().toString());
    }

    @Test
    void the_optimizer_lesson_draws_its_six_runs_on_the_whole_landscape() {
        open("/lessons/optimizers");
        assertEquals(6, browser.driver().findElements(By.cssSelector("svg.landscape-map g.path")).size());
        assertTrue(text(".slice-text").startsWith("The whole landscape"), text(".slice-text"));
        browser.screenshot(OUT.resolve("optimizers-1280x800.png"));
        browser.driver().executeScript("document.querySelector('section.landscape').scrollIntoView({block: 'start'});");
        browser.screenshot(OUT.resolve("landscape-optimizers-1280x800.png"));
    }

    private static void open(String path) {
        browser.size(1280, 800);
        browser.driver().get(server.url(path));
        browser.waiting().until(d -> !d.findElements(By.cssSelector("aside.fitter.ready section.landscape.ready")).isEmpty());
    }

    private static String cells() {
        return (String) browser.driver().executeScript(
                "return [...document.querySelectorAll('svg.landscape-map .cells rect')].map(r => r.getAttribute('class') + r.getAttribute('x')).join(' ');");
    }

    /** Read in one script: the drawing may be swapped between finding an element and reading it. */
    private static String text(String css) {
        Object t = browser.driver().executeScript("const e = document.querySelector(arguments[0]); return e ? e.innerText.trim() : '';", css);
        return String.valueOf(t);
    }
}
