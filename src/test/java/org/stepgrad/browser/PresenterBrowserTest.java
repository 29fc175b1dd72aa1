package org.stepgrad.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.stepgrad.support.Browser;
import org.stepgrad.support.BrowserFixture;
import org.stepgrad.support.TestServer;

/** Presenter mode as a teacher uses it: opened from a link, stepped with a clicker, blanked, read from the back row. */
class PresenterBrowserTest {
    @RegisterExtension
    static final BrowserFixture fixture = BrowserFixture.withJavaScript();
    static final TestServer server = fixture.server();
    static final Browser browser = fixture.browser();
    static final ObjectMapper JSON = new ObjectMapper();

    /** WCAG's contrast ratio of an element's text against the first opaque background behind it. */
    static final String CONTRAST = """
            const lum = (c) => { const [r, g, b] = c.match(/[\\d.]+/g).slice(0, 3).map(Number).map(v => v / 255)
                .map(v => v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4); return 0.2126 * r + 0.7152 * g + 0.0722 * b; };
            const opaque = (c) => { const p = c.match(/[\\d.]+/g); return p && (p.length < 4 || Number(p[3]) > 0); };
            const el = arguments[0];
            let bg = null;
            for (let e = el; e && !bg; e = e.parentElement) { const c = getComputedStyle(e).backgroundColor; if (opaque(c)) bg = c; }
            if (!bg) bg = 'rgb(255, 255, 255)';
            const a = lum(getComputedStyle(el).color), b = lum(bg);
            return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
            """;

    @Test
    void a_present_link_opens_presenter_mode_at_first_paint_and_the_step_links_keep_it() throws Exception {
        String html = server.get("/lessons/chain-rule?present=1&step=1").body();
        assertTrue(html.contains("<html lang=\"en\" class=\"presenter\">"), "the server writes the mode into the page");
        assertFalse(server.get("/lessons/chain-rule?step=1").body().contains("class=\"presenter\""), "not without the parameter");

        open("/lessons/chain-rule?present=1&step=1");
        assertTrue(presenting());
        assertEquals("Exit presenter", browser.driver().findElement(By.cssSelector("[data-present]")).getText());
        press(Keys.PAGE_DOWN);
        assertEquals(2, step(), "PageDown steps");
        press(Keys.PAGE_UP);
        assertEquals(1, step(), "PageUp steps back");
        assertTrue(browser.driver().getCurrentUrl().contains("present=1"), "the permalink keeps the mode");
        for (WebElement a : browser.driver().findElements(By.cssSelector(".stepper a[data-go]"))) {
            assertTrue(a.getAttribute("href").contains("present=1"), "a step link keeps the mode: " + a.getAttribute("href"));
        }
        String page = (String) browser.driver().executeScript("return getComputedStyle(document.documentElement).backgroundColor");
        assertEquals("rgb(0, 0, 0)", page, "the whole page is dark, no bright band below the body");

        browser.driver().findElement(By.cssSelector("[data-present]")).click();
        assertFalse(presenting(), "the button leaves presenter mode");
        assertFalse(browser.driver().getCurrentUrl().contains("present=1"));
        press("p");
        assertTrue(presenting(), "P enters it again");
        assertTrue(browser.driver().getCurrentUrl().contains("present=1"));
    }

    @Test
    void b_and_dot_blank_the_screen_and_bring_it_back() {
        open("/lessons/chain-rule?present=1");
        WebElement blank = browser.driver().findElement(By.cssSelector(".presenter-blank"));
        assertFalse(blank.isDisplayed());
        press("b");
        assertTrue(blank.isDisplayed(), "B blanks the screen");
        assertEquals(Boolean.TRUE, browser.driver().executeScript(
                "const r = arguments[0].getBoundingClientRect(); return r.width >= innerWidth && r.height >= innerHeight"
                        + " && getComputedStyle(arguments[0]).backgroundColor === 'rgb(0, 0, 0)'"
                        + " && document.elementFromPoint(innerWidth / 2, innerHeight / 2) === arguments[0]", blank),
                "a black cover over everything");
        press("b");
        assertFalse(blank.isDisplayed(), "B again brings it back");
        press(".");
        assertTrue(blank.isDisplayed(), "so does the clicker's .");
        press(".");
        assertFalse(blank.isDisplayed());
    }

    @Test
    void a_checkpoint_reads_from_the_back_row() throws Exception {
        browser.size(1920, 1080);
        JsonNode c = JSON.readTree(server.get("/api/lessons/chain-rule").body()).get("checkpoints").get(0);
        open("/lessons/chain-rule?present=1&step=" + c.get("step").asInt());
        WebElement form = browser.driver().findElement(By.cssSelector("form.checkpoint[data-step='" + c.get("step").asInt() + "']"));
        assertTrue(form.isDisplayed());
        for (WebElement text : form.findElements(By.cssSelector(".ask, label"))) {
            double ratio = ((Number) browser.driver().executeScript(CONTRAST, text)).doubleValue();
            assertTrue(ratio >= 4.5, "checkpoint text contrast " + ratio + ": " + text.getText());
        }
        for (String css : new String[] {".narration .text", ".narration .headline"}) {
            for (WebElement text : browser.driver().findElements(By.cssSelector(css))) {
                if (!text.isDisplayed()) continue;
                double ratio = ((Number) browser.driver().executeScript(CONTRAST, text)).doubleValue();
                assertTrue(ratio >= 7, css + " contrast " + ratio);
            }
        }
        // while the checkpoint asks, the narration says so in a pseudo-element, read against the narration's panel
        double hint = ((Number) browser.driver().executeScript(CONTRAST.replace("getComputedStyle(el).color",
                "getComputedStyle(el, '::after').color"), browser.driver().findElement(By.cssSelector(".narration")))).doubleValue();
        assertTrue(hint >= 4.5, "the checkpoint hint in the narration: contrast " + hint);
        double stage = ((Number) browser.driver().executeScript(
                "return document.querySelector('.viewport').getBoundingClientRect().height")).doubleValue();
        assertTrue(stage >= 700, "the graph fills the screen: its stage is " + stage + " px of 1080");
        browser.screenshot(Path.of("target/screenshots/presenter-checkpoint-1920.png"));
    }

    private static boolean presenting() {
        return Boolean.TRUE.equals(browser.driver().executeScript("return document.documentElement.classList.contains('presenter')"));
    }

    private static void open(String path) {
        browser.driver().get(server.url(path));
        browser.waiting().until(d -> !d.findElements(By.cssSelector(".stepper.ready")).isEmpty());
    }

    private static void press(CharSequence key) {
        new Actions(browser.driver()).sendKeys(key).perform();
    }

    private static int step() {
        return Integer.parseInt(browser.driver().findElement(By.cssSelector(".stepper")).getAttribute("data-step"));
    }
}
