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
            for (int i = 0; i < 3; i++) assertArrayEquals(expected, TraceJson.write(traced.trace(), traced.nodeLine()));
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
