package org.stepgrad.web.json;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.stepgrad.bench.PolyFitProgram;
import org.stepgrad.engine.Contribution;
import org.stepgrad.engine.Node;
import org.stepgrad.engine.Step;
import org.stepgrad.engine.Trace;
import org.stepgrad.expr.Tracer;
import org.stepgrad.replay.Narrator;
import org.stepgrad.replay.Replay;

/**
 * The trace JSON against Jackson's generator given the same trace and the Narrator's sentences,
 * one call after another: a large trace is written in two halves on two cores and joined, and the
 * join must leave no trace in the bytes (no missing or doubled comma, no step twice or lost).
 */
class TraceJsonTest {
    @Test
    void a_trace_written_in_two_halves_is_the_generators_json_byte_for_byte() {
        for (int points : new int[] {3, 200, 600}) {
            Tracer.Traced traced = Tracer.trace(PolyFitProgram.source(points));
            Trace trace = traced.trace();
            if (points == 600) assertTrue(Halves.split(trace) < trace.steps().size() || Runtime.getRuntime().availableProcessors() < 2,
                    "a 600-point fit is written in two halves where there are two cores");
            byte[] expected = generator(trace, traced.nodeLine());
            assertArrayEquals(expected, TraceJson.write(trace, traced.nodeLine()), points + " points, narrated as written");
            assertArrayEquals(expected, TraceJson.write(new Replay(trace, traced.nodeLine()), traced.nodeLine()),
                    points + " points, from the replay's texts");
        }
    }

    @Test
    void the_digest_is_of_the_bytes_or_of_the_two_halves_where_they_meet() throws Exception {
        Tracer.Traced small = Tracer.trace(PolyFitProgram.source(3));
        TraceJson.Written one = TraceJson.written(small.trace(), small.nodeLine());
        assertArrayEquals(sha(one.bytes(), 0, one.bytes().length), one.sha256(), "one writer: the SHA-256 of the body");

        Tracer.Traced large = Tracer.trace(PolyFitProgram.source(600));
        TraceJson.Written two = TraceJson.written(large.trace(), large.nodeLine());
        byte[] b = two.bytes();
        // the later half begins with the comma before step number split: find it in the bytes
        byte[] phase = "{\"phase\"".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        int split = Halves.split(large.trace());
        int at = -1;
        for (int seen = -1; seen < split; ) {
            at = indexOf(b, phase, at + 1);
            seen++;
        }
        java.security.MessageDigest both = java.security.MessageDigest.getInstance("SHA-256");
        both.update(sha(b, 0, at - 1));
        both.update(sha(b, at - 1, b.length - 2)); // the closing "]}" is not in either half
        assertArrayEquals(both.digest(), two.sha256(), "two writers: the SHA-256 of the halves' digests");
        assertTrue(b[at - 1] == ',' && b[b.length - 2] == ']' && b[b.length - 1] == '}');
    }

    private static byte[] sha(byte[] b, int from, int to) throws Exception {
        java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
        sha.update(b, from, to - from);
        return sha.digest();
    }

    private static int indexOf(byte[] b, byte[] what, int from) {
        outer:
        for (int i = from; i <= b.length - what.length; i++) {
            for (int j = 0; j < what.length; j++) if (b[i + j] != what[j]) continue outer;
            return i;
        }
        throw new AssertionError("not found");
    }

    @Test
    void a_half_that_no_helper_started_is_written_by_the_thread_that_asked() throws Exception {
        Tracer.Traced traced = Tracer.trace(PolyFitProgram.source(600));
        byte[] expected = generator(traced.trace(), traced.nodeLine());
        // occupy every helper, so each write must take its second half back
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        java.util.List<java.util.concurrent.FutureTask<Object>> blockers = new java.util.ArrayList<>();
        for (int i = 1; i < Runtime.getRuntime().availableProcessors(); i++) {
            blockers.add(Halves.start(() -> {
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return null;
            }));
        }
        try {
            byte[] digest = TraceJson.written(traced.trace(), traced.nodeLine()).sha256();
            for (int i = 0; i < 3; i++) {
                TraceJson.Written written = TraceJson.written(traced.trace(), traced.nodeLine());
                assertArrayEquals(expected, written.bytes());
                assertArrayEquals(digest, written.sha256(), "the same tag whichever thread wrote the half");
            }
        } finally {
            release.countDown();
        }
        for (var blocker : blockers) blocker.get();
    }

    /** The same document through Jackson's generator, with the same names in the same order. */
    private static byte[] generator(Trace trace, int[] nodeLine) {
        Narrator narrator = new Narrator(trace);
        return Json.bytes(json -> {
            json.writeStartObject();
            json.writeArrayFieldStart("nodes");
            for (Node node : trace.nodes()) {
                json.writeStartObject();
                json.writeNumberField("id", node.id());
                json.writeStringField("name", node.name());
                json.writeStringField("label", node.label());
                json.writeStringField("op", node.op().id());
                json.writeArrayFieldStart("inputs");
                for (int input : node.inputs()) json.writeNumber(input);
                json.writeEndArray();
                json.writeNumberField("value", node.value());
                json.writeNumberField("grad", node.grad());
                json.writeNumberField("line", nodeLine[node.id()]);
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeNumberField("output", trace.output());
            json.writeNumberField("forwardSteps", trace.forwardSteps());
            json.writeArrayFieldStart("steps");
            for (Step step : trace.steps()) {
                json.writeStartObject();
                json.writeStringField("phase", step.phase().id());
                json.writeNumberField("node", step.node());
                json.writeStringField("text", narrator.step(step));
                if (!step.contributions().isEmpty()) {
                    json.writeArrayFieldStart("contributions");
                    for (Contribution c : step.contributions()) {
                        json.writeStartObject();
                        json.writeNumberField("input", c.input());
                        json.writeNumberField("local", c.local());
                        json.writeNumberField("upstream", c.upstream());
                        json.writeNumberField("product", c.product());
                        json.writeNumberField("gradBefore", c.gradBefore());
                        json.writeNumberField("gradAfter", c.gradAfter());
                        json.writeStringField("text", narrator.contribution(trace.node(step.node()), c));
                        json.writeEndObject();
                    }
                    json.writeEndArray();
                }
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        });
    }
}
