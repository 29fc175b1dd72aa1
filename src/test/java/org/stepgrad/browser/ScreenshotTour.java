package org.stepgrad.browser;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.stepgrad.support.Browser;
import org.stepgrad.support.BrowserFixture;
import org.stepgrad.support.TestServer;

/**
 * A tool, not part of the suite (surefire runs only *Test classes). Screenshots for a person
 * to look at: forward and backward steps at laptop and projector sizes, presenter mode, and a
 * small iframe embed. They go to -Dstepgrad.screenshots=DIR (the README's
 * come from {@code -Dstepgrad.screenshots=docs/screenshots}), else to the temp folder.
 */
class ScreenshotTour {
    static final Path OUT = Path.of(System.getProperty("stepgrad.screenshots",
            System.getProperty("java.io.tmpdir") + "/stepgrad-screenshots"));
    static final String MICROGRAD = "a = 2\nb = -3\nc = 10\nf = -2\ne = a * b\nd = e + c\nL = d * f";
    static final String NEURON = "x1 = 2\nx2 = 0\nw1 = -3\nw2 = 1\nb = 6.8813735870195432\nn = x1*w1 + x2*w2 + b\no = tanh(n)";

    @RegisterExtension
    static final BrowserFixture fixture = BrowserFixture.withJavaScript();
    static final TestServer server = fixture.server();
    static final Browser browser = fixture.browser();

    @Test
    void takes_the_tour() {
        browser.size(1280, 800);
        shoot(StepperBrowserTest.CIRCUIT, 1, "playground-forward-1280x800.png");
        shoot(StepperBrowserTest.CIRCUIT, 4, "playground.png");
        shoot(StepperBrowserTest.FAN_OUT, 5, "fan-out-backward-1280x800.png");
        browser.size(1920, 1080);
        shoot(MICROGRAD, 2, "micrograd-forward-1920x1080.png");
        shoot(NEURON, 10, "neuron-backward-1920x1080.png");
        browser.driver().findElement(By.cssSelector("[data-present]")).click();
        browser.screenshot(OUT.resolve("presenter-1920x1080.png"));
        browser.driver().findElement(By.cssSelector("[data-present]")).click();

        browser.size(800, 600);
        String embed = server.url("/embed/playground?source=" + enc(StepperBrowserTest.CIRCUIT) + "&step=3");
        // a blog on another origin (another port) frames the embed, as a course page would
        String blog = "<!doctype html><meta charset=utf-8><body style='margin:8px;background:#eee;font-family:sans-serif'>"
                + "<p>A blog post with an embedded graph:</p><iframe src='" + embed
                + "' width='480' height='360' style='border:1px solid #999;background:#fff'></iframe>";
        com.sun.net.httpserver.HttpServer host = startHost(blog);
        browser.driver().get("http://127.0.0.1:" + host.getAddress().getPort() + "/");
        browser.driver().switchTo().frame(0);
        try {
            browser.waiting().until(d -> !d.findElements(By.cssSelector(".stepper.ready")).isEmpty());
        } catch (RuntimeException e) {
            System.out.println("IFRAME: " + browser.driver().getPageSource());
            System.out.println("LOG: " + browser.driver().manage().logs().get("browser").getAll());
        }
        browser.driver().switchTo().defaultContent();
        browser.screenshot(OUT.resolve("embed-iframe-480x360.png"));
        host.stop(0);
        assertTrue(Files.exists(OUT.resolve("playground.png")));
    }

    private static com.sun.net.httpserver.HttpServer startHost(String html) {
        try {
            var host = com.sun.net.httpserver.HttpServer.create(new java.net.InetSocketAddress("127.0.0.1", 0), 0);
            byte[] body = html.getBytes(StandardCharsets.UTF_8);
            host.createContext("/", exchange -> {
                exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            host.start();
            return host;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void shoot(String source, int step, String file) {
        browser.driver().get(server.url("/playground?source=" + enc(source) + "&step=" + step));
        browser.waiting().until(d -> !d.findElements(By.cssSelector(".stepper.ready")).isEmpty());
        browser.screenshot(OUT.resolve(file));
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
