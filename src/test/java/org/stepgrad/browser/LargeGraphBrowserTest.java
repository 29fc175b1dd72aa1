package org.stepgrad.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.stepgrad.support.Browser;
import org.stepgrad.support.BrowserFixture;
import org.stepgrad.support.TestServer;
import org.stepgrad.web.Programs;
import org.stepgrad.web.json.ReplayJson;

/**
 * A curve fit over 200 points typed into the playground (4,807 nodes, about 9,600 steps): the
 * page opens drawn, the stepper holds the replay a window of steps at a time, and what it paints
 * after stepping across a window's edge, and after a jump far beyond the windows it holds, is
 * what the server draws at that step when asked afresh (the no-script page's drawing).
 */
class LargeGraphBrowserTest {
    @RegisterExtension
    static final BrowserFixture fixture = BrowserFixture.withJavaScript();
    static final TestServer server = fixture.server();
    static final Browser browser = fixture.browser();
    static final String SOURCE = Programs.polynomialFit(200);

    @Test
    void a_fit_over_two_hundred_points_opens_drawn_and_steps_across_its_windows() {
        int start = ReplayJson.WINDOW - 5;
        open(start);
        assertTrue(stepCount() > 2 * ReplayJson.WINDOW, "the graph spans several windows: " + stepCount());
        assertFalse(browser.driver().findElement(By.cssSelector(".stepper")).getText().contains("draws up to"), "nothing is refused");
        assertNotNull(browser.driver().findElement(By.cssSelector("svg.graph g.node[aria-current='step']")));
        for (int i = 0; i < 12; i++) press(Keys.ARROW_RIGHT);
        browser.waiting().until(d -> step() == start + 12);
        assertEquals(start + 12, step(), "twelve presses cross the window's edge at " + ReplayJson.WINDOW);
        assertPaintedAsServerDraws();
        for (int i = 0; i < 12; i++) press(Keys.ARROW_LEFT);
        browser.waiting().until(d -> step() == start);
        assertPaintedAsServerDraws();
    }

    @Test
    void a_jump_beyond_the_held_windows_shows_what_the_server_draws_there() {
        open(3);
        press(Keys.END);
        browser.waiting().until(d -> step() == stepCount());
        browser.waiting().until(d -> d.findElement(By.cssSelector(".narration .headline")).getText().startsWith("Step " + stepCount() + " of"));
        assertPaintedAsServerDraws();
        press(Keys.HOME);
        browser.waiting().until(d -> step() == 0);
        assertPaintedAsServerDraws();
    }

    /**
     * Every drawn node's value and gradient, and the narration, as painted by the stepper, equal
     * the server's drawing of the same step with the same groups open, fetched afresh.
     */
    private static void assertPaintedAsServerDraws() {
        // the drawing the stepper asked for when the open groups changed has arrived
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".stepper.ready:not(.drawing)")));
        @SuppressWarnings("unchecked")
        Map<String, Object> diff = (Map<String, Object>) browser.driver().executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                const root = document.querySelector('.stepper');
 // nodes, and the shut groups' boxes that show their outputs' texts
                const texts = (svg) => Object.fromEntries([...svg.querySelectorAll('g.node[data-node-id], g.group.shut[data-shows]')].map((g) =>
                    [g.dataset.nodeId !== undefined ? g.dataset.nodeId : 'group ' + g.dataset.groupId, (g.querySelector('text.value, tspan.value')?.textContent || '') + ' | ' + (g.querySelector('text.grad')?.textContent || '')]));
                (async () => {
                  const step = root.dataset.step;
                  const svg = document.querySelector('svg.graph');
                  const url = new URL(root.dataset.view, location.href);
                  url.searchParams.set('step', step);
                  url.searchParams.set('open', svg.dataset.open || '');
                  const holder = document.createElement('template');
                  holder.innerHTML = await (await fetch(url)).text();
                  const mine = texts(svg);
                  const theirs = texts(holder.content.querySelector('svg.graph'));
                  const differ = Object.keys(theirs).filter((id) => mine[id] !== theirs[id]).slice(0, 5)
                      .map((id) => id + ': painted ' + mine[id] + ' / drawn ' + theirs[id]);
                  return {step, count: Object.keys(theirs).length, same: Object.keys(mine).length === Object.keys(theirs).length, differ: differ.join('; ')};
                })().then(done, (e) => done({error: String(e)}));
                """);
        assertEquals(null, diff.get("error"));
        assertTrue(((Number) diff.get("count")).intValue() > 0, "nodes or group boxes are drawn at step " + diff.get("step"));
        assertEquals(true, diff.get("same"), "the same nodes are drawn at step " + diff.get("step"));
        assertEquals("", diff.get("differ"), "at step " + diff.get("step"));
    }

    private static void open(int step) {
        browser.driver().get(server.url("/playground?source=" + URLEncoder.encode(SOURCE, StandardCharsets.UTF_8) + "&step=" + step));
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".stepper.ready")));
    }

    private static void press(CharSequence key) {
        new Actions(browser.driver()).sendKeys(key).perform();
    }

    private static int step() {
        return Integer.parseInt(browser.driver().findElement(By.cssSelector(".stepper")).getAttribute("data-step"));
    }

    private static int stepCount() {
        return Integer.parseInt(browser.driver().findElement(By.cssSelector(".stepper")).getAttribute("data-step-count"));
    }
}
