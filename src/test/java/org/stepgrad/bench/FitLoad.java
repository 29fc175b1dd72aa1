package org.stepgrad.bench;

import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.stepgrad.web.App;
import org.stepgrad.web.Settings;

/**
 * The Curve Fitter under a class: {@code clients} clients send {@code requests} requests for
 * {@code /api/lessons/curve-fitter/fit?steps=2000&k=…} with distinct knobs, then the same requests
 * again (answered from the cache), then {@code requests} requests of one class pressing Train
 * at once (one query), and prints each round's wall time, p50, p95, max and every non-200.
 *
 * <pre>
 * mvn -B -q -o test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -cp target/classes:target/test-classes:$(cat target/cp.txt) org.stepgrad.bench.FitLoad 16 300
 * </pre>
 */
public final class FitLoad {
    private FitLoad() {
    }

    public static void main(String[] args) throws Exception {
        int clients = args.length > 0 ? Integer.parseInt(args[0]) : 16;
        int requests = args.length > 1 ? Integer.parseInt(args[1]) : 300;
        Javalin app = App.create(Settings.defaults()).start("127.0.0.1", 0);
        String base = "http://127.0.0.1:" + app.port() + "/api/lessons/curve-fitter/fit?steps=2000&k=";
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        try {
            List<String> distinct = new ArrayList<>();
            for (int i = 0; i < requests; i++) distinct.add(base + (i / 1000.0) + ",2,2,-2,-2,1");
            round(http, clients, List.of(base + "-1,2,2,-2,-2,1&rate=0.3"), "warm-up (1 request)");
            round(http, clients, distinct, requests + " distinct requests");
            round(http, clients, distinct, "the same " + requests + " again (cached)");
            round(http, clients, Collections.nCopies(requests, base + "0.25,2,2,-2,-2,1"), requests + " requests of one query");
        } finally {
            app.stop();
        }
    }

    private static void round(HttpClient http, int clients, List<String> urls, String name) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long start = System.nanoTime();
        List<Future<long[]>> answers = new ArrayList<>();
        for (String url : urls) {
            answers.add(pool.submit(() -> {
                long t0 = System.nanoTime();
                HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(120)).build(),
                        HttpResponse.BodyHandlers.ofByteArray());
                return new long[] {System.nanoTime() - t0, r.statusCode()};
            }));
        }
        List<Long> times = new ArrayList<>();
        Map<Long, Integer> statuses = new TreeMap<>();
        for (Future<long[]> f : answers) {
            long[] a = f.get();
            times.add(a[0]);
            statuses.merge(a[1], 1, Integer::sum);
        }
        long wall = System.nanoTime() - start;
        pool.shutdown();
        Collections.sort(times);
        System.out.printf("%-40s wall %6.2f s  p50 %7.1f ms  p95 %7.1f ms  max %7.1f ms  statuses %s%n", name, wall / 1e9,
                ms(times, 0.5), ms(times, 0.95), times.get(times.size() - 1) / 1e6, statuses);
    }

    private static double ms(List<Long> sorted, double q) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.floor(q * sorted.size()))) / 1e6;
    }
}
