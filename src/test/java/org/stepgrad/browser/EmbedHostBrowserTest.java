package org.stepgrad.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.interactions.Actions;
import org.stepgrad.support.Browser;
import org.stepgrad.support.BrowserFixture;
import org.stepgrad.support.TestServer;

/** An embed inside another site's 640×400 frame: it tells the host its height the way H5P and Canvas hosts expect. */
class EmbedHostBrowserTest {
    @RegisterExtension
    static final BrowserFixture fixture = BrowserFixture.withJavaScript();
    static final TestServer server = fixture.server();
    static final Browser browser = fixture.browser();

    /** A second server, on another port and so another origin, serving the host page it is given. */
    static String host(String embedPath) {
        byte[] page = hostPage(embedPath).getBytes(StandardCharsets.UTF_8);
        try {
            com.sun.net.httpserver.HttpServer other = com.sun.net.httpserver.HttpServer.create(
                    new java.net.InetSocketAddress("127.0.0.1", 0), 0);
            other.createContext("/", exchange -> {
                exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
                exchange.sendResponseHeaders(200, page.length);
                exchange.getResponseBody().write(page);
                exchange.close();
            });
            other.start();
            HOSTS.add(other);
            return "http://localhost:" + other.getAddress().getPort() + "/course.html";
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static final List<com.sun.net.httpserver.HttpServer> HOSTS = new java.util.concurrent.CopyOnWriteArrayList<>();

    @org.junit.jupiter.api.AfterAll
    static void stopHosts() {
        HOSTS.forEach(h -> h.stop(0));
    }

    /** A course page that speaks H5P's resizer and records every message. */
    static String hostPage(String embedPath) {
        String html = "<!DOCTYPE html><title>host</title><iframe src=\"" + server.url(embedPath)
                + "\" width=\"640\" height=\"400\" title=\"Stepgrad\"></iframe><script>window.got = [];"
                + "addEventListener('message', (e) => { got.push(e.data); const d = e.data;"
                + " if (d && d.context === 'h5p' && d.action === 'hello') e.source.postMessage({context: 'h5p', action: 'hello'}, '*');"
                + " if (d && d.context === 'h5p' && d.action === 'prepareResize') e.source.postMessage({context: 'h5p', action: 'resizePrepared'}, '*');"
                + "});</script>";
        return html;
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> messages() {
        return (List<Map<String, Object>>) browser.driver().executeScript("return window.got.filter((m) => m && typeof m === 'object');");
    }

    @Test
    void a_framed_lesson_posts_its_height_in_h5p_and_canvas_messages() {
        browser.driver().get(host("/embed/chain-rule?step=3"));
        browser.waiting().until(d -> messages().stream().anyMatch(m -> "resize".equals(m.get("action"))));
        List<Map<String, Object>> got = messages();
        assertTrue(got.stream().anyMatch(m -> "h5p".equals(m.get("context")) && "hello".equals(m.get("action"))), got.toString());
        Map<String, Object> resize = got.stream().filter(m -> "resize".equals(m.get("action"))).findFirst().orElseThrow();
        int h5pHeight = ((Number) resize.get("scrollHeight")).intValue();
        assertTrue(h5pHeight >= 100 && h5pHeight <= 2000, resize.toString());
        Map<String, Object> canvas = got.stream().filter(m -> "lti.frameResize".equals(m.get("subject"))).findFirst().orElseThrow();
        int height = ((Number) canvas.get("height")).intValue();
        assertTrue(height >= 100 && height <= 2000, canvas.toString());
        // what it tells is its content's real height, as the framed document measures it
        browser.driver().switchTo().frame(0);
        long real = ((Number) browser.driver().executeScript("return Math.ceil(document.documentElement.scrollHeight);")).longValue();
        browser.driver().switchTo().defaultContent();
        assertEquals(real, h5pHeight);
    }

    @Test
    void the_open_in_stepgrad_link_follows_the_step() {
        browser.driver().get(server.url("/embed/chain-rule?step=0"));
        browser.waiting().until(d -> !d.findElements(By.cssSelector(".stepper.ready")).isEmpty());
        new Actions(browser.driver()).sendKeys(Keys.ARROW_RIGHT).sendKeys(Keys.ARROW_RIGHT).perform();
        browser.waiting().until(d -> d.findElement(By.cssSelector(".embed-title a")).getAttribute("href").endsWith("/lessons/chain-rule?step=2"));

        browser.driver().get(server.url("/embed/playground?source=x%20%3D%203%0Ay%20%3D%20x*x&step=0"));
        browser.waiting().until(d -> !d.findElements(By.cssSelector(".stepper.ready")).isEmpty());
        new Actions(browser.driver()).sendKeys(Keys.ARROW_RIGHT).perform();
        browser.waiting().until(d -> d.findElement(By.cssSelector(".embed-open a")).getAttribute("href").endsWith("/playground?source=x%20%3D%203%0Ay%20%3D%20x*x&step=1"));
    }
}
