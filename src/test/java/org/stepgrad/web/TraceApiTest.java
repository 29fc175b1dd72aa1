package org.stepgrad.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.stepgrad.expr.RandomProgram;
import org.stepgrad.support.TestServer;

/** POST /api/trace over real HTTP: the contract of DESIGN.md, caching and security headers. */
class TraceApiTest {
    static final TestServer server = TestServer.start();
    private static final String CIRCUIT = JsonBody.source("x = -2\ny = 5\nz = -4\nq = x + y\nf = q * z\n");

    @AfterAll
    static void stop() {
        server.stop();
    }

    @Test
    void posting_a_program_returns_its_trace() {
        HttpResponse<String> response = server.post("/api/trace", CIRCUIT);
        assertEquals(200, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        JsonNode trace = PublishedExamplesTest.read(response.body());
        JsonNode x = trace.get("nodes").get(0);
        assertEquals(0, x.get("id").asInt());
        assertEquals("x", x.get("name").asText());
        assertEquals("x", x.get("label").asText());
        assertEquals("input", x.get("op").asText());
        assertEquals(0, x.get("inputs").size());
        assertEquals(-2.0, x.get("value").asDouble());
        assertEquals(-4.0, x.get("grad").asDouble());
        assertEquals(4, trace.get("output").asInt());
        // q and f forward, then f and q backward
        JsonNode steps = trace.get("steps");
        assertEquals(4, steps.size());
        assertEquals("forward", steps.get(0).get("phase").asText());
        assertEquals(3, steps.get(0).get("node").asInt());
        assertEquals("backward", steps.get(2).get("phase").asText());
        assertEquals(4, steps.get(2).get("node").asInt());
        // grad x += grad q · ∂q/∂x = -4 · 1
        JsonNode intoX = steps.get(3).get("contributions").get(0);
        assertEquals(0, intoX.get("input").asInt());
        assertEquals(1.0, intoX.get("local").asDouble());
        assertEquals(-4.0, intoX.get("upstream").asDouble());
        assertEquals(-4.0, intoX.get("product").asDouble());
        assertEquals(-4.0, intoX.get("gradAfter").asDouble());
        TraceRecomputation.assertSelfConsistent(trace);
    }

    @Test
    void a_client_holding_the_trace_gets_304_for_its_etag() {
        HttpResponse<String> first = server.post("/api/trace", CIRCUIT);
        String etag = first.headers().firstValue("ETag").orElseThrow();
        HttpResponse<String> again = server.send(HttpRequest.newBuilder(URI.create(server.url("/api/trace")))
                .header("Content-Type", "application/json").header("If-None-Match", etag)
                .POST(HttpRequest.BodyPublishers.ofString(CIRCUIT)));
        assertEquals(304, again.statusCode());
        assertEquals("", again.body());
        // another program has another tag, and a stale tag gets the full answer
        HttpResponse<String> other = server.post("/api/trace", JsonBody.source("a = 3\nf = a*a + a\n"));
        assertFalse(etag.equals(other.headers().firstValue("ETag").orElseThrow()));
        HttpResponse<String> stale = server.send(HttpRequest.newBuilder(URI.create(server.url("/api/trace")))
                .header("Content-Type", "application/json").header("If-None-Match", "\"stale\"")
                .POST(HttpRequest.BodyPublishers.ofString(CIRCUIT)));
        assertEquals(200, stale.statusCode());
        assertEquals(first.body(), stale.body());
    }

    @Test
    void every_api_answer_carries_the_security_headers() {
        for (HttpResponse<String> r : new HttpResponse[] {
            server.post("/api/trace", CIRCUIT), server.post("/api/trace", "not json"), server.get("/api/lessons")}) {
            String csp = r.headers().firstValue("Content-Security-Policy").orElse("");
            assertTrue(csp.contains("script-src 'self'") && csp.contains("frame-ancestors 'self'"), csp);
            assertEquals("nosniff", r.headers().firstValue("X-Content-Type-Options").orElse(""));
            assertTrue(r.headers().firstValue("Referrer-Policy").isPresent());
        }
    }

    @Test
    void errors_never_come_back_as_html() {
        HttpResponse<String> wrongMethod = server.get("/api/trace");
        HttpResponse<String> nowhere = server.get("/api/nowhere%3Cscript%3E");
        for (HttpResponse<String> r : new HttpResponse[] {wrongMethod, nowhere}) {
            assertTrue(r.statusCode() >= 400 && r.statusCode() < 500, r.statusCode() + " " + r.body());
            assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"), r.body());
            assertTrue(PublishedExamplesTest.read(r.body()).get("error").isTextual());
            assertFalse(r.body().contains("<script>") || r.body().toLowerCase().contains("<html"), r.body());
        }
    }

    @Test
    void the_lesson_list_is_a_json_array() {
        HttpResponse<String> r = server.get("/api/lessons");
        assertEquals(200, r.statusCode());
        assertTrue(PublishedExamplesTest.read(r.body()).isArray());
    }

    @Test
    void random_programs_over_http_match_the_dual_number_reference() {
        // a slice of the 300 checked in-process by RandomProgramTest, here through HTTP and JSON
        for (long seed = 1; seed <= 40; seed++) {
            RandomProgram p = RandomProgram.of(seed);
            HttpResponse<String> r = server.post("/api/trace", JsonBody.source(p.source()));
            assertEquals(200, r.statusCode(), r.body());
            assertFalse(r.body().matches("(?s).*[:\\[,](-?Infinity|NaN)[,\\]}].*"), "a non-finite number in the JSON");
            JsonNode trace = PublishedExamplesTest.read(r.body());
            Map<String, JsonNode> named = new HashMap<>();
            for (JsonNode n : trace.get("nodes")) if (!n.get("name").isNull()) named.put(n.get("name").asText(), n);
            for (int line = 0; line < p.names().size(); line++) {
                JsonNode n = named.get(p.names().get(line));
                String where = "seed " + seed + ", " + p.names().get(line);
                RandomProgram.assertRelative(p.value(line), n.get("value").asDouble(), "value of " + where);
                RandomProgram.assertRelative(p.grad(line), n.get("grad").asDouble(), "grad of " + where);
            }
            TraceRecomputation.assertSelfConsistent(trace);
        }
    }

    @Test
    void twenty_thousand_nodes_come_back_over_http() {
        HttpResponse<String> r = server.post("/api/trace", JsonBody.source(org.stepgrad.bench.PolyFitProgram.source(900)));
        assertEquals(200, r.statusCode());
        JsonNode trace = PublishedExamplesTest.read(r.body());
        assertTrue(trace.get("nodes").size() >= 20_000);
        TraceRecomputation.assertSelfConsistent(trace);
    }

    @Test
    void a_trace_carries_its_length_or_is_compressed_for_clients_that_ask() throws Exception {
        String body = JsonBody.source(PlaygroundPageTest.CIRCUIT.replace("f = q * z", "g = q * z\nf = g * g + tanh(g)"));
        HttpResponse<byte[]> plain = server.http().send(HttpRequest.newBuilder(URI.create(server.url("/api/trace")))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(String.valueOf(plain.body().length), plain.headers().firstValue("Content-Length").orElse("none"),
                "a client that takes no compression gets the exact length, not chunks");
        HttpResponse<byte[]> gzip = server.http().send(HttpRequest.newBuilder(URI.create(server.url("/api/trace")))
                .header("Content-Type", "application/json").header("Accept-Encoding", "gzip")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals("gzip", gzip.headers().firstValue("Content-Encoding").orElse("none"));
        byte[] unpacked = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(gzip.body())).readAllBytes();
        assertTrue(java.util.Arrays.equals(plain.body(), unpacked), "the compressed answer holds the same bytes");
    }

    @Test
    void checking_a_program_answers_ok_or_the_fault_with_its_line_and_caret() throws Exception {
        HttpResponse<String> good = server.post("/api/check", JsonBody.source("x = 2\ny = x * x"));
        assertEquals(200, good.statusCode());
        JsonNode ok = PublishedExamplesTest.read(good.body());
        assertTrue(ok.get("ok").asBoolean());
        assertEquals(2, ok.get("nodes").asInt(), "x and x * x");

        HttpResponse<String> bad = server.post("/api/check", JsonBody.source("x = 2\ny = (x + 1"));
        assertEquals(200, bad.statusCode(), "the check succeeded; its answer is that the program has a fault");
        JsonNode fault = PublishedExamplesTest.read(bad.body());
        assertFalse(fault.get("ok").asBoolean());
        assertEquals("Line 2, column 11", fault.get("place").asText());
        assertEquals("y = (x + 1", fault.get("line").asText());
        assertEquals("          ^", fault.get("caret").asText());
        assertEquals("expected ')' after expression, but found the end of the line", fault.get("message").asText());

        assertEquals(400, server.post("/api/check", "not json").statusCode());
    }
}
