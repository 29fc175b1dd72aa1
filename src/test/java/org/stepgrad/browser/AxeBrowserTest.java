package org.stepgrad.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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

/**
 * Deque's axe-core, the checker accessibility reviewers run, injected into every kind of page in
 * light and dark: no serious or critical violation, and every node's name holds the texts its box
 * shows. bin/test installs axe-core from npm into target/axe when it is missing.
 */
class AxeBrowserTest {
    @RegisterExtension
    static final BrowserFixture fixture = BrowserFixture.withJavaScript();
    static final TestServer server = fixture.server();
    static final Browser browser = fixture.browser();
    static final ObjectMapper JSON = new ObjectMapper();
    static final Path AXE = Path.of("target/axe/node_modules/axe-core/axe.min.js");

    /**
     * Runs axe with its default rules and label-content-name-mismatch (off by default), and returns
     * each serious or critical violation, and each node or group whose name may miss its visible text.
     */
    static final String RUN = """
            const done = arguments[arguments.length - 1];
            axe.run(document, { rules: { 'label-content-name-mismatch': { enabled: true } } }).then((r) => {
              const out = [];
              for (const v of r.violations) for (const n of v.nodes)
                if (v.impact === 'serious' || v.impact === 'critical' || v.id === 'label-content-name-mismatch')
                  out.push(v.id + ' (' + v.impact + ') ' + n.target.join(' ') + ': ' + n.html.slice(0, 160));
              for (const v of r.incomplete) for (const n of v.nodes)
                if (v.id === 'label-content-name-mismatch' && /class="(node|group)/.test(n.html))
                  out.push(v.id + ' (unsure) ' + n.target.join(' ') + ': ' + n.html.slice(0, 160));
              const checked = (r.passes.find((p) => p.id === 'label-content-name-mismatch') || { nodes: [] }).nodes.length;
              done({ problems: out, namesChecked: checked });
            }, (e) => done({ problems: ['axe failed: ' + e], namesChecked: 0 }));
            """;

    @Test
    void every_kind_of_page_has_no_serious_violation_in_light_and_dark() throws Exception {
        int checkpoint = JSON.readTree(server.get("/api/lessons/chain-rule").body()).get("checkpoints").get(0).get("step").asInt();
        List<String> problems = new ArrayList<>();
        StringBuilder table = new StringBuilder();
        for (String scheme : List.of("light", "dark")) {
            browser.media("", scheme);
            for (String path : List.of("/", "/lessons/chain-rule?step=1", "/lessons/curve-fitter?step=40", "/playground?step=1",
                    "/embed/chain-rule?step=3", "/embed/playground?step=2", "/lessons/chain-rule?present=1&step=" + checkpoint)) {
                browser.driver().get(server.url(path));
                if (!path.equals("/")) {
                    browser.waiting().until(d -> !d.findElements(By.cssSelector(".stepper.ready")).isEmpty());
                    // the names must follow the texts the stepper paints, not only the server's first drawing
                    if (!path.contains("present")) step(Keys.ARROW_RIGHT, 2);
                }
                Map<String, Object> r = axe();
                @SuppressWarnings("unchecked")
                List<String> found = (List<String>) r.get("problems");
                long checked = ((Number) r.get("namesChecked")).longValue();
                table.append(String.format("%s %s: %d problems, %d names checked%n", scheme, path, found.size(), checked));
                for (String f : found) problems.add(scheme + " " + path + ": " + f);
                if (path.startsWith("/lessons/chain-rule?step") && checked < 6) problems.add(path + ": axe checked the names of only " + checked + " elements");
            }
        }
        System.out.println(table);
        assertTrue(problems.isEmpty(), String.join("\n", problems) + "\n" + table);
    }

    @Test
    void every_node_is_named_by_what_its_box_shows_at_every_step_and_a_checkpoint_keeps_its_answer_unsaid() {
        browser.driver().get(server.url("/lessons/chain-rule?step=0"));
        browser.waiting().until(d -> !d.findElements(By.cssSelector(".stepper.ready")).isEmpty());
        List<String> misses = new ArrayList<>();
        int count = Integer.parseInt(browser.driver().findElement(By.cssSelector(".stepper")).getAttribute("data-step-count"));
        for (int i = 0; i <= count + 2; i++) {
            // the stepper may still be swapping in the server's drawing of the step: wait for the names to settle, then read
            try {
                browser.waiting().until(d -> namesThatMissTheirTexts().isEmpty());
            } catch (org.openqa.selenium.TimeoutException unsettled) {
                misses.addAll(namesThatMissTheirTexts());
            }
            // a checkpoint holds the step: answer it with Show me and go on
            for (WebElement show : browser.driver().findElements(By.cssSelector("form.checkpoint:not([hidden]) .show-me"))) if (show.isDisplayed()) show.click();
            if (i < count) step(Keys.ARROW_RIGHT, 1);
        }
        assertTrue(misses.isEmpty(), String.join("\n", misses));
    }

    @Test
    void the_focus_ring_shows_on_the_current_node_in_light_and_dark() {
        for (String scheme : List.of("light", "dark")) {
            browser.media("", scheme);
            browser.driver().get(server.url("/lessons/chain-rule?step=2"));
            browser.waiting().until(d -> !d.findElements(By.cssSelector(".stepper.ready")).isEmpty());
            WebElement current = browser.driver().findElement(By.cssSelector("g.node[aria-current=step]"));
            String unfocused = stroke(current);
            // no pointer has touched the page, so a focused node shows its ring as it does when tabbed to
            browser.driver().executeScript("arguments[0].focus()", current);
            assertEquals(true, browser.driver().executeScript("return arguments[0].matches(':focus-visible')", current), scheme + ": focus-visible");
            String focus = (String) browser.driver().executeScript(
                    "const c = document.createElement('i'); c.style.color = 'var(--focus)'; document.body.append(c);"
                    + " const v = getComputedStyle(c).color; c.remove(); return v;");
            // the box's colour eases over .15 s: wait for where it settles
            browser.waiting().until(d -> ((Number) browser.driver().executeScript("return document.getAnimations().length")).intValue() == 0);
            assertEquals(focus, stroke(current), scheme + ": focused, the current node's box is drawn in the focus colour (it was " + unfocused + ")");
            assertEquals("solid", browser.driver().executeScript("return getComputedStyle(arguments[0]).outlineStyle", current), scheme + ": and outlined");
        }
    }

    /** Each node whose name is not what its box shows; read again when the stepper swaps in a new drawing meanwhile. */
    private static List<String> namesThatMissTheirTexts() {
        for (int attempt = 0; ; attempt++) {
            try {
                List<String> misses = new ArrayList<>();
                for (WebElement node : browser.driver().findElements(By.cssSelector("g.node"))) {
                    // what the box shows: a checkpoint hides the value or gradient it asks for, and the name must not give it away
                    String shown = String.join(" ", node.findElements(By.cssSelector("text")).stream()
                            .filter(t -> !"hidden".equals(t.getCssValue("visibility")))
                            .map(t -> t.getAttribute("textContent")).filter(t -> !t.isBlank()).toList());
                    String name = node.getAccessibleName();
                    if (!name.replaceAll(" +", " ").strip().equals(shown)) misses.add(browser.driver().getCurrentUrl() + ": named '" + name + "', shows '" + shown + "'");
                }
                return misses;
            } catch (org.openqa.selenium.StaleElementReferenceException swapped) {
                if (attempt == 5) throw swapped;
            }
        }
    }

    private static String stroke(WebElement node) {
        return (String) browser.driver().executeScript("return getComputedStyle(arguments[0].querySelector('rect')).stroke", node);
    }

    private static void step(Keys key, int times) {
        for (int i = 0; i < times; i++) {
            String before = (String) browser.driver().executeScript("return document.querySelector('.stepper').dataset.step");
            new Actions(browser.driver()).sendKeys(key).perform();
            // the step moves, or a checkpoint holds it: either way the repaint is done once the attribute settles
            browser.waiting().until(d -> !before.equals(((org.openqa.selenium.JavascriptExecutor) d).executeScript(
                    "return document.querySelector('.stepper').dataset.step")) || !d.findElements(By.cssSelector("form.checkpoint:not([hidden])")).isEmpty());
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> axe() throws IOException {
        if (!Files.isRegularFile(AXE)) throw new AssertionError(AXE + " is missing: bin/test installs it (npm install --prefix target/axe axe-core@4)");
        browser.driver().executeScript(Files.readString(AXE, StandardCharsets.UTF_8));
        return (Map<String, Object>) browser.driver().executeAsyncScript(RUN);
    }
}
