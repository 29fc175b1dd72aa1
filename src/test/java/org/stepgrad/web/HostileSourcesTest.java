package org.stepgrad.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.stepgrad.support.TestServer;

/**
 * Hostile programs and bodies: each is answered (not hung) with a 4xx JSON {"error": …}, with
 * line and column where the fault has a place, and the server answers a normal request after.
 */
class HostileSourcesTest {
    static final TestServer server = TestServer.start();
    private static final String NORMAL = JsonBody.source("x = -2\ny = 5\nz = -4\nq = x + y\nf = q * z\n");

    @AfterAll
    static void stop() {
        server.stop();
    }

    /** Posts a raw body and checks the refusal; returns the parsed error. */
    private static JsonNode refused(String body, int status, int line, int column) {
        return refused(request().POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .header("Content-Type", "application/json"), status, line, column);
    }

    private static JsonNode refused(HttpRequest.Builder request, int status, int line, int column) {
        // TestServer.send gives up after 30 s, so a hung request fails the test; how fast is the benchmark's business
        HttpResponse<String> response = server.send(request);
        assertEquals(status, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        JsonNode error = PublishedExamplesTest.read(response.body());
        assertTrue(error.get("error").isTextual() && !error.get("error").asText().isBlank());
        if (line > 0) {
            assertEquals(line, error.get("line").asInt(), "line; " + error);
            assertEquals(column, error.get("column").asInt(), "column; " + error);
        } else {
            assertFalse(error.has("line"), "a fault without a place has no line: " + error);
        }
        // read() is Jackson's strict parser, which refuses bare NaN or Infinity numbers; the sentence may name them
        // and the server is still there for the next learner
        HttpResponse<String> after = server.post("/api/trace", NORMAL);
        assertEquals(200, after.statusCode());
        return error;
    }

    private static JsonNode refusedSource(String source, int status, int line, int column) {
        return refused(JsonBody.source(source), status, line, column);
    }

    private static HttpRequest.Builder request() {
        return HttpRequest.newBuilder(URI.create(server.url("/api/trace")));
    }

    @Test
    void an_unclosed_parenthesis_is_a_400_at_the_end_of_the_line() {
        refusedSource("x = 1\ny = (x + 2", 400, 2, 11);
    }

    @Test
    void an_unknown_name_is_a_400_at_the_name() {
        refusedSource("x = 1\ny = x + zz", 400, 2, 9);
    }

    @Test
    void an_unknown_function_is_a_400_at_the_function() {
        refusedSource("x = 1\ny = sqrt(x)", 400, 2, 5);
    }

    @Test
    void nan_is_refused_as_an_unknown_name() {
        JsonNode e = refusedSource("x = NaN", 400, 1, 5);
        assertTrue(e.get("error").asText().contains("finite"), e.toString());
    }

    @Test
    void a_number_beyond_the_largest_double_is_a_422() {
        refusedSource("x = 1e999", 422, 1, 5);
    }

    @Test
    void log_of_a_negative_number_is_a_422_naming_the_line_and_node() {
        JsonNode e = refusedSource("x = -1\ny = log(x)", 422, 2, 5);
        assertTrue(e.get("error").asText().startsWith("in y:"), e.toString());
    }

    @Test
    void an_overflowing_exp_is_a_422() {
        refusedSource("x = 1000\ny = exp(x)", 422, 2, 5);
    }

    @Test
    void an_infinite_gradient_is_a_422() {
        refusedSource("x = 0\ny = x^0.5", 422, 2, 6);
    }

    @Test
    void twenty_thousand_nested_parentheses_are_a_413() {
        refusedSource("x = 1\ny = " + "(".repeat(20_000) + "x" + ")".repeat(20_000), 413, 2, 5 + 200); // the token inside the 200th parenthesis
    }

    @Test
    void fifty_thousand_unary_minuses_are_a_413() {
        refusedSource("x = 1\ny = " + "-".repeat(50_000) + "x", 413, 2, 5 + 199); // the 200th minus
    }

    @Test
    void a_two_hundred_thousand_term_sum_is_a_413() {
        // graph nodes count: x, then one per '+', so the 100,000th '+' is node 100,001
        JsonNode e = refusedSource("x = 1\ny = x" + " + x".repeat(199_999), 413, 2, 7 + 4 * 99_999);
        assertTrue(e.get("error").asText().contains("100,000 nodes"), e.toString());
    }

    @Test
    void a_two_megabyte_literal_is_a_413_without_a_place() {
        refusedSource("x = " + "7".repeat(2_000_000), 413, 0, 0);
    }

    @Test
    void a_body_that_is_not_json_is_a_400_with_its_place() {
        JsonNode e = refused("source = x + y", 400, 1, 1);
        assertTrue(e.get("error").asText().startsWith("the body is not JSON"), e.toString());
    }

    @Test
    void truncated_json_is_a_400() {
        refused("{\"source\": \"x = 1", 400, 1, 18);
    }

    @Test
    void an_empty_program_is_a_400_without_a_place() {
        refusedSource("", 400, 0, 0);
        refusedSource("   \n# nothing but a comment\n", 400, 0, 0);
    }

    @Test
    void an_empty_body_is_a_400() {
        refused("", 400, 0, 0);
    }

    @Test
    void a_body_over_the_request_limit_is_a_413() {
        refused("{\"source\": \"" + "1".repeat(9 << 20) + "\"}", 413, 0, 0);
    }

    @Test
    void json_that_is_not_an_object_with_a_source_string_is_a_400() {
        refused("[\"x = 1\"]", 400, 0, 0);
        refused("{\"program\": \"x = 1\"}", 400, 0, 0);
        refused("{\"source\": 42}", 400, 0, 0);
        refused("{\"source\": null}", 400, 0, 0);
        refused("\"x = 1\"", 400, 0, 0);
    }

    @Test
    void a_form_post_instead_of_json_is_a_415() {
        refused(request().header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("source=x+%3D+1")), 415, 0, 0);
    }

    @Test
    void control_characters_are_a_400_at_their_place() {
        JsonNode e = refusedSource("x = 1\ny = x\u0000 + 1", 400, 2, 6);
        assertTrue(e.get("error").asText().contains("U+0000"), e.toString());
        refusedSource("x = 1\u001b[2J", 400, 1, 6);
    }

    @Test
    void markup_in_a_program_comes_back_only_inside_json() {
        JsonNode e = refusedSource("x = 1\ny = <script>alert(1)</script>", 400, 2, 5);
        assertTrue(e.get("error").asText().contains("'<'"));
    }

    @Test
    void a_name_assigned_twice_is_a_400() {
        refusedSource("x = 1\nx = 2", 400, 2, 1);
    }

    @Test
    void a_number_longer_than_sixty_four_characters_is_a_413() {
        refusedSource("x = 1." + "5".repeat(80), 413, 1, 5);
    }
}
