package org.stepgrad.web;

import org.stepgrad.replay.Replay;
import org.stepgrad.web.http.Readiness;
import org.stepgrad.web.json.ReplayJson;
import org.stepgrad.web.json.TraceJson;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.stepgrad.expr.Tracer;
import org.stepgrad.model.Loss;
import org.stepgrad.model.Point;
import org.stepgrad.model.PolynomialProgram;

/**
 * Warms the server before it says it is ready: runs the trace pipeline on a throwaway program
 * so the JIT has compiled its hot paths (a cold JVM answers a 15,000-node trace about three
 * times slower than a warm one), then asks the server itself, over HTTP, for every lesson's
 * page, embed, JSON and replay, so each is loaded, traced, laid out, rendered and cached once
 * through the app's own handlers. Only then is {@code /ready} 200.
 */
public final class Warmup {
    private static final Logger LOG = LoggerFactory.getLogger(Warmup.class);
    private static final int ROUNDS = 12;
    /** A fit over this many points: a 14,000-node, 9 MB trace, as large as API answers get in the course. */
    private static final int SETTLE_POINTS = 600;
    /** Large traces after the pages: measured, forty bring the first requests within a few ms of later ones. */
    private static final int SETTLE_ROUNDS = 40;
    /** The most the settling may add to the start, on a slow machine. */
    private static final long SETTLE_NANOS = 15_000_000_000L;
    private static final ObjectMapper JSON = new ObjectMapper();

    private Warmup() {
    }

    /** Starts the warm-up of the server at {@code base} on a daemon thread and returns at once. */
    public static void inBackground(String base, Readiness readiness) {
        Thread thread = new Thread(() -> warm(base, readiness), "stepgrad-warm-up");
        thread.setDaemon(true);
        thread.start();
    }

    /** Warms the server at {@code base}, then marks it ready; a page that fails is logged, not fatal. */
    public static void warm(String base, Readiness readiness) {
        long start = System.nanoTime();
        try {
            readiness.progress("warming up: compiling the trace pipeline");
            run();
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            List<String> paths = paths(http, base);
            for (int i = 0; i < paths.size(); i++) {
                readiness.progress("warming up: rendered " + i + " of " + paths.size() + " pages");
                get(http, base, paths.get(i));
            }
            readiness.progress("warming up: tracing large programs through the API");
            settle(http, base);
        } catch (RuntimeException e) {
            LOG.warn("the warm-up stopped early: {}", e.toString());
        } finally {
            readiness.ready();
            LOG.info("warm and ready in {} ms", (System.nanoTime() - start) / 1_000_000);
        }
    }

    /** Every lesson's page, embed, JSON and replay, the index and the playground. */
    static List<String> paths(HttpClient http, String base) {
        List<String> paths = new ArrayList<>(List.of("/", "/playground"));
        String list = get(http, base, "/api/lessons");
        if (list == null) return paths;
        try {
            for (JsonNode lesson : JSON.readTree(list)) {
                String id = lesson.get("id").asText();
                paths.addAll(List.of("/lessons/" + id, "/embed/" + id, "/api/lessons/" + id, "/api/lessons/" + id + "/replay?at=0"));
            }
        } catch (java.io.IOException e) {
            LOG.warn("the warm-up could not read the lesson list: {}", e.toString());
        }
        return paths;
    }

    /** The body of GET {@code path}, asked again while the server says it is busy; null on failure. */
    private static String get(HttpClient http, String base, String path) {
        for (int attempt = 0; attempt < 5; attempt++) {
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + path))
                        .timeout(Duration.ofSeconds(60)).GET().build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 503) {
                    Thread.sleep(500);
                    continue;
                }
                if (r.statusCode() != 200) LOG.warn("warm-up: GET {} answered {}", path, r.statusCode());
                return r.body();
            } catch (java.io.IOException e) {
                LOG.warn("warm-up: GET {} failed: {}", path, e.toString());
                return null;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        }
        return null;
    }

    /**
     * POSTs a large program to /api/trace {@link #SETTLE_ROUNDS} times, a new text each time as
     * a learner's would be. The pages above queue thousands of methods for the optimizing
     * compiler, and the trace pipeline's hottest ones waited behind them: without this the
     * first twenty large traces after {@code /ready} took about twice as long as later ones
     * (median 103–116 ms against 58 ms with it, for a 600-point fit). Through HTTP, so the
     * request's own path (reading, strict JSON, both writer cores, sending) is compiled too.
     */
    static void settle(HttpClient http, String base) {
        String program = program(SETTLE_POINTS);
        long deadline = System.nanoTime() + SETTLE_NANOS;
        int rounds = 0;
        while (rounds < SETTLE_ROUNDS && System.nanoTime() < deadline) {
            if (!post(http, base, "/api/trace", "# warm-up " + rounds + "\n" + program)) break;
            rounds++;
        }
        LOG.info("warm-up: traced {} large programs through the API", rounds);
    }

    /** POSTs {"source": program}; false, logged, when the server did not answer 200. */
    private static boolean post(HttpClient http, String base, String path, String program) {
        try {
            String body = JSON.writeValueAsString(java.util.Map.of("source", program));
            HttpResponse<Void> r = http.send(HttpRequest.newBuilder(URI.create(base + path))
                    .timeout(Duration.ofSeconds(60)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.discarding());
            if (r.statusCode() == 200) return true;
            LOG.warn("warm-up: POST {} answered {}", path, r.statusCode());
        } catch (java.io.IOException e) {
            LOG.warn("warm-up: POST {} failed: {}", path, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return false;
    }

    static void run() {
        String program = program(200);
        for (int i = 0; i < ROUNDS; i++) {
            Tracer.Traced traced = Tracer.trace(program);
            Replay replay = new Replay(traced.trace(), traced.nodeLine());
            TraceJson.write(traced.trace(), traced.nodeLine()); // what POST /api/trace writes
            if (i % 4 == 0) ReplayJson.write(replay);
        }
    }

    /** A degree-5 fit over {@code points} points, written by the lessons' own generator, at lesson scale. */
    static String program(int points) {
        List<Point> data = new ArrayList<>(points);
        for (int i = 1; i <= points; i++) {
            double x = -1 + 2.0 * i / points;
            data.add(new Point(x, Math.sin(3 * x)));
        }
        return PolynomialProgram.write(new double[] {0.1, 0.2, 0.3, 0.4, 0.5, 0.6}, data, Loss.MEAN_SQUARED);
    }
}
