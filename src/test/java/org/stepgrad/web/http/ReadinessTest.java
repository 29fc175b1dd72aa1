package org.stepgrad.web.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.stepgrad.web.App;
import org.stepgrad.web.Settings;
import org.stepgrad.web.Warmup;

/** /ready is 503 until every lesson has been rendered once through the app; /health is 200 throughout. */
class ReadinessTest {
    @Test
    void ready_turns_200_only_after_the_warm_up_has_rendered_every_lesson() throws Exception {
        Readiness readiness = Readiness.warming();
        Javalin app = App.create(Settings.defaults(), readiness).start("127.0.0.1", 0);
        try {
            HttpClient http = HttpClient.newHttpClient();
            String base = "http://127.0.0.1:" + app.port();
            HttpResponse<String> before = get(http, base + "/ready");
            assertEquals(503, before.statusCode());
            assertEquals("no-store", before.headers().firstValue("Cache-Control").orElse(null));
            assertTrue(before.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
            assertTrue(before.body().startsWith("{\"status\":\"warming\""), before.body());
            assertTrue(before.headers().firstValue("Retry-After").isPresent());
            HttpResponse<String> health = get(http, base + "/health");
            assertEquals(200, health.statusCode());
            assertEquals("{\"status\":\"serving\"}", health.body());
            assertEquals("no-store", health.headers().firstValue("Cache-Control").orElse(null));

            Warmup.warm(base, readiness); // what Main starts in the background

            HttpResponse<String> after = get(http, base + "/ready");
            assertEquals(200, after.statusCode());
            assertEquals("{\"status\":\"ready\"}", after.body());
            assertEquals("no-store", after.headers().firstValue("Cache-Control").orElse(null));
        } finally {
            app.stop();
        }
    }

    private static HttpResponse<String> get(HttpClient http, String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
