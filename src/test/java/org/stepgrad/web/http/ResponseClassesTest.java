package org.stepgrad.web.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.stepgrad.support.TestServer;

/**
 * Every class of answer (page, JSON, asset, the app's errors, Jetty's own errors) through a real
 * client on a real port: HEAD is GET without the body, If-None-Match gives 304, each encoding
 * has its own tag, errors are never cached, and every answer carries the security headers.
 */
class ResponseClassesTest {
    static final TestServer server = TestServer.start();
    static final int PORT = URI.create(server.url("/")).getPort();

    @AfterAll
    static void stop() {
        server.stop();
    }

    static String asset(String name) {
        Matcher m = Pattern.compile("/static/[0-9a-f]{12}/" + Pattern.quote(name))
                .matcher(server.get("/").body() + server.get("/lessons/chain-rule").body());
        assertTrue(m.find(), "the index or a lesson links " + name);
        return m.group();
    }

    static HttpResponse<byte[]> send(HttpRequest.Builder request) throws Exception {
        return server.http().send(request.timeout(java.time.Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    static HttpRequest.Builder at(String path) {
        return HttpRequest.newBuilder(URI.create(server.url(path)));
    }

    static void assertSecurityHeaders(java.util.function.Function<String, String> header, String what) {
        assertTrue(header.apply("Content-Security-Policy") != null && header.apply("Content-Security-Policy").contains("script-src 'self'"), what);
        assertEquals("nosniff", header.apply("X-Content-Type-Options"), what);
        assertEquals("SAMEORIGIN", header.apply("X-Frame-Options"), what);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/lessons/chain-rule?step=3", "/api/lessons", "/api/lessons/chain-rule/trace", "/nothing-here",
            "/api/nothing", "/lessons/no-such-lesson", "/oembed?url=nope", "/health"})
    void head_is_get_without_the_body(String path) throws Exception {
        HttpResponse<byte[]> get = send(at(path).GET());
        HttpResponse<byte[]> head = send(at(path).method("HEAD", HttpRequest.BodyPublishers.noBody()));
        assertEquals(get.statusCode(), head.statusCode(), path);
        assertEquals(get.headers().firstValue("Content-Type"), head.headers().firstValue("Content-Type"), path);
        assertEquals(get.headers().firstValue("ETag"), head.headers().firstValue("ETag"), path);
        assertEquals(get.headers().firstValue("Cache-Control"), head.headers().firstValue("Cache-Control"), path);
        assertEquals(String.valueOf(get.body().length), head.headers().firstValue("Content-Length").orElse("none"), path);
        assertEquals(0, head.body().length, path);
    }

    @Test
    void head_of_an_asset_and_of_a_jetty_error_match_their_get() throws Exception {
        String css = asset("stepgrad.css");
        Raw get = Raw.send(PORT, "GET " + css + " HTTP/1.1\r\nHost: x");
        Raw head = Raw.send(PORT, "HEAD " + css + " HTTP/1.1\r\nHost: x");
        assertEquals(200, head.status);
        assertEquals(get.header("ETag"), head.header("ETag"));
        assertEquals(String.valueOf(get.body.length), head.header("Content-Length"));
        assertEquals(0, head.body.length, "no body follows a HEAD answer on the wire");
        Raw badGet = Raw.send(PORT, "GET /%ff HTTP/1.1\r\nHost: x");
        Raw badHead = Raw.send(PORT, "HEAD /%ff HTTP/1.1\r\nHost: x");
        assertEquals(badGet.status, badHead.status);
        assertEquals(badGet.header("Content-Type"), badHead.header("Content-Type"));
        assertEquals(0, badHead.body.length);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/lessons/chain-rule", "/api/lessons/chain-rule", "/oembed?url=http%3A%2F%2F127.0.0.1%3APORT%2Flessons%2Floss"})
    void if_none_match_answers_304_for_the_tag_weakly_in_lists_and_for_star(String template) throws Exception {
        String path = template.replace("PORT", String.valueOf(PORT));
        HttpResponse<byte[]> first = send(at(path).GET());
        assertEquals(200, first.statusCode(), path);
        String etag = first.headers().firstValue("ETag").orElseThrow();
        assertTrue(etag.matches("\"[A-Za-z0-9_-]+\""), etag);
        for (String condition : new String[] {etag, "W/" + etag, "\"other\", " + etag, "W/\"other\",W/" + etag, "*"}) {
            HttpResponse<byte[]> again = send(at(path).header("If-None-Match", condition).GET());
            assertEquals(304, again.statusCode(), path + " with If-None-Match: " + condition);
            assertEquals(0, again.body().length);
            assertEquals(etag, again.headers().firstValue("ETag").orElse(null));
        }
        assertEquals(200, send(at(path).header("If-None-Match", "\"other\", W/\"else\"").GET()).statusCode());
    }

    @Test
    void the_gzip_body_has_its_own_tag_and_both_tags_revalidate() throws Exception {
        String path = "/api/lessons/chain-rule/trace";
        HttpResponse<byte[]> plain = send(at(path).GET());
        HttpResponse<byte[]> packed = send(at(path).header("Accept-Encoding", "gzip").GET());
        assertEquals("gzip", packed.headers().firstValue("Content-Encoding").orElse(null));
        String plainTag = plain.headers().firstValue("ETag").orElseThrow();
        String gzipTag = packed.headers().firstValue("ETag").orElseThrow();
        assertNotEquals(plainTag, gzipTag, "two byte sequences never share a strong ETag");
        assertEquals(plainTag.substring(0, plainTag.length() - 1) + "-gz\"", gzipTag);
        byte[] unpacked = new GZIPInputStream(new ByteArrayInputStream(packed.body())).readAllBytes();
        assertEquals(new String(plain.body(), "UTF-8"), new String(unpacked, "UTF-8"), "the same content in either encoding");
        assertEquals(304, send(at(path).header("Accept-Encoding", "gzip").header("If-None-Match", gzipTag).GET()).statusCode());
        assertEquals(304, send(at(path).header("If-None-Match", gzipTag).GET()).statusCode());
        assertEquals(200, send(at(path).header("Accept-Encoding", "gzip;q=0").GET()).headers().firstValue("Content-Encoding")
                .map(x -> 500).orElse(200), "q=0 refuses gzip");
    }

    @ParameterizedTest
    @ValueSource(strings = {"stepgrad.css", "stepper.js", "favicon.svg"})
    void fingerprinted_assets_are_immutable_with_a_charset_on_text(String name) throws Exception {
        HttpResponse<byte[]> r = send(at(asset(name)).GET());
        assertEquals(200, r.statusCode());
        assertEquals("public, max-age=31536000, immutable", r.headers().firstValue("Cache-Control").orElse(null));
        String type = r.headers().firstValue("Content-Type").orElse("");
        assertTrue(type.endsWith("charset=utf-8"), type);
        assertTrue(type.startsWith(name.endsWith(".css") ? "text/css" : name.endsWith(".js") ? "text/javascript" : "image/svg+xml"), type);
        String etag = r.headers().firstValue("ETag").orElseThrow();
        assertEquals(304, send(at(asset(name)).header("If-None-Match", etag).GET()).statusCode());
        assertEquals(404, send(at(asset(name).replace(name, "missing.js")).GET()).statusCode());
    }

    @Test
    void errors_are_never_cached_and_speak_json_to_the_api_and_html_to_browsers() throws Exception {
        HttpResponse<byte[]> api = send(at("/api/lessons/nope").GET());
        assertEquals(404, api.statusCode());
        assertEquals("no-store", api.headers().firstValue("Cache-Control").orElse(null));
        assertTrue(api.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        assertTrue(new String(api.body(), "UTF-8").startsWith("{\"error\":\"there is no lesson 'nope'"));
        HttpResponse<byte[]> page = send(at("/no/such/page").GET());
        assertEquals(404, page.statusCode());
        assertEquals("no-store", page.headers().firstValue("Cache-Control").orElse(null));
        assertEquals("text/html; charset=utf-8", page.headers().firstValue("Content-Type").orElse(null).replace(";charset", "; charset"));
        assertTrue(new String(page.body(), "UTF-8").contains("there is nothing at /no/such/page"));
        assertSecurityHeaders(h -> page.headers().firstValue(h).orElse(null), "404 page");
        HttpResponse<byte[]> method = send(at("/api/trace").GET());
        assertEquals(405, method.statusCode());
        assertEquals("no-store", method.headers().firstValue("Cache-Control").orElse(null));
        assertTrue(new String(method.body(), "UTF-8").contains("does not take GET"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/%ff", "/lessons/%00x", "/api/%ff", "/LONG"})
    void jettys_own_errors_are_the_apps_sentence_with_its_headers(String path) throws Exception {
        String sent = path.equals("/LONG") ? "/lessons/" + "a".repeat(70_000) : path;
        Raw r = Raw.send(PORT, "GET " + sent + " HTTP/1.1\r\nHost: x");
        assertTrue(r.status == 400 || r.status == 414 || r.status == 431, path + " answered " + r.status);
        assertEquals("no-store", r.header("Cache-Control"), path);
        assertSecurityHeaders(r::header, path);
        String text = r.text();
        assertFalse(text.contains("jetty") || text.contains("Jetty") || text.contains("<pre>") || text.contains("Caused by"), text);
        if (path.startsWith("/api/")) {
            assertEquals("application/json", r.header("Content-Type"), path);
            assertTrue(text.startsWith("{\"error\":\"the request could not be read"), text);
        } else {
            assertEquals("text/html; charset=utf-8", r.header("Content-Type"), path);
            assertTrue(text.contains("<p class=\"message\">the "), text);
        }
        assertEquals(String.valueOf(r.body.length), r.header("Content-Length"), path);
    }

    @Test
    void x_http_method_override_is_not_obeyed() throws Exception {
        HttpResponse<byte[]> get = send(at("/").header("X-HTTP-Method-Override", "DELETE").GET());
        assertEquals(200, get.statusCode(), "a GET stays a GET");
        HttpResponse<byte[]> post = send(at("/api/trace").header("X-HTTP-Method-Override", "GET")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"source\": \"x = 2\\ny = x * x\"}")));
        assertEquals(200, post.statusCode());
        assertTrue(new String(post.body(), "UTF-8").startsWith("{\"nodes\":"), "the POST was traced, not turned into a GET");
        HttpResponse<byte[]> lessons = send(at("/api/lessons").header("X-HTTP-Method-Override", "POST").GET());
        assertEquals(200, lessons.statusCode());
    }
}
