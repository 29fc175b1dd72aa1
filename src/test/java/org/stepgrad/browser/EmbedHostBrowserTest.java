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
        return host(embedPath, 640, 400);
    }

    /** The same host page with a frame of this size. */
    static String host(String embedPath, int width, int height) {
        byte[] page = hostPage(embedPath).replace("width=\"640\" height=\"400\"", "width=\"" + width + "\" height=\"" + height + "\"")
                .getBytes(StandardCharsets.UTF_8);
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

    /** Inside the frame: the current node's label height, the page's width, and where the step buttons and the pop-out link are. */
    static final String MEASURE = """
            const node = document.querySelector('g.node[aria-current="step"]');
            const box = (el) => { if (!el || !el.getClientRects().length) return null; const r = el.getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom]; };
            const pop = document.querySelector('.embed-title a, .embed-open a');
            return { text: node ? node.querySelector('text').getBoundingClientRect().height : -1,
                     width: document.documentElement.scrollWidth, frame: [innerWidth, innerHeight],
                     next: box(document.querySelector('[data-go=next]')), prev: box(document.querySelector('[data-go=prev]')),
                     pop: box(pop), popTarget: pop ? pop.target : null, popText: pop ? pop.textContent : null };
            """;

    @Test
    void in_another_sites_640_by_400_frame_the_current_node_reads_at_12_px_and_at_320_by_240_the_step_buttons_are_in_view() {
        List<String> misses = new java.util.ArrayList<>();
        for (int[] size : new int[][] {{640, 400}, {320, 240}}) {
            for (String embed : List.of("/embed/chain-rule?step=3", "/embed/curve-fitter?step=40", "/embed/playground?step=3")) {
                browser.driver().switchTo().defaultContent();
                browser.driver().get(host(embed, size[0], size[1]));
                browser.waiting().until(d -> messages().stream().anyMatch(m -> "lti.frameResize".equals(m.get("subject"))));
                browser.driver().switchTo().frame(0);
                browser.waiting().until(d -> !d.findElements(By.cssSelector(".stepper.ready")).isEmpty());
                @SuppressWarnings("unchecked")
                Map<String, Object> m = (Map<String, Object>) browser.driver().executeScript(MEASURE);
                String at = size[0] + "×" + size[1] + " " + embed + ": ";
                double text = ((Number) m.get("text")).doubleValue();
                if (size[0] == 640 && text < 12) misses.add(at + "current node text " + text + " px");
                if (((Number) m.get("width")).intValue() > size[0]) misses.add(at + "the page is " + m.get("width") + " px wide");
                for (String control : List.of("next", "prev", "pop")) {
                    @SuppressWarnings("unchecked")
                    List<Number> b = (List<Number>) m.get(control);
                    if (b == null || b.get(0).doubleValue() < 0 || b.get(1).doubleValue() < 0 || b.get(2).doubleValue() > size[0] || b.get(3).doubleValue() > size[1])
                        misses.add(at + control + " is out of the frame: " + b);
                }
                if (!"_blank".equals(m.get("popTarget"))) misses.add(at + "the Stepgrad link opens in " + m.get("popTarget"));
                browser.driver().switchTo().defaultContent();
                String name = "embed-" + size[0] + "x" + size[1] + embed.replaceAll("[^a-z0-9]+", "-");
                browser.screenshot(java.nio.file.Path.of("target/screenshots/" + name + ".png"));
            }
        }
        assertTrue(misses.isEmpty(), String.join("\n", misses));
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
