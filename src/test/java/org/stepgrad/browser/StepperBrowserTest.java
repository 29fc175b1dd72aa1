package org.stepgrad.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.stepgrad.support.Browser;
import org.stepgrad.support.BrowserFixture;
import org.stepgrad.support.TestServer;

/** The stepper in a real browser: keys step, texts appear when the trace says, the URL follows. */
class StepperBrowserTest {
    static final String CIRCUIT = "x = -2\ny = 5\nz = -4\nq = x + y\nf = q * z";
    static final String FAN_OUT = "a = 3\nf = a * a + a";

    @RegisterExtension
    static final BrowserFixture fixture = BrowserFixture.withJavaScript();
    static final TestServer server = fixture.server();
    static final Browser browser = fixture.browser();

    @Test
    void arrow_keys_reveal_values_in_order_then_gradients_and_the_url_follows() {
        open(CIRCUIT, null);
        assertEquals(0, step());
        assertEquals("= -2", value("x"));
        assertEquals("= 5", value("y"));
        assertEquals("= -4", value("z"));
        assertEquals("", value("q"), "q is not computed at step 0");
        assertEquals("", value("f"));
        assertEquals("", grad("x"));

        press(Keys.ARROW_RIGHT);
        assertEquals(1, step());
        assertEquals("= 3", value("q"));
        assertEquals("", value("f"), "f only appears when its step is reached");
        assertTrue(hasClass("q", "current"));
        assertEquals("q = x + y = -2 + 5 = 3", text(".narration .text"));
        assertTrue(urlStep(1));

        press(Keys.ARROW_RIGHT);
        assertEquals("= -12", value("f"));
        assertEquals("", grad("f"), "no gradient during the forward pass");
        assertTrue(urlStep(2));

        press(Keys.ARROW_RIGHT); // backward from f: to q and z
        assertEquals("grad 1", grad("f"));
        assertEquals("grad -4", grad("q"));
        assertEquals("grad 3", grad("z"));
        assertEquals("", grad("x"), "x hears nothing until q's step");
        assertTrue(gradClass("z").contains("pos"));
        assertTrue(gradClass("q").contains("neg"));
        assertEquals(2, count("g.edge.lit.back"));

        press(Keys.ARROW_RIGHT); // backward from q: to x and y
        assertEquals("grad -4", grad("x"));
        assertEquals("grad -4", grad("y"));
        assertEquals("grad 3", grad("z"));
        assertTrue(urlStep(4));
        assertTrue(text(".narration .sends").contains("∂f/∂x += ∂f/∂q · ∂q/∂x = (-4)·1 → -4"));

        press(Keys.ARROW_RIGHT); // past the end: stays
        assertEquals(4, step());

        press(Keys.ARROW_LEFT);
        assertEquals(3, step());
        assertEquals("", grad("x"), "stepping back takes x's gradient away again");
        assertTrue(urlStep(3));
        press(Keys.PAGE_UP);
        press(Keys.PAGE_UP);
        assertEquals(1, step());
        assertEquals("", value("f"));
        press(Keys.END);
        assertEquals(4, step());
        press(Keys.HOME);
        assertEquals(0, step());
        press(Keys.PAGE_DOWN);
        assertEquals(1, step());
        assertEquals(0L, ((Number) browser.driver().executeScript("return window.scrollY")).longValue(),
                "stepping keys never scroll the page");
    }

    @Test
    void a_value_used_twice_shows_its_gradients_adding_up() {
        open(FAN_OUT, null);
        int total = Integer.parseInt(attr(".stepper", "data-step-count"));
        press(Keys.END);
        assertEquals(total, step());
        // the last step, a*a sending to a twice, shows a's running sum with +=
        String accumulating = grad("a");
        assertTrue(accumulating.startsWith("grad 4 += 3") && accumulating.endsWith("→ 7"), accumulating);
        String sends = text(".narration .sends");
        assertTrue(sends.contains("1 + 3 → 4") && sends.contains("4 + 3 → 7"), sends);
        press(Keys.ARROW_LEFT);
        assertEquals("grad 1", grad("a"), "before a*a's step, a holds only what the + sent");
        press(Keys.ARROW_RIGHT);
        press(Keys.ARROW_RIGHT);
        assertTrue(grad("a").endsWith("→ 7"), "d(a*a + a)/da = 2a + 1 = 7");
    }

    @Test
    void opening_a_step_in_the_url_shows_exactly_that_step_and_reload_keeps_it() {
        open(CIRCUIT, 3);
        assertEquals(3, step());
        assertEquals("grad 3", grad("z"));
        assertEquals("", grad("x"));
        press(Keys.ARROW_RIGHT);
        browser.driver().navigate().refresh();
        waitReady();
        assertEquals(4, step());
        assertEquals("grad -4", grad("x"));
    }

    @Test
    void buttons_and_the_scrubber_step_too() {
        open(CIRCUIT, null);
        browser.driver().findElement(By.cssSelector("a[data-go='next']")).click();
        assertEquals(1, step());
        browser.driver().findElement(By.cssSelector("a[data-go='forward-end']")).click();
        assertEquals(2, step());
        browser.driver().findElement(By.cssSelector("a[data-go='end']")).click();
        assertEquals(4, step());
        browser.driver().findElement(By.cssSelector("a[data-go='start']")).click();
        assertEquals(0, step());
        WebElement scrub = browser.driver().findElement(By.cssSelector("input.scrub"));
        browser.driver().executeScript(
                "arguments[0].value = 3; arguments[0].dispatchEvent(new Event('input', {bubbles: true}))", scrub);
        assertEquals(3, step());
        assertTrue(urlStep(3));
    }

    @Test
    void clicking_a_node_explains_its_formula_value_and_gradient() {
        open(CIRCUIT, 4);
        browser.driver().findElement(By.cssSelector("g.node[data-node-name='q']")).click();
        assertEquals("q = x + y = -2 + 5 = 3", text(".details .formula"));
        assertEquals("value 3 · grad -4", text(".details .state"));
    }

    @Test
    void a_numeric_check_is_shown_beside_the_backprop_gradient_once_the_backward_pass_reached_the_node() {
        open(CIRCUIT, 2);
        browser.driver().findElement(By.cssSelector("g.node[data-node-name='q']")).click();
        assertFalse(browser.driver().findElement(By.cssSelector(".details .check-button")).isEnabled(), "no gradient to check yet");
        open(CIRCUIT, 10);
        browser.driver().findElement(By.cssSelector("g.node[data-node-name='q']")).click();
        browser.driver().findElement(By.cssSelector(".details .check-button")).click();
        browser.waiting().until(d -> text(".details dl.check").contains("relative difference"));
        java.util.List<WebElement> values = browser.driver().findElements(By.cssSelector(".details dl.check dd"));
        assertEquals("-4 (from the backward pass)", values.get(0).getText());
        // f = q·z, so nudging q moves f by z = −4 per unit: the central difference is exact up to rounding
        double numeric = Double.parseDouble(values.get(1).getText().split(" ")[0]);
        assertEquals(-4, numeric, 1e-8);
        assertTrue(values.get(1).getText().endsWith("with h = 3e-5"), values.get(1).getText());
        assertTrue(values.get(3).getText().startsWith("2 forward passes for this one gradient; one backward pass gave all 5"),
                values.get(3).getText());
        assertTrue(browser.consoleErrors().isEmpty(), browser.consoleErrors().toString());

        // the Curve Fitter lesson's last step asks for it: k0's check beside its backprop gradient
        browser.driver().get(server.url("/lessons/curve-fitter?step=100000"));
        waitReady();
        browser.driver().findElement(By.cssSelector("g.node[data-node-name='k0']")).click();
        browser.driver().findElement(By.cssSelector(".details .check-button")).click();
        browser.waiting().until(d -> text(".details dl.check").contains("relative difference"));
        assertTrue(text(".details dl.check").contains("-2.05885346"), text(".details dl.check"));
        assertTrue(text(".details dl.check").contains("one backward pass gave all 295"), text(".details dl.check"));
        browser.driver().executeScript("document.querySelector('.details').scrollIntoView({block: 'center'})");
        browser.screenshot(java.nio.file.Path.of(System.getProperty("stepgrad.screenshots", "target/screenshots"), "numeric-check-1280x800.png"));
    }

    @Test
    void a_syntax_error_shows_a_caret_under_its_column_and_the_graph_stays() {
        open(CIRCUIT, null);
        WebElement editor = browser.driver().findElement(By.id("source"));
        editor.clear();
        editor.sendKeys("x = 2\ny = (x + 1");
        browser.driver().findElement(By.cssSelector("form.program button[type=submit]")).click();
        browser.waiting().until(d -> !d.findElements(By.cssSelector(".source-error")).isEmpty());
        waitReady();
        assertEquals("Line 2, column 11", text(".source-error .place"));
        assertEquals("y = (x + 1", text(".source-error .source-line"));
        assertEquals("          ^", text(".source-error .caret"));
        assertFalse(text(".source-error .message").isBlank());
        assertEquals("= -2", value("x"), "the last good graph stays while the program has a fault");
        assertEquals("y = (x + 1", browser.driver().findElement(By.id("source")).getAttribute("value").split("\n")[1]);
        assertTrue(browser.driver().findElement(By.cssSelector(".stale-marker")).isDisplayed(), "and is marked out of date");
        assertTrue(attr(".stepper", "class").contains("stale"));

        // the fixed program runs, and its link carries it alone
        editor = browser.driver().findElement(By.id("source"));
        editor.clear();
        editor.sendKeys("x = 2\ny = (x + 1)");
        browser.driver().findElement(By.cssSelector("form.program button[type=submit]")).click();
        browser.waiting().until(d -> d.findElements(By.cssSelector(".source-error:not(.live)")).isEmpty());
        waitReady();
        assertFalse(browser.driver().getCurrentUrl().contains("last="), browser.driver().getCurrentUrl());
        assertFalse(browser.driver().findElement(By.cssSelector(".stale-marker")).isDisplayed());

        // an edit marks the graph out of date before anything is run; undoing it clears the mark
        browser.driver().findElement(By.id("source")).sendKeys("\nz = y * 3");
        assertTrue(browser.driver().findElement(By.cssSelector(".stale-marker")).isDisplayed(), "edited: the graph is of the old text");
        browser.driver().findElement(By.id("source")).sendKeys(Keys.BACK_SPACE.toString().repeat(10));
        assertFalse(browser.driver().findElement(By.cssSelector(".stale-marker")).isDisplayed(), "back to the drawn program");
    }

    @Test
    void the_editor_says_what_is_wrong_while_the_learner_types() {
        open(CIRCUIT, null);
        WebElement editor = browser.driver().findElement(By.id("source"));
        editor.sendKeys("\ng = f * w");
        browser.waiting().until(d -> d.findElement(By.cssSelector(".source-error.live")).isDisplayed());
        assertEquals("Line 6, column 9", text(".source-error.live .place"));
        assertEquals("g = f * w", text(".source-error.live .source-line"));
        assertEquals("        ^", text(".source-error.live .caret"));
        assertTrue(text(".source-error.live .message").startsWith("unknown name 'w'"), text(".source-error.live .message"));
        editor.sendKeys(Keys.BACK_SPACE, "2");
        browser.waiting().until(d -> !d.findElement(By.cssSelector(".source-error.live")).isDisplayed());
        assertEquals("= -2", value("x"), "checking does not touch the graph on screen");
    }

    /**
     * Reports (does not assert) the time per step on a 485-node graph: the key handler, the paint
     * and the style and layout pass it causes, measured with performance.now in the page.
     */
    @Test
    void reports_the_step_time_on_a_five_hundred_node_graph() {
        open(org.stepgrad.web.Programs.polynomialFit(20), null);
        @SuppressWarnings("unchecked")
        java.util.List<Number> times = (java.util.List<Number>) browser.driver().executeScript("""
                const svg = document.querySelector('svg.graph');
                const total = Number(document.querySelector('.stepper').dataset.stepCount);
                const times = [];
                for (let i = 0; i < total; i++) {
                  const t0 = performance.now();
                  document.dispatchEvent(new KeyboardEvent('keydown', {key: 'ArrowRight', bubbles: true}));
                  svg.getBoundingClientRect(); document.body.offsetHeight; // force style and layout
                  times.push(performance.now() - t0);
                }
                return times;""");
        assertEquals(Integer.parseInt(attr(".stepper", "data-step-count")), step());
        double mean = times.stream().mapToDouble(Number::doubleValue).average().orElse(0);
        double max = times.stream().mapToDouble(Number::doubleValue).max().orElse(0);
        double[] sorted = times.stream().mapToDouble(Number::doubleValue).sorted().toArray();
        System.out.printf("step time, %d nodes, %d steps: mean %.2f ms, p95 %.2f ms, max %.2f ms%n",
                browser.driver().findElements(By.cssSelector("g.node")).size(), times.size(), mean,
                sorted[(int) (sorted.length * 0.95)], max);
    }

    // --- helpers

    private static void open(String source, Integer step) {
        browser.driver().get(server.url("/playground?source=" + URLEncoder.encode(source, StandardCharsets.UTF_8)
                + (step == null ? "" : "&step=" + step)));
        waitReady();
    }

    private static void waitReady() {
        browser.waiting().until(d -> !d.findElements(By.cssSelector(".stepper.ready")).isEmpty());
    }

    private static void press(CharSequence key) {
        new Actions(browser.driver()).sendKeys(key).perform();
    }

    private static int step() {
        return Integer.parseInt(attr(".stepper", "data-step"));
    }

    /** Whether the address comes to show step n (it follows the step within a quarter second). */
    private static boolean urlStep(int n) {
        try {
            browser.waiting().until(d -> d.getCurrentUrl().endsWith("step=" + n));
            return true;
        } catch (org.openqa.selenium.TimeoutException e) {
            return false;
        }
    }

    private static String value(String name) {
        return text("g.node[data-node-name='" + name + "'] text.value");
    }

    private static String grad(String name) {
        return text("g.node[data-node-name='" + name + "'] text.grad");
    }

    private static String gradClass(String name) {
        return attr("g.node[data-node-name='" + name + "'] text.grad", "class");
    }

    private static boolean hasClass(String name, String cls) {
        return attr("g.node[data-node-name='" + name + "']", "class").contains(cls);
    }

    private static int count(String css) {
        return browser.driver().findElements(By.cssSelector(css)).size();
    }

    static String text(String css) {
        return (String) browser.driver().executeScript("return document.querySelector(arguments[0]).textContent", css);
    }

    private static String attr(String css, String name) {
        return browser.driver().findElement(By.cssSelector(css)).getAttribute(name);
    }
}
