package org.stepgrad.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.stepgrad.support.Browser;

/**
 * The graph at four sizes, as a learner opens it: about 300 nodes (the course's Curve Fitter), 5,000
 * (a fit over 200 points), 24,000 (over 1,000 points) and 100,000 (a 25,000-line program). For each:
 * the server's time for the first view of a new link and again (cached), once the server is ready,
 * the bytes it sends for it (the page and the replay window the stepper asks for, gzip), the
 * browser's time to first paint and to a ready stepper, the time of a step (from the key to the end
 * of the layout pass it causes, median of 40) and of opening a shut group (median of 5, straight
 * from a click and after the pointer rested on it). A harness, not a test:
 *
 * <pre>mvn -B -q test-compile exec:exec@graph</pre>
 */
public final class GraphLoad {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private GraphLoad() {
    }

    public static void main(String[] args) throws Exception {
        // the same lessons bench/large_lessons.py writes for a person to open: one generator, not two
        Path lessons = Files.createTempDirectory("stepgrad-graph-bench-");
        Process written = new ProcessBuilder("python3", "bench/large_lessons.py", lessons.toString()).inheritIO().start();
        if (written.waitFor() != 0) throw new IllegalStateException("bench/large_lessons.py failed");
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        ProcessBuilder pb = new ProcessBuilder("java", "-Xmx2g", "-cp", System.getProperty("java.class.path"), "org.stepgrad.Main");
        pb.environment().put("PORT", String.valueOf(port));
        pb.environment().put("LESSONS_DIR", lessons.toString());
        pb.redirectErrorStream(true).redirectOutput(Files.createTempFile("stepgrad-graph-bench-", ".log").toFile());
        Process app = pb.start();
        String base = "http://127.0.0.1:" + port;
        try (Browser browser = Browser.start()) {
            awaitReady(base);
            browser.size(1280, 800);
            System.out.println("| graph | nodes | first view of a new link | again (cached) | page + first replay window (gzip) | first paint | stepper ready | step (median of 40, key to layout) | open a group (median of 5) |");
            System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
            for (String id : List.of("curve-fitter", "fit-200", "fit-1000", "chain-100k")) {
                try {
                    row(browser, base, id);
                } catch (java.net.http.HttpTimeoutException | org.openqa.selenium.TimeoutException e) {
                    System.out.printf(Locale.ROOT, "| %s | no first view: %s |%n", id, e.getMessage());
                }
            }
        } finally {
            app.destroy();
        }
        System.exit(0);
    }

    private static void row(Browser browser, String base, String id) throws Exception {
        String page = "/lessons/" + id + "?step=3";
        long t0 = System.nanoTime();
        HttpResponse<byte[]> cold = get(base + page);
        double coldMs = (System.nanoTime() - t0) / 1e6;
        t0 = System.nanoTime();
        HttpResponse<byte[]> warm = get(base + page);
        double warmMs = (System.nanoTime() - t0) / 1e6;
        if (cold.statusCode() != 200 || warm.statusCode() != 200) {
            System.out.printf(Locale.ROOT, "| %s | refused: %d %s |%n", id, warm.statusCode(), new String(warm.body()).lines().findFirst().orElse(""));
            return;
        }
        HttpResponse<byte[]> replay = get(base + "/api/lessons/" + id + "/replay");
        String nodes = String.format(Locale.ROOT, "%,d", new com.fasterxml.jackson.databind.ObjectMapper().readTree(replay.body()).get("nodes").size());
        // what the first view costs: the page and the replay's window that holds its step (the stepper asks for no more)
        HttpResponse<byte[]> window = get(base + "/api/lessons/" + id + "/replay?at=3");
        long gzip = gzipped(warm.body()) + gzipped(window.body());
        long whole = gzipped(replay.body());

        browser.driver().get(base + page);
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".stepper.ready")));
        @SuppressWarnings("unchecked")
        Map<String, Object> timing = (Map<String, Object>) browser.driver().executeScript("""
                const paint = performance.getEntriesByType('paint').find((e) => e.name === 'first-contentful-paint');
                return {paint: paint ? paint.startTime : -1, ready: performance.now(), nodes: document.querySelectorAll('g.node').length};
                """);
        WebElement stage = browser.driver().findElement(By.cssSelector(".stepper"));
        // a step as the learner waits for it: the key handler, the paint, and the style and layout pass it causes
        @SuppressWarnings("unchecked")
        List<Number> times = (List<Number>) browser.driver().executeScript("""
                const times = [];
                for (let i = 0; i < 40; i++) {
                  const t0 = performance.now();
                  document.dispatchEvent(new KeyboardEvent('keydown', {key: 'ArrowRight', bubbles: true}));
                  document.body.offsetHeight;
                  times.push(performance.now() - t0);
                }
                return times;""");
        List<Double> steps = new ArrayList<>();
        for (Number t : times) steps.add(t.doubleValue());
        steps.sort(null);
        Thread.sleep(1500); // the drawings those steps asked for arrive
        String open = "no shut group";
        List<WebElement> shut = browser.driver().findElements(By.cssSelector("g.group.shut"));
        if (!shut.isEmpty()) {
            // median of five groups opened one after another, each timed from the click to its drawing painted
            List<Double> opens = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                shut = browser.driver().findElements(By.cssSelector("g.group.shut"));
                if (shut.isEmpty()) break;
                browser.driver().executeScript("delete arguments[1].dataset.openMs; arguments[0].dispatchEvent(new MouseEvent('click', {bubbles: true}))",
                        shut.get(shut.size() / 2), stage);
                browser.waiting().until(d -> stage.getAttribute("data-open-ms") != null);
                opens.add(Double.parseDouble(stage.getAttribute("data-open-ms")));
            }
            opens.sort(null);
            // as a mouse opens one: the pointer rests on the box (a third of a second) before the click
            List<Double> hovered = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                shut = browser.driver().findElements(By.cssSelector("g.group.shut"));
                if (shut.isEmpty()) break;
                WebElement box = shut.get(shut.size() / 3);
                browser.driver().executeScript("arguments[0].dispatchEvent(new PointerEvent('pointerover', {bubbles: true}))", box);
                Thread.sleep(300);
                browser.driver().executeScript("delete arguments[1].dataset.openMs; arguments[0].dispatchEvent(new MouseEvent('click', {bubbles: true}))",
                        box, stage);
                browser.waiting().until(d -> stage.getAttribute("data-open-ms") != null);
                hovered.add(Double.parseDouble(stage.getAttribute("data-open-ms")));
            }
            hovered.sort(null);
            open = String.format(Locale.ROOT, "%.0f ms (after a hover: %.0f ms)", opens.get(opens.size() / 2), hovered.get(hovered.size() / 2));
        }
        System.out.printf(Locale.ROOT, "| %s | %s (%s drawn) | %.0f ms | %.0f ms | %,d B (whole replay %,d B) | %.0f ms | %.0f ms | %.2f ms | %s |%n",
                id, nodes, timing.get("nodes"), coldMs, warmMs, gzip, whole, ((Number) timing.get("paint")).doubleValue(),
                ((Number) timing.get("ready")).doubleValue(), steps.get(steps.size() / 2), open);
    }

    private static long gzipped(byte[] body) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(body);
        }
        return out.size();
    }

    private static HttpResponse<byte[]> get(String url) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofMinutes(2)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static void awaitReady(String base) throws InterruptedException {
        for (int i = 0; i < 1800; i++) {
            try {
                // /ready: the server has warmed every lesson (the large ones too), so no row races the warm-up for the cores
                if (get(base + "/ready").statusCode() == 200) return;
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("the app did not get ready at " + base);
    }
}
