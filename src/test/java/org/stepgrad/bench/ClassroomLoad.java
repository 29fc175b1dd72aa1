package org.stepgrad.bench;

import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.stepgrad.web.App;
import org.stepgrad.web.Settings;

/**
 * A lecture hall opening one link at once (a harness, not a timed test):
 * {@code mvn -B -q test-compile exec:exec@classroom}. 300 clients start together; each fetches
 * the page, every /static asset it references, and the replay JSON its stepper fetches, as a
 * browser would (asking for gzip). Prints latency percentiles and counts every answer that is not 2xx/304. Loopback only;
 * bounded in count and time.
 */
public final class ClassroomLoad {
    private static final Pattern ASSET = Pattern.compile("(?:src|href)=\"(/static/[^\"]+)\"");
    /** The JSON the stepper script fetches once the page has loaded. */
    private static final Pattern REPLAY = Pattern.compile("data-replay=\"([^\"]+)\"");

    private ClassroomLoad() {
    }

    public static void main(String[] args) throws Exception {
        int clients = args.length > 0 ? Integer.parseInt(args[0]) : 300;
        List<String> pages = args.length > 1 ? Arrays.asList(args).subList(1, args.length)
                : List.of("/lessons/chain-rule?step=4", "/lessons/curve-fitter?step=40", "/playground?source=x+%3D+-2%0Ay+%3D+5%0Az+%3D+-4%0Aq+%3D+x+%2B+y%0Af+%3D+q+*+z&step=3");
        Javalin app = App.create(Settings.defaults()).start("127.0.0.1", 0);
        try {
            String base = "http://127.0.0.1:" + app.port();
            for (String page : pages) {
                run(base, page, clients / 10); // warm-up: the JIT and the caches, as after a first visitor
                Result r = run(base, page, clients);
                System.out.printf(Locale.ROOT, "%-40.40s clients=%d requests=%d failures=%d  p50=%.1f ms  p95=%.1f ms  max=%.1f ms  wall=%.2f s%n",
                        page, clients, r.latencies.length, r.failures, pct(r.latencies, 50), pct(r.latencies, 95),
                        pct(r.latencies, 100), r.wallSeconds);
                r.problems.stream().limit(5).forEach(p -> System.out.println("  " + p));
            }
        } finally {
            app.stop();
        }
    }

    private static Result run(String base, String page, int clients) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        CountDownLatch start = new CountDownLatch(1);
        ConcurrentLinkedQueue<Double> latencies = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<String> problems = new ConcurrentLinkedQueue<>();
        AtomicInteger failures = new AtomicInteger();
        for (int c = 0; c < clients; c++) {
            pool.submit(() -> {
                try {
                    start.await();
                    String html = fetch(http, base + page, latencies, failures, problems);
                    Set<String> assets = new LinkedHashSet<>();
                    Matcher m = ASSET.matcher(html == null ? "" : html);
                    while (m.find()) assets.add(m.group(1).replace("&amp;", "&"));
                    for (String asset : assets) fetch(http, base + asset, latencies, failures, problems);
                    Matcher replay = REPLAY.matcher(html == null ? "" : html);
                    if (replay.find()) fetch(http, base + replay.group(1).replace("&amp;", "&"), latencies, failures, problems);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return null;
            });
        }
        long t0 = System.nanoTime();
        start.countDown();
        pool.shutdown();
        if (!pool.awaitTermination(120, TimeUnit.SECONDS)) {
            pool.shutdownNow();
            problems.add("clients still running after 120 s");
        }
        double wall = (System.nanoTime() - t0) / 1e9;
        double[] all = latencies.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return new Result(all, failures.get(), wall, new ArrayList<>(problems));
    }

    private static String fetch(HttpClient http, String url, ConcurrentLinkedQueue<Double> latencies,
                                AtomicInteger failures, ConcurrentLinkedQueue<String> problems) {
        long t0 = System.nanoTime();
        try {
            HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create(url))
                    .header("Accept-Encoding", "gzip") // as a browser asks, so compression is part of the cost
                    .timeout(Duration.ofSeconds(60)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            byte[] body = response.body();
            if (response.headers().firstValue("Content-Encoding").orElse("").equals("gzip")) {
                body = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(body)).readAllBytes();
            }
            latencies.add((System.nanoTime() - t0) / 1e6);
            if (response.statusCode() >= 400) {
                failures.incrementAndGet();
                problems.add(response.statusCode() + " " + url);
            }
            return new String(body, java.nio.charset.StandardCharsets.UTF_8);
        } catch (Exception e) {
            failures.incrementAndGet();
            problems.add(e + " " + url);
            return null;
        }
    }

    private static double pct(double[] sorted, int p) {
        if (sorted.length == 0) return Double.NaN;
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }

    private record Result(double[] latencies, int failures, double wallSeconds, List<String> problems) {
    }
}
