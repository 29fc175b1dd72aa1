package org.stepgrad.bench;

import com.sun.management.ThreadMXBean;
import io.javalin.Javalin;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import org.stepgrad.expr.Tracer;
import org.stepgrad.web.App;
import org.stepgrad.web.Settings;
import org.stepgrad.web.json.TraceJson;

/**
 * The speed and memory harness (a program, not a timed test), run with
 * {@code mvn -B -q test-compile exec:exec@bench}.
 *
 * <p>For the degree-5 fit ({@link PolyFitProgram}) at N = 20, 200, 600 and 2000 points it
 * measures, after warm-up, parse + forward + backward + trace + JSON in-process
 * ({@link Tracer#trace} and {@link TraceJson#write}): nodes, µs per node, bytes allocated per node,
 * JSON size; then POST /api/trace end to end against the app started on a free port.
 * Every request sends a program text not sent before (a comment line differs), so the server's
 * trace cache never answers and each request pays for the whole computation.
 */
public final class TraceBenchmark {
    private static final int[] POINTS = {20, 200, 600, 2000};
    private static final ThreadMXBean THREADS = (ThreadMXBean) ManagementFactory.getThreadMXBean();

    private TraceBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int[] points = args.length == 0 ? POINTS : Arrays.stream(args).mapToInt(Integer::parseInt).toArray();
        System.out.printf(Locale.ROOT, "Java %s, %d cores available%n%n", Runtime.version(), Runtime.getRuntime().availableProcessors());
        System.out.println("In-process: Tracer.trace + TraceJson.write (median of runs after warm-up)");
        System.out.println("|     N |  nodes | ms/run | µs/node | bytes/node | JSON bytes | JSON bytes/node |");
        System.out.println("|------:|-------:|-------:|--------:|-----------:|-----------:|----------------:|");
        for (int n : points) inProcess(n);

        Javalin app = App.create(Settings.defaults()).start("127.0.0.1", 0);
        try {
            HttpClient http = HttpClient.newHttpClient();
            String url = "http://127.0.0.1:" + app.port() + "/api/trace";
            System.out.println();
            System.out.println("End to end: POST /api/trace over HTTP, a fresh program text each time (median after warm-up)");
            System.out.println("|     N |  nodes | ms/request | µs/node | response bytes |");
            System.out.println("|------:|-------:|-----------:|--------:|---------------:|");
            for (int n : points) overHttp(http, url, n);
        } finally {
            app.stop();
        }
    }

    private static void inProcess(int n) {
        String source = PolyFitProgram.source(n);
        int runs = runsFor(n);
        for (int i = 0; i < runs * 2; i++) once(source); // warm-up: let the JIT compile the hot paths
        long[] nanos = new long[runs];
        long[] bytes = new long[runs];
        int nodes = 0;
        int json = 0;
        long thread = Thread.currentThread().getId();
        for (int i = 0; i < runs; i++) {
            long allocated = THREADS.getThreadAllocatedBytes(thread);
            long start = System.nanoTime();
            byte[] out = once(source);
            nanos[i] = System.nanoTime() - start;
            bytes[i] = THREADS.getThreadAllocatedBytes(thread) - allocated;
            json = out.length;
        }
        nodes = Tracer.trace(source).trace().nodes().size();
        double ms = median(nanos) / 1e6;
        System.out.printf(Locale.ROOT, "| %5d | %6d | %6.2f | %7.3f | %10.0f | %10d | %15.0f |%n",
                n, nodes, ms, ms * 1000 / nodes, median(bytes) / nodes, json, (double) json / nodes);
    }

    private static byte[] once(String source) {
        Tracer.Traced traced = Tracer.trace(source);
        if (!traced.ok()) throw new IllegalStateException(traced.error().describe());
        return TraceJson.write(traced.trace(), traced.nodeLine());
    }

    private static void overHttp(HttpClient http, String url, int n) throws Exception {
        String source = PolyFitProgram.source(n);
        int runs = runsFor(n);
        int nodes = Tracer.trace(source).trace().nodes().size();
        long[] nanos = new long[runs];
        int size = 0;
        for (int i = -runs; i < runs; i++) { // the first half warms up
            String body = new com.fasterxml.jackson.databind.ObjectMapper()
                    .writeValueAsString(Map.of("source", "# request " + n + "-" + i + "\n" + source));
            HttpRequest request = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build();
            long start = System.nanoTime();
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            long took = System.nanoTime() - start;
            if (response.statusCode() != 200) throw new IllegalStateException("status " + response.statusCode());
            if (i >= 0) nanos[i] = took;
            size = response.body().length;
        }
        double ms = median(nanos) / 1e6;
        System.out.printf(Locale.ROOT, "| %5d | %6d | %10.2f | %7.3f | %14d |%n", n, nodes, ms, ms * 1000 / nodes, size);
    }

    /** Enough runs for a stable median without making N = 2000 take minutes. */
    private static int runsFor(int n) {
        return n <= 20 ? 400 : n <= 200 ? 60 : n <= 600 ? 20 : 10;
    }

    private static double median(long[] xs) {
        long[] sorted = xs.clone();
        Arrays.sort(sorted);
        int m = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[m] : (sorted[m - 1] + sorted[m]) / 2.0;
    }
}
