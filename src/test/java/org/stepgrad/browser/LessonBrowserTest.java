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
    void a_checkpoint_hides_its_answer_and_takes_a_wrong_then_a_right_answer() {
        JsonNode c = json("/api/lessons/chain-rule").get("checkpoints").get(0);
        open("/lessons/chain-rule?step=" + c.get("step").asInt());
        WebElement grad = browser.driver().findElement(By.cssSelector("g.node[data-node-name='" + c.get("node").asText() + "'] text.grad"));
        assertFalse(grad.isDisplayed(), "the gradient asked for is hidden");
        WebElement form = browser.driver().findElement(By.cssSelector("form.checkpoint[data-step='" + c.get("step").asInt() + "']"));
        assertTrue(form.isDisplayed());
        WebElement answer = form.findElement(By.name("answer"));
        answer.sendKeys("7");
        form.findElement(By.cssSelector("button[type=submit]")).click();
        browser.waiting().until(d -> form.getAttribute("class").contains("wrong"));
        assertTrue(form.findElement(By.cssSelector(".verdict-text")).getText().startsWith("Not quite"));
        assertTrue(form.findElement(By.cssSelector(".explanation")).getText().length() > 10, "the explanation follows");
        assertTrue(grad.isDisplayed(), "answered: the value is revealed");

        answer.clear();
        answer.sendKeys(c.get("answerText").asText());
        form.findElement(By.cssSelector("button[type=submit]")).click();
        browser.waiting().until(d -> form.getAttribute("class").contains("right"));
        assertTrue(form.findElement(By.cssSelector(".verdict-text")).getText().startsWith("Right"));
        assertEquals(c.get("step").asInt(), step(), "checking does not step");
    }

    @Test
    void the_index_lists_the_course_and_ticks_a_finished_lesson() {
        browser.driver().get(server.url("/"));
        browser.driver().executeScript("window.localStorage.clear();");
        JsonNode lessons = json("/api/lessons");
        open("/lessons/knobs?step=0");
        press(Keys.END);
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
