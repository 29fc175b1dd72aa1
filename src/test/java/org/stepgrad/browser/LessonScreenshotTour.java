package org.stepgrad.browser;

import static org.junit.jupiter.api.Assertions.assertTrue;

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
 * A tool, not part of the suite (surefire runs only *Test classes). Screenshots of the lessons for a person to look at: a lesson at a checkpoint, the Curve Fitter
 * after training, and a lesson embedded in a small iframe, at laptop and projector sizes. They go
 * to -Dstepgrad.screenshots=DIR (the README's: docs/screenshots), else to the temp folder.
 */
class LessonScreenshotTour {
    static final Path OUT = Path.of(System.getProperty("stepgrad.screenshots",
            System.getProperty("java.io.tmpdir") + "/stepgrad-screenshots"));

    @RegisterExtension
    static final BrowserFixture fixture = BrowserFixture.withJavaScript();
    static final TestServer server = fixture.server();
    static final Browser browser = fixture.browser();

    @Test
    void takes_the_lesson_tour() throws Exception {
        browser.size(1280, 800);
        lesson("/lessons/chain-rule?step=5", "lesson.png");
        fitter("curve-fitter.png");
        browser.size(1920, 1080);
        lesson("/lessons/chain-rule?step=5", "lesson-1920x1080.png");
        fitter("curve-fitter-1920x1080.png");

        browser.size(800, 600);
        String blog = "<!doctype html><meta charset=utf-8><body style='margin:8px;background:#eee;font-family:sans-serif'>"
                + "<p>A course page with an embedded lesson:</p><iframe src='" + server.url("/embed/chain-rule?step=4")
                + "' width='480' height='360' style='border:1px solid #999;background:#fff'></iframe>";
        var host = com.sun.net.httpserver.HttpServer.create(new java.net.InetSocketAddress("127.0.0.1", 0), 0);
        byte[] body = blog.getBytes(StandardCharsets.UTF_8);
        host.createContext("/", exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        host.start();
        try {
            browser.driver().get("http://127.0.0.1:" + host.getAddress().getPort() + "/");
            browser.driver().switchTo().frame(0);
            browser.waiting().until(d -> !d.findElements(By.cssSelector(".stepper.ready")).isEmpty());
            browser.driver().switchTo().defaultContent();
            browser.screenshot(OUT.resolve("embed-small.png"));
        } finally {
            host.stop(0);
        }
        assertTrue(Files.exists(OUT.resolve("curve-fitter.png")));
    }

    private static void lesson(String path, String file) {
        browser.driver().get(server.url(path));
        browser.waiting().until(d -> !d.findElements(By.cssSelector(".stepper.ready")).isEmpty());
        browser.screenshot(OUT.resolve(file));
    }

    private static void fitter(String file) {
        browser.driver().get(server.url("/lessons/curve-fitter"));
        browser.waiting().until(d -> !d.findElements(By.cssSelector("aside.fitter.ready")).isEmpty());
        browser.driver().findElement(By.cssSelector(".fitter button[data-action='train']")).click();
        browser.waiting().until(d -> d.findElement(By.cssSelector(".fitter .iteration-value")).getText().equals("100"));
        browser.driver().executeScript("window.scrollTo(0, 0);");
        browser.screenshot(OUT.resolve(file));
    }
}
