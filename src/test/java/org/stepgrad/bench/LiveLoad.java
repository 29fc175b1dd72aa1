package org.stepgrad.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.stepgrad.live.EventStream;
import org.stepgrad.live.RedisProcess;

/**
 * A live lecture under load (a harness, not a timed test): {@code mvn -B -q test-compile exec:exec@live}
 * ({@code -Dlive.args=nginx} sends everything through nginx with bench/live-nginx.conf).
 * Starts a real redis-server and two Stepgrad processes ({@code org.stepgrad.Main} with REDIS_URL),
 * opens 300 student streams split over the two, has a teacher step 30 times, and prints the
 * delivery latency (POST sent → event read by the student) p50/p99/max, events lost or out of
 * order, 300 answers (10 sent twice) as counted, a late joiner's first step, the refusals, and
 * each instance's heap after a full GC. Exits 1 if the issue's acceptance is not met.
 */
public final class LiveLoad {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int STUDENTS = 300;
    private static final int STEPS = 30;
    private static final Duration GAP = Duration.ofMillis(200); // between the teacher's steps: a fast clicker

    private LiveLoad() {
    }

    public static void main(String[] args) throws Exception {
        boolean nginx = Arrays.asList(args).contains("nginx");
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
        List<Process> processes = new ArrayList<>();
        try (RedisProcess redis = RedisProcess.start(false)) {
            int[] ports = {freePort(), freePort()};
            for (int port : ports) processes.add(instance(port, redis.url()));
            for (int port : ports) awaitReady(http, "http://127.0.0.1:" + port);
            String[] bases;
            if (nginx) {
                int port = freePort();
                processes.add(nginx(port, ports));
                awaitReady(http, "http://127.0.0.1:" + port);
                bases = new String[] {"http://127.0.0.1:" + port};
            } else {
                bases = new String[] {"http://127.0.0.1:" + ports[0], "http://127.0.0.1:" + ports[1]};
            }
            System.out.printf(Locale.ROOT, "%d students over %s, Redis %s%n", STUDENTS,
                    nginx ? "nginx → two instances" : "two instances directly", redis.url());
            boolean ok = run(http, bases, ports);
            for (int i = 0; i < 2; i++) System.out.printf(Locale.ROOT, "instance %d heap after full GC: %s%n", i + 1, heap(processes.get(i).pid()));
            if (!ok) {
                System.out.println("FAILED: the acceptance figures are not met");
                System.exit(1);
            }
        } finally {
            for (Process p : processes) p.destroy();
        }
        System.exit(0);
    }

    /** A smaller lecture first, so the figures are of warm JITs and connection pools, as in a second lesson. */
    private static void warmUp(HttpClient http, String[] bases) throws Exception {
        HttpResponse<String> made = post(http, bases[0] + "/api/sessions", null, "{\"lesson\": \"curve-fitter\"}");
        if (made.statusCode() != 201) throw new IllegalStateException("POST /api/sessions answered " + made.statusCode() + ": " + made.body());
        JsonNode session = JSON.readTree(made.body());
        String code = session.get("code").asText();
        List<EventStream> students = new ArrayList<>();
        for (int i = 0; i < 60; i++) students.add(EventStream.open(http, bases[i % bases.length] + "/api/sessions/" + code + "/events"));
        for (EventStream s : students) s.poll(Duration.ofSeconds(30));
        for (int step = 1; step <= 40; step++) {
            post(http, bases[step % bases.length] + "/api/sessions/" + code + "/state", session.get("key").asText(), "{\"step\": " + step + "}");
            Thread.sleep(20);
        }
        for (EventStream s : students) s.close();
    }

    private static boolean run(HttpClient http, String[] bases, int[] ports) throws Exception {
        warmUp(http, bases);
        String teacherBase = bases[0];
        JsonNode session = JSON.readTree(post(http, teacherBase + "/api/sessions", null, "{\"lesson\": \"curve-fitter\"}").body());
        String code = session.get("code").asText();
        String key = session.get("key").asText();

        List<SocketEvents> students = new ArrayList<>();
        for (int i = 0; i < STUDENTS; i++) {
            students.add(new SocketEvents(bases[i % bases.length] + "/api/sessions/" + code + "/events"));
        }
        int connected = 0;
        for (SocketEvents s : students) {
            SocketEvents.Event first = s.poll(30_000);
            if (first != null && JSON.readTree(first.data()).get("step").asInt() == 0) connected++;
            else System.out.println("a stream got no first event: status " + s.status());
        }
        System.out.printf(Locale.ROOT, "streams open with step 0 first: %d of %d%n", connected, STUDENTS);

        long[] sent = new long[STEPS + 1];
        for (int step = 1; step <= STEPS; step++) {
            String base = bases[step % bases.length]; // the teacher's requests land on either instance too
            sent[step] = System.nanoTime();
            HttpResponse<String> r = post(http, base + "/api/sessions/" + code + "/state", key, "{\"step\": " + step + "}");
            if (r.statusCode() != 204) System.out.println("step " + step + " answered " + r.statusCode() + " " + r.body());
            Thread.sleep(GAP.toMillis());
        }

        List<Double> latencies = new ArrayList<>();
        int lost = 0;
        int disordered = 0;
        for (SocketEvents s : students) {
            int expect = 1;
            while (expect <= STEPS) {
                SocketEvents.Event e = s.poll(5_000);
                if (e == null) {
                    lost += STEPS - expect + 1;
                    break;
                }
                int step = JSON.readTree(e.data()).get("step").asInt();
                if (step != expect) {
                    if (disordered < 5) System.out.println("expected step " + expect + ", got " + step + " (id " + e.id() + ")");
                    disordered++;
                    if (step < expect) continue;
                    lost += step - expect;
                }
                latencies.add((e.receivedNanos() - sent[step]) / 1e6);
                expect = step + 1;
            }
        }
        latencies.sort(null);
        double p50 = pct(latencies, 0.50);
        double p99 = pct(latencies, 0.99);
        System.out.printf(Locale.ROOT, "delivery latency over %d events: p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                latencies.size(), p50, p99, latencies.isEmpty() ? Double.NaN : latencies.get(latencies.size() - 1));
        System.out.printf(Locale.ROOT, "events lost: %d, out of order: %d (of %d expected)%n", lost, disordered, STUDENTS * STEPS);

        EventStream late = EventStream.open(http, bases[bases.length - 1] + "/api/sessions/" + code + "/events");
        int lateStep = JSON.readTree(late.next(Duration.ofSeconds(10)).data()).get("step").asInt();
        System.out.printf(Locale.ROOT, "a late joiner's first step: %d (teacher at %d)%n", lateStep, STEPS);
        late.close();

        ExecutorService pool = Executors.newFixedThreadPool(32);
        List<Future<Integer>> answers = new ArrayList<>();
        for (int i = 0; i < STUDENTS + 10; i++) {
            int student = i % STUDENTS; // the last 10 are sent twice
            String base = bases[i % bases.length];
            String body = JSON.writeValueAsString(Map.of("checkpoint", 0, "student", "bench-student-" + student, "answer", String.valueOf(student % 7)));
            answers.add(pool.submit(() -> post(http, base + "/api/sessions/" + code + "/answers", null, body).statusCode()));
        }
        int accepted = 0;
        for (Future<Integer> f : answers) if (f.get() == 202) accepted++;
        pool.shutdown();
        JsonNode tally = JSON.readTree(get(http, bases[0] + "/api/sessions/" + code + "/answers?checkpoint=0", key).body());
        System.out.printf(Locale.ROOT, "answers: %d sent (10 twice), %d accepted, counted %d%n", STUDENTS + 10, accepted, tally.get("count").asInt());

        int noKey = post(http, bases[0] + "/api/sessions/" + code + "/state", null, "{\"step\": 1}").statusCode();
        int wrongKey = post(http, bases[0] + "/api/sessions/" + code + "/state", key + "x", "{\"step\": 1}").statusCode();
        int readNoKey = get(http, bases[0] + "/api/sessions/" + code + "/answers?checkpoint=0", null).statusCode();
        int readWrongKey = get(http, bases[0] + "/api/sessions/" + code + "/answers?checkpoint=0", "nope").statusCode();
        int unknown = get(http, bases[0] + "/api/sessions/ACDEFG/events", null).statusCode();
        System.out.printf(Locale.ROOT, "refusals: drive without key %d, wrong key %d; read answers without key %d, wrong key %d; unknown code %d%n",
                noKey, wrongKey, readNoKey, readWrongKey, unknown);
        for (SocketEvents s : students) s.close();

        return connected == STUDENTS && lost == 0 && disordered == 0 && p99 < 250 && lateStep == STEPS
                && tally.get("count").asInt() == STUDENTS && noKey == 403 && wrongKey == 403 && readNoKey == 403
                && readWrongKey == 403 && unknown == 404;
    }

    private static Process instance(int port, String redis) throws IOException {
        ProcessBuilder pb = new ProcessBuilder("java", "-Xmx512m", "-cp", System.getProperty("java.class.path"), "org.stepgrad.Main");
        pb.environment().put("PORT", String.valueOf(port));
        pb.environment().put("REDIS_URL", redis);
        pb.redirectErrorStream(true).redirectOutput(Files.createTempFile("stepgrad-live-" + port + "-", ".log").toFile());
        return pb.start();
    }

    private static Process nginx(int port, int[] upstream) throws IOException {
        Path dir = Files.createTempDirectory("stepgrad-nginx-");
        String conf = Files.readString(Path.of("bench/live-nginx.conf"))
                .replace("@PORT@", String.valueOf(port)).replace("@A@", String.valueOf(upstream[0]))
                .replace("@B@", String.valueOf(upstream[1])).replace("@DIR@", dir.toString());
        Files.writeString(dir.resolve("nginx.conf"), conf);
        return new ProcessBuilder("/usr/sbin/nginx", "-p", dir.toString(), "-c", dir.resolve("nginx.conf").toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("out.log").toFile()).start();
    }

    private static void awaitReady(HttpClient http, String base) throws InterruptedException {
        for (int i = 0; i < 1800; i++) {
            try {
                if (get(http, base + "/api/lessons", null).statusCode() == 200) return;
            } catch (RuntimeException notYet) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException(base + " did not become ready");
    }

    private static HttpResponse<String> post(HttpClient http, String url, String key, String body) {
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (key != null) r.header("Authorization", "Bearer " + key);
        return send(http, r);
    }

    private static HttpResponse<String> get(HttpClient http, String url, String key) {
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(url)).GET();
        if (key != null) r.header("Authorization", "Bearer " + key);
        return send(http, r);
    }

    private static HttpResponse<String> send(HttpClient http, HttpRequest.Builder r) {
        try {
            return http.send(r.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static double pct(List<Double> sorted, double p) {
        if (sorted.isEmpty()) return Double.NaN;
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1));
    }

    /** "used 41234K" of {@code jcmd <pid> GC.heap_info} after {@code GC.run}. */
    private static String heap(long pid) throws Exception {
        new ProcessBuilder("jcmd", String.valueOf(pid), "GC.run").redirectErrorStream(true).start().waitFor();
        Process p = new ProcessBuilder("jcmd", String.valueOf(pid), "GC.heap_info").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        Matcher m = Pattern.compile("total (\\d+)K, used (\\d+)K").matcher(out);
        return m.find() ? String.format(Locale.ROOT, "%.1f MB used of %.1f MB", Long.parseLong(m.group(2)) / 1024.0,
                Long.parseLong(m.group(1)) / 1024.0) : "unknown (" + out.strip() + ")";
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
