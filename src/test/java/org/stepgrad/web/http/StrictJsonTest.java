package org.stepgrad.web.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.stepgrad.support.TestServer;

/** POST bodies are one JSON object, declared as JSON, each key once; refusals are our sentences. */
class StrictJsonTest {
    static final TestServer server = TestServer.start();
    static final ObjectMapper JSON = new ObjectMapper();

    @AfterAll
    static void stop() {
        server.stop();
    }

    static HttpResponse<String> post(String path, String contentType, String body) {
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(server.url(path)))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (contentType != null) r.header("Content-Type", contentType);
        return server.send(r);
    }

    static void assertOurSentence(HttpResponse<String> r) throws Exception {
        assertEquals("no-store", r.headers().firstValue("Cache-Control").orElse(null));
        JsonNode error = JSON.readTree(r.body()).get("error");
        assertTrue(error != null && error.isTextual(), r.body());
        String s = error.asText();
        for (String internal : new String[] {"Jackson", "jackson", "fasterxml", "token", "Unexpected character", "JsonParser",
                "StreamRead", "MismatchedInput", "[Source", "line: "}) {
            assertFalse(s.contains(internal), "the parser's words leaked: " + s);
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "/api/trace|application/x-www-form-urlencoded|source=x%3D1",
            "/api/trace|text/plain|{\"source\": \"x = 1\"}",
            "/api/trace||{\"source\": \"x = 1\"}",
            "/api/check|multipart/form-data; boundary=x|--x--",
            "/api/trace|application/jsonp|{\"source\": \"x = 1\"}"})
    void a_body_not_declared_as_json_is_415(String path, String type, String body) throws Exception {
        HttpResponse<String> r = post(path, type, body);
        assertEquals(415, r.statusCode(), r.body());
        assertOurSentence(r);
        assertTrue(r.body().contains("Content-Type: application/json"), r.body());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"source\": \"x = 1\", \"source\": \"y = 2\"}|the body names \\\"source\\\" twice|1",
            "{\"source\": \"x = 1\"} {\"source\": \"y = 2\"}|the body goes on after its one JSON object|1",
            "{\"source\": \"x = 1\"} trailing|the body is not JSON (it goes wrong at line 1, column 21)|1",
            "{\"source\": \"x = 1\"|the body ends before its JSON is complete|1",
            "{source: 1}|the body is not JSON (it goes wrong at line 1, column 2)|1",
            "[{\"source\": \"x = 1\"}]|the body must be one JSON object|0",
            "\"x = 1\"|the body must be one JSON object|0",
            "{\"source\": 5}|the body needs a \\\"source\\\" field holding the program as a string|0",
            "{\"program\": \"x = 1\"}|the body needs a \\\"source\\\" field|0",
            "''|the body is empty|0"})
    void a_body_that_is_not_exactly_one_object_is_400_with_our_sentence(String body, String start, int hasPlace) throws Exception {
        for (String path : new String[] {"/api/trace", "/api/check"}) {
            HttpResponse<String> r = post(path, "application/json; charset=utf-8", body);
            assertEquals(400, r.statusCode(), path + " " + r.body());
            assertOurSentence(r);
            JsonNode error = JSON.readTree(r.body());
            assertTrue(error.get("error").asText().startsWith(start.replace("\\\"", "\"")), error.toString());
            assertEquals(hasPlace == 1, error.has("line"), error.toString());
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"application/json", "application/json; charset=utf-8", "Application/JSON;charset=UTF-8"})
    void json_declared_in_any_spelling_is_traced(String type) {
        HttpResponse<String> r = post("/api/trace", type, "{\"source\": \"x = -2\\ny = 5\\nf = x * y\"}");
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.body().startsWith("{\"nodes\":"));
    }
}
