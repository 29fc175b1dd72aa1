package org.stepgrad.web.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.stepgrad.support.TestServer;
import org.stepgrad.web.Settings;

/** oEmbed answers only for this server's own origin: PUBLIC_URL, or else the request's own. */
class ForeignOriginTest {
    static final TestServer published = TestServer.start(new Settings(null, "https://stepgrad.example/"));
    static final TestServer plain = TestServer.start();
    static final ObjectMapper JSON = new ObjectMapper();

    @AfterAll
    static void stop() {
        published.stop();
        plain.stop();
    }

    static HttpResponse<String> oembed(TestServer server, String url) {
        return server.get("/oembed?url=" + URLEncoder.encode(url, StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "http://user:pass@evil.example/lessons/chain-rule|400|the url carries a user name or password",
            "https://user@stepgrad.example/lessons/chain-rule|400|the url carries a user name or password",
            "https://evil.example/lessons/chain-rule|404|only links to this server (https://stepgrad.example) can be embedded",
            "https://stepgrad.example.evil.example/lessons/chain-rule|404|only links to this server",
            "https://stepgrad.example:8443/lessons/chain-rule|404|only links to this server",
            "http://stepgrad.example/lessons/chain-rule|404|only links to this server",
            "ftp://stepgrad.example/lessons/chain-rule|400|the url must be an http or https link",
            "javascript:alert(1)|400|the url must be an http or https link",
            "//stepgrad.example/lessons/chain-rule|400|the url must be an http or https link"})
    void links_to_other_origins_are_refused_with_a_sentence(String url, int status, String start) throws Exception {
        HttpResponse<String> r = oembed(published, url);
        assertEquals(status, r.statusCode(), r.body());
        assertTrue(JSON.readTree(r.body()).get("error").asText().startsWith(start), r.body());
        assertEquals("no-store", r.headers().firstValue("Cache-Control").orElse(null));
        assertTrue(!r.body().contains("iframe"), r.body());
    }

    @Test
    void links_to_the_public_origin_embed_from_it_in_any_case_and_with_its_default_port() throws Exception {
        for (String url : new String[] {"https://stepgrad.example/lessons/chain-rule?step=2", "https://STEPGRAD.example:443/lessons/chain-rule?step=2"}) {
            HttpResponse<String> r = oembed(published, url);
            assertEquals(200, r.statusCode(), r.body());
            assertTrue(JSON.readTree(r.body()).get("html").asText().startsWith("<iframe src=\"https://stepgrad.example/embed/chain-rule?step=2\""), r.body());
        }
    }

    @Test
    void without_public_url_the_requests_own_origin_is_the_one() throws Exception {
        URI own = URI.create(plain.url("/"));
        HttpResponse<String> r = oembed(plain, "http://127.0.0.1:" + own.getPort() + "/lessons/loss");
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(JSON.readTree(r.body()).get("html").asText().startsWith("<iframe src=\"http://127.0.0.1:" + own.getPort() + "/embed/loss\""));
        assertEquals(404, oembed(plain, "http://127.0.0.1:" + (own.getPort() + 1) + "/lessons/loss").statusCode(), "another port");
        assertEquals(404, oembed(plain, "http://localhost.evil.example:" + own.getPort() + "/lessons/loss").statusCode());
    }
}
