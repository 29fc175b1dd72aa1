package org.stepgrad.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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

/** Lessons in a real browser: stepping to the end, checkpoints, the Curve Fitter's knobs and training, progress. */
class LessonBrowserTest {
    @RegisterExtension
    static final BrowserFixture fixture = BrowserFixture.withJavaScript();
    static final TestServer server = fixture.server();
    static final Browser browser = fixture.browser();
    static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void every_lesson_steps_to_its_end_and_shows_the_gradients_of_its_api() {
        for (JsonNode summary : json("/api/lessons")) {
            String id = summary.get("id").asText();
            JsonNode lesson = json("/api/lessons/" + id);
            open("/lessons/" + id + "?step=0");
            press(Keys.ARROW_RIGHT);
            assertEquals(1, step(), id);
            press(Keys.END);
            int steps = lesson.get("trace").get("steps").size();
            assertEquals(steps, step(), id + " reaches its last step");
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> shown = (List<Map<String, Object>>) browser.driver().executeScript(
                    "return [...document.querySelectorAll('svg.graph g.node')].map(g => ({id: Number(g.dataset.nodeId),"
                            + " grad: g.querySelector('text.grad').textContent, quiz: g.classList.contains('quiz')}));");
            int checked = 0;
            for (Map<String, Object> node : shown) {
                if (Boolean.TRUE.equals(node.get("quiz"))) continue; // hidden until a checkpoint is answered
                JsonNode truth = lesson.get("trace").get("nodes").get(((Number) node.get("id")).intValue());
                String text = (String) node.get("grad");
                if (text.isEmpty() && truth.get("grad").asDouble() == 0) continue; // off the output's path: no backward step
                assertTrue(text.startsWith("grad "), id + " node " + node.get("id") + " shows a gradient: " + text);
                // "grad -12", or "grad -11 += (-1) → -12" at the step that adds the last part
                double g = Double.parseDouble(text.substring(text.contains("→") ? text.lastIndexOf('→') + 1 : 5).trim());
                double want = truth.get("grad").asDouble();
                assertEquals(want, g, 1e-3 * Math.max(1, Math.abs(want)), id + " node " + truth.get("label").asText());
                checked++;
            }
            assertTrue(checked > 0, id);
        }
    }

    @Test
    void a_checkpoint_hides_its_answer_through_a_non_number_and_a_hinted_wrong_try_then_takes_a_right_answer() {
        JsonNode c = json("/api/lessons/chain-rule").get("checkpoints").get(0);
        open("/lessons/chain-rule?step=" + c.get("step").asInt());
        java.util.function.BooleanSupplier grad = () -> gradShown(c.get("node").asText());
        assertFalse(grad.getAsBoolean(), "the gradient asked for is hidden");
        WebElement form = browser.driver().findElement(By.cssSelector("form.checkpoint[data-step='" + c.get("step").asInt() + "']"));
        assertTrue(form.isDisplayed());
        WebElement answer = form.findElement(By.name("answer"));

        answer.sendKeys("abc");
        form.findElement(By.cssSelector("button.check")).click();
        browser.waiting().until(d -> form.getAttribute("class").contains("not-number"));
        assertTrue(verdict(form).contains("is not a number, so it does not count"), verdict(form));
        assertFalse(grad.getAsBoolean(), "a non-number reveals nothing");
        assertTrue(form.findElements(By.cssSelector(".explanation")).isEmpty());

        answer.clear();
        answer.sendKeys("7");
        form.findElement(By.cssSelector("button.check")).click();
        browser.waiting().until(d -> form.getAttribute("class").contains("retry"));
        assertTrue(verdict(form).startsWith("Not yet: 7 is the wrong sign."), verdict(form));
        assertTrue(verdict(form).contains("Try once more"));
        assertFalse(verdict(form).contains(c.get("answerText").asText()), "the first wrong try does not give the answer away");
        assertTrue(form.findElements(By.cssSelector(".explanation")).isEmpty(), "no explanation before the second try");
        assertFalse(grad.getAsBoolean(), "still hidden for the second try");

        answer.clear();
        answer.sendKeys(c.get("answerText").asText());
        form.findElement(By.cssSelector("button.check")).click();
        browser.waiting().until(d -> form.getAttribute("class").contains("right"));
        assertTrue(verdict(form).startsWith("Right"));
        assertTrue(form.findElement(By.cssSelector(".explanation")).getText().length() > 10, "the explanation follows");
        assertTrue(grad.getAsBoolean(), "answered: the gradient is revealed");
        assertEquals(c.get("step").asInt(), step(), "checking does not step");
    }

    @Test
    void two_wrong_tries_show_the_answer_and_its_explanation() {
        JsonNode c = json("/api/lessons/chain-rule").get("checkpoints").get(0);
        open("/lessons/chain-rule?step=" + c.get("step").asInt());
        WebElement form = browser.driver().findElement(By.cssSelector("form.checkpoint[data-step='" + c.get("step").asInt() + "']"));
        WebElement answer = form.findElement(By.name("answer"));
        answer.sendKeys("7");
        form.findElement(By.cssSelector("button.check")).click();
        browser.waiting().until(d -> form.getAttribute("class").contains("retry"));
        answer.clear();
        answer.sendKeys("8");
        form.findElement(By.cssSelector("button.check")).click();
        browser.waiting().until(d -> form.getAttribute("class").contains("wrong"));
        assertEquals("Not quite: 8 is not it. The answer is " + c.get("answerText").asText() + ".", verdict(form));
        assertTrue(form.findElement(By.cssSelector(".explanation")).getText().length() > 10, "the explanation follows");
        assertTrue(gradShown(c.get("node").asText()), "the gradient is revealed");
    }

    @Test
    void right_arrow_stops_at_an_unanswered_checkpoint_until_show_me_reveals_it() {
        JsonNode c = json("/api/lessons/chain-rule").get("checkpoints").get(0);
        int at = c.get("step").asInt();
        open("/lessons/chain-rule?step=0");
        for (int i = 0; i < 12; i++) press(Keys.ARROW_RIGHT);
        assertEquals(at, step(), "twelve presses of → stop at the checkpoint");
        WebElement form = browser.driver().findElement(By.cssSelector("form.checkpoint[data-step='" + at + "']"));
        assertTrue(form.findElement(By.cssSelector(".held")).isDisplayed(), "the page says why → stopped");
        java.util.function.BooleanSupplier grad = () -> gradShown(c.get("node").asText());
        assertFalse(grad.getAsBoolean(), "the asked gradient stays hidden");
        assertEquals("true", browser.driver().findElement(By.cssSelector("a[data-go=next]")).getAttribute("aria-disabled"),
                "the next button is held too");

        form.findElement(By.cssSelector("button.show-me")).click();
        browser.waiting().until(d -> form.getAttribute("class").contains("shown"));
        assertEquals("The answer is " + c.get("answerText").asText() + ".", verdict(form));
        assertTrue(grad.getAsBoolean(), "shown: the gradient is revealed");
        assertFalse(form.findElement(By.cssSelector("button.show-me")).isDisplayed());
        browser.driver().executeScript("document.activeElement.blur();"); // keys go to the page, not the form
        List<WebElement> here = browser.driver().findElements(By.cssSelector("form.checkpoint[data-step='" + at + "']"));
        assertEquals(2, here.size(), "the chain rule asks q's and z's gradients at one step");
        press(Keys.ARROW_RIGHT);
        assertEquals(at, step(), "one question still open: → still stops");
        here.get(1).findElement(By.cssSelector("button.show-me")).click();
        browser.waiting().until(d -> here.get(1).getAttribute("class").contains("settled"));
        browser.driver().executeScript("document.activeElement.blur();");
        press(Keys.ARROW_RIGHT);
        assertEquals(at + 1, step(), "settled: → steps on");
    }

    @Test
    void the_index_lists_the_course_and_ticks_a_finished_lesson() {
        browser.driver().get(server.url("/"));
        browser.driver().executeScript("window.localStorage.clear();");
        JsonNode lessons = json("/api/lessons");
        open("/lessons/knobs?step=0");
        press(Keys.END);
        browser.driver().get(server.url("/"));
        browser.waiting().until(d -> d.findElement(By.cssSelector(".progress-line")).isDisplayed());
        assertTrue(browser.driver().findElements(By.cssSelector("ol.lessons li.done")).isEmpty(), "End jumps there: not done");

        open("/lessons/knobs?step=0");
        int steps = json("/api/lessons/knobs").get("trace").get("steps").size();
        for (int i = 0; i < 3 * steps && step() < steps; i++) {
            int before = step();
            press(Keys.ARROW_RIGHT);
            if (step() == before) { // held at a checkpoint: have it shown, then step on
                WebElement form = browser.driver().findElement(By.cssSelector("form.checkpoint[data-step='" + before + "']"));
                form.findElement(By.cssSelector("button.show-me")).click();
                browser.waiting().until(d -> form.getAttribute("class").contains("settled"));
                browser.driver().executeScript("document.activeElement.blur();");
            }
        }
        assertEquals(steps, step(), "stepped to the end");
        for (WebElement form : browser.driver().findElements(By.cssSelector("form.checkpoint[data-step='" + steps + "']"))) {
            form.findElement(By.cssSelector("button.show-me")).click(); // knobs asks its last question at its last step
            browser.waiting().until(d -> form.getAttribute("class").contains("settled"));
        }
        browser.driver().get(server.url("/"));
        List<WebElement> items = browser.driver().findElements(By.cssSelector("ol.lessons li"));
        assertEquals(lessons.size(), items.size());
        for (int i = 0; i < items.size(); i++) {
            assertEquals(lessons.get(i).get("title").asText(), items.get(i).findElement(By.tagName("a")).getText());
        }
        browser.waiting().until(d -> d.findElement(By.cssSelector(".progress-line")).isDisplayed());
        assertEquals(List.of("knobs"), browser.driver().findElements(By.cssSelector("ol.lessons li.done")).stream()
                .map(li -> li.getAttribute("data-lesson-id")).toList());
        assertTrue(text(".progress-line").startsWith("1 of " + lessons.size()));
        assertTrue(browser.driver().findElement(By.cssSelector("a[href='/playground']")).isDisplayed());

        // a shared classroom computer can be handed on clean
        browser.driver().findElement(By.cssSelector("button.forget-progress")).click();
        assertTrue(browser.driver().findElements(By.cssSelector("ol.lessons li.done")).isEmpty());
        assertTrue(text(".progress-line").startsWith("Step a lesson to its end"));
        assertFalse(browser.driver().findElement(By.cssSelector("button.forget-progress")).isDisplayed());
        browser.driver().navigate().refresh();
        browser.waiting().until(d -> d.findElement(By.cssSelector(".progress-line")).isDisplayed());
        assertTrue(browser.driver().findElements(By.cssSelector("ol.lessons li.done")).isEmpty(), "forgotten for good");
    }

    private static void open(String path) {
        browser.driver().get(server.url(path));
        browser.waiting().until(d -> !d.findElements(By.cssSelector(".stepper.ready")).isEmpty());
    }

    private static void press(CharSequence key) {
        new Actions(browser.driver()).sendKeys(key).perform();
    }

    /** Looked up afresh: opening a group swaps the drawing. */
    private static boolean gradShown(String node) {
        return browser.driver().findElement(By.cssSelector("g.node[data-node-name='" + node + "'] text.grad")).isDisplayed();
    }

    private static String verdict(WebElement form) {
        return form.findElement(By.cssSelector(".verdict-text")).getText();
    }

    private static int step() {
        return Integer.parseInt(browser.driver().findElement(By.cssSelector(".stepper")).getAttribute("data-step"));
    }

    private static String text(String css) {
        return browser.driver().findElement(By.cssSelector(css)).getText();
    }

    private static JsonNode json(String path) {
        try {
            return JSON.readTree(server.get(path).body());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
