package org.stepgrad.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.stepgrad.support.Browser;
import org.stepgrad.support.BrowserFixture;
import org.stepgrad.support.TestServer;

/**
 * The Curve Fitter's graph in a real browser: shut points hide their nodes, "next point" jumps where
 * the replay's step → cluster map says, skipping keeps →/← in one point, a toggle opens a point.
 * Its screenshots are taken by {@link ClusterScreenshotTour}, a tool outside the suite.
 */
class ClusterBrowserTest {
    @RegisterExtension
    static final BrowserFixture fixture = BrowserFixture.withJavaScript();
    static final TestServer server = fixture.server();
    static final Browser browser = fixture.browser();
    static JsonNode walk;

    @BeforeAll
    static void replay() throws Exception {
        walk = new ObjectMapper().readTree(server.get("/api/lessons/curve-fitter/replay").body()).get("walk");
    }

    static int cluster(int step) {
        return walk.get("cluster").get(step).asInt();
    }

    /** The first page step working in cluster c (in the forward pass). */
    static int firstStepOf(int c) {
        for (int s = 0; s < walk.get("cluster").size(); s++) if (cluster(s) == c) return s;
        throw new AssertionError("no step in cluster " + c);
    }

    @Test
    void shut_points_are_single_boxes_and_the_point_holding_the_step_is_open() {
        open(firstStepOf(2) + 2); // inside point 3
        assertEquals(List.of("point 3"), openGroups());
        assertFalse(shown("r_5"), "point 5 is shut: its nodes are not drawn");
        assertFalse(shown("x_1"), "point 1 is shut");
        assertTrue(shown("x_3"));
        assertTrue(shown("k0") || !openGroups().isEmpty(), "the knobs are drawn");
        assertTrue(shutBox("point 1").getText().contains("r_1 = "), "a computed point says its residual");
        assertFalse(shutBox("point 5").getText().contains("="), "a point not yet computed shows no value");
        assertEquals("step", attr("g.node.current", "aria-current"), "the contract: the step's node carries aria-current");
    }

    @Test
    void next_point_jumps_to_the_first_step_of_the_next_point() {
        open(firstStepOf(2) + 2);
        click("[data-go='next-point']");
        int s = step();
        assertEquals(firstStepOf(3), s, "the first step of point 4");
        assertEquals(3, cluster(s));
        browser.waiting().until(d -> openGroups().equals(List.of("point 4"))); // point 4 opens, point 3 shuts
        assertTrue(shown("x_4") && !shown("x_3"));
        browser.waiting().until(d -> d.getCurrentUrl().endsWith("step=" + s)); // the address follows within a quarter second
        press("]");
        assertEquals(firstStepOf(4), step());
        press("[");
        press("[");
        assertEquals(firstStepOf(2), step(), "two points back: point 3");
        // the link itself says where it goes, for a middle click or no script
        assertTrue(attr("[data-go='next-point']", "href").endsWith("step=" + walk.get("next").get(step()).asInt()));
    }

    @Test
    void skipping_other_points_keeps_the_arrow_keys_in_the_open_point() {
        open(firstStepOf(0) + 1);
        click("input[data-skip]");
        int stepCount = walk.get("cluster").size() - 1;
        int last = step();
        for (int i = 0; i < 60 && step() < stepCount; i++) {
            press(Keys.ARROW_RIGHT);
            if (step() == last) showMe(); // → holds at an unanswered checkpoint until it is settled
            int s = step();
            assertTrue(s > last, "→ moves on");
            assertTrue(cluster(s) == -1 || cluster(s) == 0, "step " + s + " is in point 1 or shared, not in " + cluster(s));
            for (int skipped = last + 1; skipped < s; skipped++) assertTrue(cluster(skipped) > 0, "only other points are skipped");
            last = s;
        }
        assertTrue(last > firstStepOf(11), "the walk went past every other point: " + last);
        press(Keys.ARROW_LEFT);
        assertTrue(cluster(step()) <= 0);
        assertTrue(browser.driver().getCurrentUrl().contains("skip=1"), "the link keeps the mode");

        // opening that link again restores skipping: → still stays out of the other points
        browser.driver().navigate().refresh();
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".stepper.ready")));
        assertTrue(browser.driver().findElement(By.cssSelector("input[data-skip]")).isSelected());
        int before = step();
        press(Keys.ARROW_RIGHT);
        for (int skipped = before + 1; skipped < step(); skipped++) assertTrue(cluster(skipped) > 0, "only other points are skipped");

        click("input[data-skip]");
        assertFalse(browser.driver().getCurrentUrl().contains("skip="), "turning it off leaves the link plain");
    }

    @Test
    void a_shut_point_opens_on_a_click_and_shuts_again_on_enter_and_the_link_keeps_it() {
        open(firstStepOf(0) + 1);
        assertFalse(shown("r_7"));
        WebElement box = shutBox("point 7");
        assertEquals("false", box.getAttribute("aria-expanded"));
        // the box may be outside the part on screen: click it as a pointer would
        script("arguments[0].dispatchEvent(new MouseEvent('click', {bubbles: true}))", box);
        browser.waiting().until(d -> shown("r_7"));
        assertTrue(openGroups().containsAll(List.of("point 1", "point 7")), "point 1, being worked in, stays open: " + openGroups());
        assertTrue(browser.driver().getCurrentUrl().contains("open="), "the link keeps the opened point");
        WebElement toggle = browser.driver().findElement(By.xpath(
                "//*[local-name()='g'][contains(@class,'group open')][.//*[local-name()='text'][.='▾ point 7']]/*[contains(@class,'group-toggle')]"));
        script("arguments[0].focus()", toggle);
        new Actions(browser.driver()).sendKeys(Keys.ENTER).perform();
        browser.waiting().until(d -> !shown("r_7"));
        assertEquals(List.of("point 1"), openGroups());
    }

    /** Settles the checkpoint on screen with "Show me", then steps on. */
    private static void showMe() {
        for (WebElement b : browser.driver().findElements(By.cssSelector("form.checkpoint button.show-me"))) {
            if (b.isDisplayed()) b.click();
        }
        press(Keys.ARROW_RIGHT);
    }

    private static void open(int step) {
        browser.driver().get(server.url("/lessons/curve-fitter?step=" + step));
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".stepper.ready")));
    }

    /** The labels of the groups drawn open. */
    @SuppressWarnings("unchecked")
    private static List<String> openGroups() {
        // read in one go: the drawing is replaced while a group opens, and an element read later would be gone
        List<String> labels = (List<String>) script("return [...document.querySelectorAll('g.group.open > .group-toggle .group-label')]"
                + ".map(e => e.textContent.slice(2))");
        return labels.stream().filter(l -> l.startsWith("point ")).toList();
    }

    /** A shut group's box, by its label. */
    private static WebElement shutBox(String label) {
        return browser.driver().findElement(By.xpath("//*[local-name()='g'][contains(@class,'group shut')]"
                + "[*[local-name()='text'][contains(@class,'group-label')][.='▸ " + label + "']]"));
    }

    /** Whether a node is drawn (it may still be outside the part of the graph on screen). */
    private static boolean shown(String name) {
        return !browser.driver().findElements(By.cssSelector("g.node[data-node-name='" + name + "']")).isEmpty();
    }

    private static Object script(String js, Object... args) {
        return ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript(js, args);
    }

    private static void click(String css) {
        browser.driver().findElement(By.cssSelector(css)).click();
    }

    private static void press(CharSequence key) {
        browser.driver().findElement(By.cssSelector("body")).sendKeys(""); // keys go to the page, not a field
        new Actions(browser.driver()).sendKeys(key).perform();
    }

    private static int step() {
        return Integer.parseInt(attr(".stepper", "data-step"));
    }

    private static String attr(String css, String name) {
        return browser.driver().findElement(By.cssSelector(css)).getAttribute(name);
    }

    private static String text(String css) {
        return browser.driver().findElement(By.cssSelector(css)).getText();
    }
}
