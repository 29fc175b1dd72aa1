package org.stepgrad.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.interactions.Actions;
import org.stepgrad.support.Browser;
import org.stepgrad.support.BrowserFixture;
import org.stepgrad.support.TestServer;

/**
 * Every page, stepped a little, leaves the browser console clean: no script error, no request
 * that failed, and no refusal by the Content-Security-Policy (which is how an inline style or
 * script would show itself).
 */
class ConsoleCleanTest {
    @RegisterExtension
    static final BrowserFixture fixture = BrowserFixture.withJavaScript();
    static final TestServer server = fixture.server();
    static final Browser browser = fixture.browser();

    @Test
    void no_page_logs_an_error_while_it_is_used() throws Exception {
        List<String> pages = new ArrayList<>(List.of("/", "/playground",
                "/playground?source=" + URLEncoder.encode("x = 2\ny = (x + 1", StandardCharsets.UTF_8),
                "/embed/playground?source=" + URLEncoder.encode("a = 3\nf = a * a + a", StandardCharsets.UTF_8)));
        JsonNode lessons = new ObjectMapper().readTree(server.get("/api/lessons").body());
        for (JsonNode l : lessons) {
            pages.add("/lessons/" + l.get("id").asText());
            pages.add("/embed/" + l.get("id").asText() + "?step=3");
        }
        browser.consoleErrors(); // start from a clean log
        List<String> problems = new ArrayList<>();
        for (String page : pages) {
            browser.driver().get(server.url(page));
            boolean stepper = !browser.driver().findElements(By.cssSelector(".stepper[data-replay]")).isEmpty();
            if (stepper) {
                browser.waiting().until(d -> !d.findElements(By.cssSelector(".stepper.ready")).isEmpty());
                for (int i = 0; i < 4; i++) new Actions(browser.driver()).sendKeys(Keys.ARROW_RIGHT).perform();
                new Actions(browser.driver()).sendKeys(Keys.END).perform();
            }
            for (String error : browser.consoleErrors()) problems.add(page + ": " + error);
        }
        // the playground with a fault is answered 400 on purpose: its page load is the only expected error
        problems.removeIf(p -> p.startsWith("/playground?source=x") && p.contains("400"));
        assertEquals(List.of(), problems);
        assertTrue(pages.size() > 20, "the whole course was visited");
    }
}
