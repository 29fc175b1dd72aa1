package org.stepgrad.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.stepgrad.support.Browser;
import org.stepgrad.support.BrowserFixture;
import org.stepgrad.support.TestServer;

/**
 * With JavaScript off, a lesson still steps: every control is a link to the next URL, the server
 * renders the step it names, and a checkpoint is an ordinary form the server answers.
 */
class NoScriptBrowserTest {
    @RegisterExtension
    static final BrowserFixture fixture = BrowserFixture.withoutJavaScript();
    static final TestServer server = fixture.server();
    static final Browser browser = fixture.browser();

    static String text(String css) {
        return browser.driver().findElement(By.cssSelector(css)).getText().trim();
    }

    static String node(String name, String cls) {
        return browser.driver().findElement(By.cssSelector("g.node[data-node-name='" + name + "'] text." + cls))
                .getAttribute("textContent").trim();
    }

    /**
     * A form submit returns before the answering page has replaced the old one (CI saw the old page),
     * so wait until the submitted form is gone and the verdict's form is there.
     */
    static WebElement answered(WebElement submitted, String css) {
        // gone: stale, or (mid-navigation) "does not belong to the document", which Chrome reports as another error
        browser.waiting().until(d -> {
            try {
                submitted.isEnabled();
                return false;
            } catch (org.openqa.selenium.WebDriverException gone) {
                return true;
            }
        });
        return browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(css)));
    }

    @Test
    void links_step_a_lesson_and_the_server_answers_a_checkpoint() {
        browser.driver().get(server.url("/lessons/chain-rule"));
        assertTrue(browser.driver().findElements(By.cssSelector(".stepper.ready")).isEmpty(),
                "scripts are off: no script marked the stepper ready");
        assertEquals("", node("q", "value"), "q is not computed at step 0");
        browser.driver().findElement(By.cssSelector("a[data-go=next]")).click();
        assertTrue(browser.driver().getCurrentUrl().endsWith("step=1"));
        assertEquals("= 3", node("q", "value"));
        assertTrue(text(".narration").contains("q = x + y = -2 + 5 = 3"), text(".narration"));

        browser.driver().findElement(By.cssSelector("a[data-go=forward-end]")).click();
        assertEquals("= -16", node("f", "value"));
        browser.driver().findElement(By.cssSelector("a[data-go=next]")).click(); // f sends its gradient back
        browser.driver().findElement(By.cssSelector("a[data-go=next]")).click(); // p sends q and z theirs: the checkpoint
        WebElement form = browser.driver().findElement(By.cssSelector("form.checkpoint:not([hidden])"));
        assertFalse(browser.driver().findElement(By.cssSelector("g.node[data-node-name='q'] text.grad")).isDisplayed(),
                "the asked gradient is hidden until answered");

        form.findElement(By.name("answer")).sendKeys("abc");
        form.findElement(By.cssSelector("button.check")).click();
        WebElement notNumber = answered(form, "form.checkpoint.not-number");
        assertTrue(notNumber.findElement(By.cssSelector(".verdict-text")).getText().contains("is not a number, so it does not count"));
        assertEquals("1", notNumber.findElement(By.name("try")).getAttribute("value"), "a non-number is not a try");

        notNumber.findElement(By.name("answer")).clear();
        notNumber.findElement(By.name("answer")).sendKeys("3");
        notNumber.findElement(By.cssSelector("button.check")).click();
        WebElement retry = answered(notNumber, "form.checkpoint.retry");
        String hint = retry.findElement(By.cssSelector(".verdict-text")).getText();
        assertTrue(hint.startsWith("Not yet: 3 is the wrong sign.") && hint.contains("Try once more"), hint);
        assertTrue(retry.findElements(By.cssSelector(".explanation")).isEmpty(), "no explanation before the second try");
        assertFalse(browser.driver().findElement(By.cssSelector("g.node[data-node-name='q'] text.grad")).isDisplayed(),
                "a first wrong try reveals nothing");

        WebElement again = retry;
        again.findElement(By.name("answer")).clear();
        again.findElement(By.name("answer")).sendKeys("-4");
        again.findElement(By.cssSelector("button.check")).click();
        WebElement right = answered(again, "form.checkpoint.right");
        assertTrue(right.findElement(By.cssSelector(".explanation")).getText().contains("Multiply swaps"));
        assertEquals("grad -4", node("q", "grad"));
        assertTrue(browser.driver().findElement(By.cssSelector("g.node[data-node-name='q'] text.grad")).isDisplayed(),
                "answered: the gradient shows");

        browser.driver().findElement(By.cssSelector("a[data-go=end]")).click();
        assertEquals("grad -4", node("x", "grad"));
        assertTrue(node("z", "grad").endsWith("4"), node("z", "grad"));
    }

    @Test
    void show_me_reveals_a_checkpoint_and_two_wrong_tries_give_the_answer() {
        JsonNode c = checkpoint0();
        browser.driver().get(server.url("/lessons/chain-rule?step=" + c.get("step").asInt()));
        WebElement form = browser.driver().findElement(By.cssSelector("form.checkpoint:not([hidden])"));
        form.findElement(By.cssSelector("button.show-me")).click();
        WebElement shown = answered(form, "form.checkpoint.shown");
        assertEquals("The answer is -4.", shown.findElement(By.cssSelector(".verdict-text")).getText());
        assertTrue(shown.findElement(By.cssSelector(".explanation")).getText().contains("Multiply swaps"));
        assertEquals("grad -4", node("q", "grad"));

        browser.driver().get(server.url("/lessons/chain-rule?step=" + c.get("step").asInt()));
        WebElement first = browser.driver().findElement(By.cssSelector("form.checkpoint:not([hidden])"));
        first.findElement(By.name("answer")).sendKeys("7");
        first.findElement(By.cssSelector("button.check")).click();
        WebElement second = answered(first, "form.checkpoint.retry");
        second.findElement(By.name("answer")).clear();
        second.findElement(By.name("answer")).sendKeys("8");
        second.findElement(By.cssSelector("button.check")).click();
        WebElement wrong = answered(second, "form.checkpoint.wrong");
        assertEquals("Not quite: 8 is not it. The answer is -4.", wrong.findElement(By.cssSelector(".verdict-text")).getText());
        assertTrue(wrong.findElement(By.cssSelector(".explanation")).getText().contains("Multiply swaps"));
    }

    @Test
    void at_an_open_checkpoint_the_asked_node_is_named_without_the_hidden_answer() {
        JsonNode c = checkpoint0();
        browser.driver().get(server.url("/lessons/chain-rule?step=" + c.get("step").asInt()));
        WebElement asked = browser.driver().findElement(By.cssSelector("g.node.quiz[data-node-name='" + c.get("node").asText() + "']"));
        String hidden = asked.findElement(By.cssSelector("text.grad")).getAttribute("textContent");
        assertFalse(hidden.isBlank(), "the page holds the gradient, hidden");
        String name = asked.getAccessibleName();
        assertTrue(name.startsWith(c.get("node").asText() + " "), name);
        assertFalse(name.contains(hidden), "the name '" + name + "' gives away '" + hidden + "'");
    }

    private static JsonNode checkpoint0() {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(server.get("/api/lessons/chain-rule").body()).get("checkpoints").get(0);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
