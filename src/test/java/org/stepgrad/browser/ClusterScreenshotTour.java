package org.stepgrad.browser;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.stepgrad.support.Browser;
import org.stepgrad.support.BrowserFixture;
import org.stepgrad.support.TestServer;

/**
 * A tool, not part of the suite (surefire runs only *Test classes): screenshots of the Curve
 * Fitter's clustered graph mid-forward, mid-backward and zoomed out, at laptop and projector
 * sizes, into -Dstepgrad.screenshots=DIR (else the temp folder). What they show is checked by
 * {@link ClusterBrowserTest}.
 */
class ClusterScreenshotTour {
    static final Path OUT = Path.of(System.getProperty("stepgrad.screenshots",
            System.getProperty("java.io.tmpdir") + "/stepgrad-screenshots"));

    @RegisterExtension
    static final BrowserFixture fixture = BrowserFixture.withJavaScript();
    static final TestServer server = fixture.server();
    static final Browser browser = fixture.browser();

    @Test
    void takes_the_cluster_tour() throws Exception {
        JsonNode cluster = new ObjectMapper().readTree(server.get("/api/lessons/curve-fitter/replay").body()).get("walk").get("cluster");
        int firstOfPoint4 = 0;
        while (cluster.get(firstOfPoint4).asInt() != 3) firstOfPoint4++;
        int forward = firstOfPoint4 + 6;
        int backward = cluster.size() - 1 - 60;
        for (int[] size : new int[][] {{1280, 800}, {1920, 1080}}) {
            browser.size(size[0], size[1]);
            for (int s : new int[] {forward, backward}) {
                open(s);
                browser.driver().executeScript("document.querySelector('.stepper').scrollIntoView()");
                browser.screenshot(OUT.resolve("clusters-" + (s == forward ? "forward" : "backward") + "-" + size[0] + ".png"));
            }
        }
        // zoomed out: the open point among its shut neighbours and their summaries
        browser.size(1920, 1080);
        open(backward);
        for (int i = 0; i < 6; i++) browser.driver().findElement(By.cssSelector("[data-zoom='out']")).click();
        browser.driver().executeScript("document.querySelector('.stepper').scrollIntoView()");
        browser.screenshot(OUT.resolve("clusters-overview-1920.png"));
        assertTrue(Files.size(OUT.resolve("clusters-overview-1920.png")) > 0);
    }

    private static void open(int step) {
        browser.driver().get(server.url("/lessons/curve-fitter?step=" + step));
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".stepper.ready")));
    }
}
