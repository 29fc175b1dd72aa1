package org.stepgrad.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.stepgrad.support.Browser;
import org.stepgrad.support.TestServer;

/** The Curve Fitter in a real browser: the script swaps in the server's drawing and keeps k and it in the URL. */
class FitterBrowserTest {
    static final TestServer server = TestServer.start();
    static final Browser browser = Browser.start();
    static final Path OUT = Path.of(System.getProperty("stepgrad.screenshots", "target/screenshots"));

    @AfterAll
    static void stop() {
        browser.close();
        server.stop();
    }

    @Test
    void moving_a_knob_redraws_the_curve_the_loss_and_the_arrow_and_the_url_says_k() {
        openFitter("/lessons/curve-fitter");
        String loss = text(".fitter .loss-value");
        String curve = curve();
        String arrow = attribute("#knob-0 ~ svg.grad-arrow path", "d");
        slide("knob-0", "0.5");
        browser.waiting().until(d -> !text(".fitter .loss-value").equals(loss));
        assertNotEquals(curve, curve(), "the curve moved");
        assertNotEquals(arrow, attribute("#knob-0 ~ svg.grad-arrow path", "d"));
        assertEquals("0.5", text("[data-part='knob-value-0']"));
        String url = browser.driver().getCurrentUrl();
        assertTrue(url.contains("k=0.5%2C2%2C2%2C-2%2C-2%2C1") || url.contains("k=0.5,2,2,-2,-2,1"), url);
        assertFalse(url.contains("knobs=") || url.contains("iteration="), url);
        assertTrue(browser.consoleErrors().isEmpty());
    }

    @Test
    void training_takes_the_loss_down_draws_it_on_the_loss_plot_and_moves_the_sliders() {
        openFitter("/lessons/curve-fitter");
        double before = Double.parseDouble(text(".fitter .loss-value"));
        String slider = attribute("#knob-0", "value");
        browser.driver().findElement(By.cssSelector(".fitter button[data-action='step']")).click();
        browser.waiting().until(d -> text(".fitter .iteration-value").equals("1"));
        double oneStep = Double.parseDouble(text(".fitter .loss-value"));
        assertTrue(oneStep < before, oneStep + " < " + before);

        browser.driver().findElement(By.cssSelector(".fitter button[data-action='train']")).click();
        browser.waiting().until(d -> text(".fitter .iteration-value").equals("101"));
        double trained = Double.parseDouble(text(".fitter .loss-value"));
        assertTrue(trained < oneStep / 5, trained + " well below " + oneStep);
        assertTrue(browser.driver().findElements(By.cssSelector("svg.loss-plot g.mine polyline")).size() >= 10, "drawn in parts");
        assertNotEquals(slider, ((WebElement) browser.driver().findElement(By.id("knob-0"))).getDomProperty("value"), "the slider followed");
        assertTrue(browser.driver().getCurrentUrl().contains("it=101"), browser.driver().getCurrentUrl());
        assertTrue(attribute(".open-graph a", "href").contains("&it=101"));
        browser.screenshot(OUT.resolve("fitter-trained-1280x800.png"));

        browser.driver().findElement(By.cssSelector(".fitter button[data-action='reset']")).click();
        browser.waiting().until(d -> text(".fitter .iteration-value").equals("0"));
        assertTrue(browser.driver().findElements(By.cssSelector("svg.loss-plot g.mine polyline")).isEmpty());
        assertEquals(before, Double.parseDouble(text(".fitter .loss-value")), 5e-4);
        assertTrue(browser.consoleErrors().isEmpty());
    }

    @Test
    void too_many_steps_are_refused_with_a_sentence_and_nothing_runs() {
        openFitter("/lessons/curve-fitter");
        browser.driver().executeScript("document.querySelector('.fitter input.steps').value = '5000';");
        browser.driver().findElement(By.cssSelector(".fitter button[data-action='train']")).click();
        browser.waiting().until(d -> !text(".fitter .status").isEmpty());
        assertTrue(text(".fitter .status").contains("2000"), text(".fitter .status"));
        assertEquals("0", text(".fitter .iteration-value"));
        browser.driver().executeScript("document.querySelector('.fitter input.steps').value = '-3';");
        browser.driver().findElement(By.cssSelector(".fitter button[data-action='train']")).click();
        browser.waiting().until(d -> text(".fitter .status").contains("1") && !text(".fitter .status").contains("2000"));
        assertEquals("0", text(".fitter .iteration-value"), "−3 steps run nothing, and the status says why");
    }

    @Test
    void picking_an_iteration_of_a_recorded_run_marks_it_and_sets_its_knobs() {
        openFitter("/lessons/curve-fitter");
        String loss = text(".fitter .loss-value");
        slide("fitter-iteration", "500");
        browser.waiting().until(d -> !text(".fitter .loss-value").equals(loss));
        assertEquals("500", text(".fitter .iteration-value"));
        assertEquals("500", text(".fitter .iteration-pick"), "the label says which iteration");
        assertNotEquals("-10", attribute("svg.loss-plot .marker", "cx"));
        assertTrue(Double.parseDouble(text(".fitter .loss-value")) < 1e-3, "gradient descent's loss after 500 steps");
    }

    @Test
    void the_training_loop_page_trains_at_its_files_rate_and_a_big_rate_diverges_with_a_sentence() {
        openFitter("/lessons/training-loop");
        assertEquals("0.005", browser.driver().findElement(By.cssSelector(".fitter input.rate")).getDomProperty("value"));
        browser.driver().executeScript("document.querySelector('.fitter input.rate').value = '5';"
                + "document.querySelector('.fitter input.steps').value = '200';");
        browser.driver().findElement(By.cssSelector(".fitter button[data-action='train']")).click();
        browser.waiting().until(d -> text(".fitter .status").contains("too big"));
        assertTrue(text(".fitter .status").matches("The learning rate is too big: the loss grew from 0\\.9167 to \\S+ by step \\d+, and training stopped there\\..*"),
                text(".fitter .status"));
        assertFalse(browser.driver().findElements(By.cssSelector("svg.loss-plot g.mine polyline")).isEmpty(), "the loss curve stays");
        browser.screenshot(OUT.resolve("fitter-diverged-1280x800.png"));
    }

    @Test
    void a_point_dragged_on_the_plot_changes_the_loss_and_the_url_and_the_link_reproduces_it() {
        openFitter("/lessons/curve-fitter");
        String loss = text(".fitter .loss-value");
        WebElement first = browser.driver().findElement(By.cssSelector("svg.fit-plot g.points circle[data-index='0']"));
        String title = first.getText();
        new org.openqa.selenium.interactions.Actions(browser.driver()).clickAndHold(first).moveByOffset(10, -40).moveByOffset(10, -40)
                .release().perform();
        browser.waiting().until(d -> !text(".fitter .loss-value").equals(loss));
        String url = browser.driver().getCurrentUrl();
        assertTrue(url.contains("points="), url);
        assertFalse(url.contains("points=-1%2C-0.7") || url.contains("points=-1,-0.7"), "the first point moved: " + url);
        assertEquals(12, browser.driver().findElements(By.cssSelector("svg.fit-plot g.points circle")).size());
        String moved = text(".fitter .loss-value");
        assertNotEquals(loss, moved);

        // a click on empty plot adds a point; the paste box follows the data
        WebElement plot = browser.driver().findElement(By.cssSelector("svg.fit-plot"));
        new org.openqa.selenium.interactions.Actions(browser.driver()).moveToElement(plot, 0, -100).click().perform();
        browser.waiting().until(d -> d.findElements(By.cssSelector("svg.fit-plot g.points circle")).size() == 13);
        assertEquals(13, ((String) browser.driver().findElement(By.cssSelector("form.data textarea")).getDomProperty("value")).strip().split("\n").length);
        String added = text(".fitter .loss-value");
        browser.screenshot(OUT.resolve("fitter-own-points-1280x800.png"));

        // the link alone draws the same fit
        browser.driver().get(browser.driver().getCurrentUrl());
        browser.waiting().until(d -> !d.findElements(By.cssSelector("aside.fitter.ready")).isEmpty());
        assertEquals(added, text(".fitter .loss-value"));
        assertEquals(13, browser.driver().findElements(By.cssSelector("svg.fit-plot g.points circle")).size());

        // shift-click removes a point
        WebElement last = browser.driver().findElement(By.cssSelector("svg.fit-plot g.points circle[data-index='12']"));
        new org.openqa.selenium.interactions.Actions(browser.driver()).keyDown(org.openqa.selenium.Keys.SHIFT).click(last)
                .keyUp(org.openqa.selenium.Keys.SHIFT).perform();
        browser.waiting().until(d -> d.findElements(By.cssSelector("svg.fit-plot g.points circle")).size() == 12);
        browser.waiting().until(d -> text(".fitter .loss-value").equals(moved));
        assertTrue(browser.consoleErrors().isEmpty(), browser.consoleErrors().toString());
    }

    @Test
    void pasted_x_y_lines_become_the_data_and_the_lesson_s_points_come_back_with_one_click() {
        openFitter("/lessons/curve-fitter");
        String own = text(".fitter .loss-value");
        browser.driver().findElement(By.cssSelector(".fitter details.data-box summary")).click();
        WebElement box = browser.driver().findElement(By.cssSelector("form.data textarea"));
        box.clear();
        box.sendKeys("0, 1\n1, 2\n2, 2\n3, 5\n4, 4");
        browser.driver().findElement(By.cssSelector("form.data button[type=submit]")).click();
        browser.waiting().until(d -> d.findElements(By.cssSelector("svg.fit-plot g.points circle")).size() == 5);
        // the lesson's start, p(x) = −1 + 2x + 2x² − 2x³ − 2x⁴ + x⁵, scored here over the five points
        double[] k = {-1, 2, 2, -2, -2, 1};
        double[][] points = {{0, 1}, {1, 2}, {2, 2}, {3, 5}, {4, 4}};
        double miss = 0;
        for (double[] p : points) {
            double y = 0;
            for (int j = 0; j < k.length; j++) y += k[j] * Math.pow(p[0], j);
            miss += (y - p[1]) * (y - p[1]) / points.length;
        }
        assertEquals(miss, Double.parseDouble(text(".fitter .loss-value")), miss * 1e-3);
        String url = browser.driver().getCurrentUrl();
        assertTrue(url.contains("points=0%2C1%3B1%2C2%3B2%2C2%3B3%2C5%3B4%2C4") || url.contains("points=0,1;1,2;2,2;3,5;4,4"), url);
        assertTrue(attribute(".open-graph a", "href").contains("/playground?source="), "this data's graph is its program");

        browser.driver().findElement(By.cssSelector("form.data [data-action='own-points']")).click();
        browser.waiting().until(d -> d.findElements(By.cssSelector("svg.fit-plot g.points circle")).size() == 12);
        assertEquals(own, text(".fitter .loss-value"));
        assertFalse(browser.driver().getCurrentUrl().contains("points="));
    }

    private static void openFitter(String path) {
        browser.driver().get(server.url(path));
        browser.waiting().until(d -> !d.findElements(By.cssSelector("aside.fitter.ready")).isEmpty());
    }

    private static void slide(String id, String value) {
        browser.driver().executeScript("const k = document.getElementById(arguments[0]) || document.querySelector('input.iteration');"
                + "k.value = arguments[1]; k.dispatchEvent(new Event('input', {bubbles: true}));", id, value);
    }

    private static String text(String css) {
        return browser.driver().findElement(By.cssSelector(css)).getText();
    }

    private static String attribute(String css, String name) {
        return browser.driver().findElement(By.cssSelector(css)).getAttribute(name);
    }

    private static String curve() {
        return (String) browser.driver().executeScript(
                "return [...document.querySelectorAll('svg.fit-plot g.curve polyline')].map(p => p.getAttribute('points')).join('|');");
    }
}
