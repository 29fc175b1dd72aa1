package org.stepgrad.live;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.stepgrad.web.App;
import org.stepgrad.web.Settings;
import org.stepgrad.web.live.LiveOptions;

/** One Stepgrad instance on a random port (in memory, or on a Redis), and the live API's calls through a real client. */
public final class LiveInstance implements AutoCloseable {
    public static final ObjectMapper JSON = new ObjectMapper();

    private final Javalin app;
    public final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).followRedirects(HttpClient.Redirect.NEVER).build();

    private LiveInstance(Javalin app) {
        this.app = app;
    }

    public static LiveInstance start(String redisUrl, Limits limits) {
        return new LiveInstance(App.create(Settings.defaults(), new LiveOptions(redisUrl, limits)).start("127.0.0.1", 0));
    }

    public static LiveInstance memory() {
        return start(null, Limits.defaults());
    }

    public String url(String path) {
        return "http://127.0.0.1:" + app.port() + path;
    }

    public HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new AssertionError("request failed: " + e, e);
        }
    }

    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(url(path))).GET());
    }

    public HttpResponse<String> get(String path, String key) {
        return send(HttpRequest.newBuilder(URI.create(url(path))).header("Authorization", "Bearer " + key).GET());
    }

    public HttpResponse<String> post(String path, String body) {
        return send(HttpRequest.newBuilder(URI.create(url(path))).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
    }

    public HttpResponse<String> post(String path, String key, String body) {
        return send(HttpRequest.newBuilder(URI.create(url(path))).header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + key)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
    }

    /** A new session on a lesson: {code, join, present, key}. */
    public JsonNode lesson(String id) {
        HttpResponse<String> r = post("/api/sessions", json(Map.of("lesson", id)));
        if (r.statusCode() != 201) throw new AssertionError("POST /api/sessions answered " + r.statusCode() + ": " + r.body());
        return parse(r.body());
    }

    public HttpResponse<String> step(String code, String key, int step) {
        return post("/api/sessions/" + code + "/state", key, "{\"step\": " + step + "}");
    }

    public HttpResponse<String> answer(String code, int checkpoint, String student, String answer) {
        return post("/api/sessions/" + code + "/answers",
                json(Map.of("checkpoint", checkpoint, "student", student, "answer", answer)));
    }

    public EventStream events(String code) {
        return EventStream.open(http, url("/api/sessions/" + code + "/events"));
    }

    public static JsonNode parse(String body) {
        try {
            return JSON.readTree(body);
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + body, e);
        }
    }

    public static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    public void stop() {
        app.stop();
    }

    @Override
    public void close() {
        stop();
    }
}
