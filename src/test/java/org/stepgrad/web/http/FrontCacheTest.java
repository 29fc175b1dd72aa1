package org.stepgrad.web.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stepgrad.support.TestServer;
import org.stepgrad.web.Settings;

/**
 * A page sent again from the front ({@link FrontCache}) is the app's own answer: the same status,
 * headers and bytes, for every method, encoding and condition a browser sends; a different Host
 * gets its own page; and a lesson edited in LESSONS_DIR is never answered from the old page.
 */
class FrontCacheTest {
    static final TestServer server = TestServer.start();
    static final int PORT = URI.create(server.url("/")).getPort();
    /** A new query for each try, so its first answer comes from the app and its second from the front. */
    static final AtomicInteger fresh = new AtomicInteger(1000);

    @AfterAll
    static void stop() {
        server.stop();
    }

    static String asset() {
        Matcher m = Pattern.compile("/static/[0-9a-f]{12}/stepgrad\\.css").matcher(server.get("/").body());
        assertTrue(m.find(), "the index links the style sheet");
        return m.group();
    }

    /** Everything a client sees but the date, which differs between any two answers. */
    static Map<String, String> seen(Raw r) {
        Map<String, String> headers = new TreeMap<>(r.headers);
        headers.remove("date");
        headers.put(":status", Integer.toString(r.status));
        return headers;
    }

    @Test
    void the_front_answers_as_the_app_did() throws Exception {
        List<String> pages = List.of("/lessons/loss?step=", "/embed/chain-rule?step=", "/?n=", asset() + "?n=");
        List<String> asks = List.of("", "\r\nAccept-Encoding: gzip", "\r\nIf-None-Match: *", "\r\nAccept-Encoding: gzip;q=0",
                "\r\nX-HTTP-Method-Override: DELETE");
        List<String> checked = new ArrayList<>();
        for (String page : pages) {
            for (String method : List.of("GET", "HEAD")) {
                for (String ask : asks) {
                    String request = method + " " + page + fresh.incrementAndGet() + " HTTP/1.1\r\nHost: x" + ask;
                    Raw app = Raw.send(PORT, request);
                    Raw front = Raw.send(PORT, request);
                    assertEquals(seen(app), seen(front), request);
                    assertArrayEquals(app.body, front.body, request);
                    checked.add(app.status + " " + request.replace("\r\n", " | "));
                }
            }
        }
        assertTrue(checked.stream().filter(c -> c.startsWith("200 GET")).count() >= 12, String.join("\n", checked));
        assertTrue(checked.stream().filter(c -> c.startsWith("304 ")).count() == 8, String.join("\n", checked));
    }

    @Test
    void a_kept_page_answers_its_own_tags_with_304() throws Exception {
        String page = "/lessons/chain-rule?step=" + fresh.incrementAndGet();
        Raw plain = Raw.send(PORT, "GET " + page + " HTTP/1.1\r\nHost: x");
        Raw gzip = Raw.send(PORT, "GET " + page + " HTTP/1.1\r\nHost: x\r\nAccept-Encoding: gzip");
        assertEquals(200, plain.status);
        assertEquals("gzip", gzip.header("Content-Encoding"));
        for (String tag : List.of(plain.header("ETag"), gzip.header("ETag"), "W/" + plain.header("ETag"))) {
            Raw again = Raw.send(PORT, "GET " + page + " HTTP/1.1\r\nHost: x\r\nIf-None-Match: " + tag);
            assertEquals(304, again.status, tag);
            assertEquals(0, again.body.length, tag);
        }
        Raw other = Raw.send(PORT, "GET " + page + " HTTP/1.1\r\nHost: x\r\nIf-None-Match: \"someone-elses\"");
        assertEquals(200, other.status);
        assertArrayEquals(plain.body, other.body);
    }

    @Test
    void each_host_gets_the_page_written_for_it() throws Exception {
        String page = "/lessons/loss?step=" + fresh.incrementAndGet();
        for (int round = 0; round < 2; round++) { // the second round comes from the front
            for (String host : List.of("one.example", "two.example:8080")) {
                String body = Raw.send(PORT, "GET " + page + " HTTP/1.1\r\nHost: " + host).text();
                assertTrue(body.contains("http://" + host + "/oembed"), host + " gets its own discovery link");
                assertFalse(body.contains(host.startsWith("one") ? "two.example" : "one.example"), host + " gets no other host's links");
            }
        }
    }

    @Test
    void an_edited_lesson_is_never_answered_from_its_old_page(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("tiny.yaml");
        Files.writeString(file, lesson("The first title"));
        try (TestServer own = TestServer.start(new Settings(dir))) {
            int port = URI.create(own.url("/")).getPort();
            String request = "GET /lessons/tiny?step=1 HTTP/1.1\r\nHost: x";
            assertTrue(Raw.send(port, request).text().contains("The first title"));
            assertTrue(Raw.send(port, request).text().contains("The first title"), "the kept page");
            Files.writeString(file, lesson("The second title"));
            String body = "";
            for (long end = System.nanoTime() + 20_000_000_000L; System.nanoTime() < end; Thread.sleep(100)) {
                body = Raw.send(port, request).text();
                if (body.contains("The second title")) break;
            }
            assertTrue(body.contains("The second title"), "the page after the edit:\n" + body);
            assertFalse(body.contains("The first title"));
        }
    }

    static String lesson(String title) {
        return "title: " + title + "\nsummary: A lesson to edit.\norder: 1\nintro: |\n  Words.\nprogram: |\n  a = 2\n  b = a * 3\n";
    }
}
