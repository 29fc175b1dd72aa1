package org.stepgrad.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.stepgrad.support.Browser;
import org.stepgrad.support.BrowserFixture;
import org.stepgrad.support.TestServer;

/** The page at night (prefers-color-scheme: dark) and on paper (print): what a learner sees in each. */
class DarkAndPrintBrowserTest {
    @RegisterExtension
    static final BrowserFixture fixture = BrowserFixture.withJavaScript();
    static final TestServer server = fixture.server();
    static final Browser browser = fixture.browser();

    /** WCAG relative luminance of a computed colour. */
    static final String LUMINANCE = """
            const lum = (c) => { const [r, g, b] = c.match(/[\\d.]+/g).slice(0, 3).map(Number).map(v => v / 255)
                .map(v => v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4); return 0.2126 * r + 0.7152 * g + 0.0722 * b; };
            const el = arguments[0];
            return lum(getComputedStyle(el)[arguments[1]]);
            """;

    @Test
    void dark_mode_gives_a_dark_page_with_light_text_on_the_index_a_lesson_and_the_playground() {
        browser.media("", "dark");
        List<String> misses = new ArrayList<>();
        for (String path : List.of("/", "/lessons/chain-rule?step=3", "/playground?step=3", "/embed/chain-rule?step=3", "/join")) {
            browser.driver().get(server.url(path));
            WebElement root = browser.driver().findElement(By.tagName("html"));
            double page = luminance(root, "backgroundColor");
            double text = luminance(root, "color");
            if (page > 0.05) misses.add(path + ": page background luminance " + page);
            if ((text + 0.05) / (page + 0.05) < 7) misses.add(path + ": text contrast " + (text + 0.05) / (page + 0.05));
            if (!path.equals("/") && !path.equals("/join")) {
                browser.waiting().until(d -> !d.findElements(By.cssSelector(".stepper.ready")).isEmpty());
                WebElement box = browser.driver().findElement(By.cssSelector("g.node:not(.current) rect"));
                WebElement label = browser.driver().findElement(By.cssSelector("g.node:not(.current) text.label"));
                double fill = luminance(box, "fill");
                double ink = luminance(label, "fill");
                if (fill > 0.05) misses.add(path + ": a node's box is light, luminance " + fill);
                if ((ink + 0.05) / (fill + 0.05) < 7) misses.add(path + ": a node's label contrast " + (ink + 0.05) / (fill + 0.05));
            }
            browser.screenshot(Path.of("target/screenshots/dark" + path.replaceAll("[^a-z0-9]+", "-") + ".png"));
        }
        assertTrue(misses.isEmpty(), String.join("\n", misses));
        // the colour-blind-safe pair still tells a positive gradient from a negative one
        browser.driver().get(server.url("/lessons/chain-rule?step=6"));
        String pos = (String) browser.driver().executeScript("return getComputedStyle(document.documentElement).getPropertyValue('--pos').trim()");
        String neg = (String) browser.driver().executeScript("return getComputedStyle(document.documentElement).getPropertyValue('--neg').trim()");
        assertEquals("#56b4e9", pos, "Okabe-Ito sky blue for positive");
        assertEquals("#e69f00", neg, "Okabe-Ito orange for negative");

        browser.media("", "light");
        browser.driver().get(server.url("/"));
        assertTrue(luminance(browser.driver().findElement(By.tagName("html")), "backgroundColor") > 0.9, "light by day");
    }

    @Test
    void a_printed_lesson_shows_the_graph_at_its_step_and_the_narration_and_no_controls() throws Exception {
        browser.driver().get(server.url("/lessons/chain-rule?step=2"));
        browser.waiting().until(d -> !d.findElements(By.cssSelector(".stepper.ready")).isEmpty());
        new Actions(browser.driver()).sendKeys(Keys.ARROW_RIGHT).perform(); // printed at the step on screen, not the one it opened at
        browser.waiting().until(d -> "3".equals(d.findElement(By.cssSelector(".stepper")).getAttribute("data-step")));
        String narration = browser.driver().findElement(By.cssSelector(".narration .text")).getText();
        browser.media("print", "");
        List<String> shown = new ArrayList<>();
        for (String css : List.of("button", "input", "select", ".controls", ".scrubber", ".zoom", ".share", "header.site", ".lesson-foot", ".fitter")) {
            for (WebElement e : browser.driver().findElements(By.cssSelector(css))) if (e.isDisplayed()) shown.add(css + " " + e.getText());
        }
        assertTrue(shown.isEmpty(), "controls on paper: " + shown);
        WebElement current = browser.driver().findElement(By.cssSelector("g.node[aria-current=step]"));
        assertTrue(current.isDisplayed(), "the step's node is printed");
        assertTrue(current.getText().contains("-16") || current.getAttribute("textContent").contains("-16"), current.getAttribute("textContent"));
        assertEquals(narration, browser.driver().findElement(By.cssSelector(".narration .text")).getText(), "with its narration");
        assertTrue(browser.driver().findElement(By.cssSelector(".intro h1")).isDisplayed(), "under the lesson's title");
        // the whole drawing on the page, not a scrolled fragment of it
        @SuppressWarnings("unchecked")
        Map<String, Object> fit = (Map<String, Object>) browser.driver().executeScript(
                "const s = document.querySelector('svg.graph').getBoundingClientRect(); return {w: s.width, page: document.documentElement.clientWidth};");
        assertTrue(((Number) fit.get("w")).doubleValue() <= ((Number) fit.get("page")).doubleValue() + 1, fit.toString());
        browser.media("", "");

        // and as Chromium prints it: a PDF to look at
        @SuppressWarnings("unchecked")
        Map<String, Object> pdf = (Map<String, Object>) browser.driver().executeCdpCommand("Page.printToPDF", Map.of("printBackground", true));
        byte[] bytes = Base64.getDecoder().decode((String) pdf.get("data"));
        assertEquals("%PDF", new String(bytes, 0, 4, java.nio.charset.StandardCharsets.US_ASCII));
        Path file = Path.of("target/screenshots/print-chain-rule-step-3.pdf");
        Files.createDirectories(file.getParent());
        Files.write(file, bytes);
        assertFalse(bytes.length < 2000, "a PDF with a drawing in it: " + bytes.length + " bytes");
    }

    private static double luminance(WebElement el, String property) {
        return ((Number) browser.driver().executeScript(LUMINANCE, el, property)).doubleValue();
    }
}
