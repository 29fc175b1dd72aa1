package org.stepgrad.support;

import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.stepgrad.web.App;
import org.stepgrad.web.Settings;

/**
 * The real app on a random free port, answered through a real HTTP client.
 * Use one per test class: {@code static TestServer server = TestServer.start();} and
 * {@code server.stop()} in {@code @AfterAll}.
 */
public final class TestServer implements AutoCloseable {
    private final Javalin app;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private TestServer(Javalin app) {
        this.app = app;
    }

    public static TestServer start() {
        return start(Settings.defaults());
    }

    public static TestServer start(Settings settings) {
        return new TestServer(App.create(settings).start("127.0.0.1", 0));
    }

    public String url(String path) {
        return "http://127.0.0.1:" + app.port() + path;
    }

    /** The client itself, for requests that need other body handlers. */
    public HttpClient http() {
        return http;
    }

    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(url(path))).GET());
    }

    public HttpResponse<String> post(String path, String body) {
        return send(HttpRequest.newBuilder(URI.create(url(path)))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
    }

    /** Sends with a 30 s timeout, so a hung request fails the test instead of hanging it. */
    public HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new AssertionError("request failed: " + e, e);
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
