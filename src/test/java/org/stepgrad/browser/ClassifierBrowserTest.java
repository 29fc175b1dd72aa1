package org.stepgrad.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.stepgrad.support.Browser;
import org.stepgrad.support.BrowserFixture;
import org.stepgrad.support.TestServer;

/** The classifier lesson in a real browser: the boundary is drawn beside the graph and redrawn as the iteration moves. */
class ClassifierBrowserTest {
    @RegisterExtension
    static final BrowserFixture fixture = BrowserFixture.withJavaScript();
    static final TestServer server = fixture.server();
    static final Browser browser = fixture.browser();
    static final Path OUT = Path.of(System.getProperty("stepgrad.screenshots", "target/screenshots"));

    @Test
    void the_boundary_is_drawn_and_moves_with_the_iteration_and_the_graph_link_follows() {
        browser.driver().get(server.url("/lessons/classifier"));
        browser.waiting().until(d -> !d.findElements(By.cssSelector("aside.classifier.ready")).isEmpty());
        assertEquals(14, count("svg.boundary-plot path.point.class-1"), "class 1 as triangles");
        assertEquals(16, count("svg.boundary-plot circle.point.class-0"), "class 0 as circles");
        assertTrue(count("svg.boundary-plot [data-part='cells'] path.band") >= 1);
        assertTrue(visibleArea("svg.boundary-plot") > 250 * 250, "drawn at a readable size");
        String cells = html("[data-part='cells']");
        String marker = attribute("svg.loss-plot .marker", "cx");
        assertTrue(text(".classifier .accuracy").startsWith("16 of 30"), text(".classifier .accuracy"));

        browser.driver().executeScript("const s = document.querySelector('aside.classifier input.iteration');"
                + "s.value = '150'; s.dispatchEvent(new Event('input', {bubbles: true}));");
        browser.waiting().until(d -> text(".classifier .iteration-value").equals("150"));
        assertNotEquals(cells, html("[data-part='cells']"), "the cells were redrawn");
        assertTrue(!attribute("svg.boundary-plot path.contour", "d").isEmpty(), "the half line is drawn");
        assertTrue(text(".classifier .accuracy").startsWith("30 of 30"), text(".classifier .accuracy"));
        assertNotEquals(marker, attribute("svg.loss-plot .marker", "cx"));
        assertEquals(0, count("svg.boundary-plot .point.wrong"));
        String graph = attribute(".classifier .open-graph a", "href");
        assertTrue(graph.contains("k=") && graph.endsWith("it=150"), graph);
        assertTrue(browser.driver().getCurrentUrl().contains("it=150"), browser.driver().getCurrentUrl());
        browser.screenshot(OUT.resolve("classifier-1280x800.png"));

        String trained = html("[data-part='cells']");
        browser.driver().findElement(By.cssSelector(".classifier a.iteration-link[data-iteration='25']")).click();
        browser.waiting().until(d -> text(".classifier .iteration-value").equals("25"));
        assertNotEquals(trained, html("[data-part='cells']"));
        assertTrue(browser.driver().getCurrentUrl().contains("it=25"), "the link was followed by the script, the page kept");
        assertEquals("true", attribute(".classifier a.iteration-link[data-iteration='25']", "aria-current"));
        assertTrue(browser.consoleErrors().isEmpty(), browser.consoleErrors().toString());
    }

    private static long count(String css) {
        return browser.driver().findElements(By.cssSelector(css)).size();
    }

    private static String text(String css) {
        return browser.driver().findElement(By.cssSelector(css)).getText();
    }

    private static String attribute(String css, String name) {
        String v = browser.driver().findElement(By.cssSelector(css)).getAttribute(name);
        return v == null ? "" : v;
    }

    private static String html(String css) {
        return (String) browser.driver().executeScript("return document.querySelector(arguments[0]).innerHTML;", css);
    }

    private static double visibleArea(String css) {
        return ((Number) browser.driver().executeScript("const r = document.querySelector(arguments[0]).getBoundingClientRect(); return r.width * r.height;", css)).doubleValue();
    }
}
