package org.stepgrad.web.json;

import org.stepgrad.replay.Narrator;
import org.stepgrad.replay.Replay;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import org.stepgrad.engine.Contribution;
import org.stepgrad.engine.Node;
import org.stepgrad.engine.Step;
import org.stepgrad.engine.Trace;

/**
 * Writes a trace as the JSON of the contract in DESIGN.md, streaming, so a 50,000-node graph
 * costs no intermediate tree. Each step's narration and each contribution's sentence are the
 * {@link Narrator}'s, the same words the {@link Replay} model shows on the page. The API asks
 * for the trace alone, so {@link #write(Trace, int[])} narrates as it writes instead of building
 * a whole Replay (its frames, marks and groups) first; a caller that has a Replay already reuses
 * its texts.
 */
public final class TraceJson {
    private TraceJson() {
    }

    /** Where a step's sentence and its contributions' sentences come from. */
    private interface Texts {
        String step(int index, Step step);

        String contribution(int index, Step step, int k);
    }

    /** The trace JSON in one pass over the trace, narrated as it is written. */
    public static byte[] write(Trace trace, int[] nodeLine) {
        Narrator narrator = new Narrator(trace);
        Texts texts = new Texts() {
            public String step(int index, Step step) {
                return narrator.step(step);
            }

            public String contribution(int index, Step step, int k) {
                return narrator.contribution(trace.node(step.node()), step.contributions().get(k));
            }
        };
        return Json.bytes(700 * trace.nodes().size(), json -> {
            json.writeStartObject();
            writeFields(json, trace, nodeLine, texts);
            json.writeEndObject();
        });
    }

    public static byte[] write(Replay replay, int[] nodeLine) {
        return Json.bytes(700 * replay.trace().nodes().size(), json -> {
            json.writeStartObject();
            writeFields(json, replay, nodeLine);
            json.writeEndObject();
        });
    }

    /** Writes the trace object's fields into an object the caller has opened. */
    public static void writeFields(JsonGenerator json, Replay replay, int[] nodeLine) throws IOException {
        writeFields(json, replay.trace(), nodeLine, new Texts() {
            public String step(int index, Step step) {
                return replay.frame(index + 1).text();
            }

            public String contribution(int index, Step step, int k) {
                return replay.frame(index + 1).sends().get(k);
            }
        });
    }

    private static void writeFields(JsonGenerator json, Trace trace, int[] nodeLine, Texts texts) throws IOException {
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
            if (nodeLine != null) json.writeNumberField("line", nodeLine[node.id()]);
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeNumberField("output", trace.output());
        json.writeNumberField("forwardSteps", trace.forwardSteps());
        json.writeArrayFieldStart("steps");
        for (int i = 0; i < trace.steps().size(); i++) {
            Step step = trace.steps().get(i);
            json.writeStartObject();
            json.writeStringField("phase", step.phase().id());
            json.writeNumberField("node", step.node());
            json.writeStringField("text", texts.step(i, step));
            if (!step.contributions().isEmpty()) {
                json.writeArrayFieldStart("contributions");
                for (int k = 0; k < step.contributions().size(); k++) {
                    Contribution c = step.contributions().get(k);
                    json.writeStartObject();
                    json.writeNumberField("input", c.input());
                    json.writeNumberField("local", c.local());
                    json.writeNumberField("upstream", c.upstream());
                    json.writeNumberField("product", c.product());
                    json.writeNumberField("gradBefore", c.gradBefore());
                    json.writeNumberField("gradAfter", c.gradAfter());
                    json.writeStringField("text", texts.contribution(i, step, k));
                    json.writeEndObject();
                }
                json.writeEndArray();
            }
            json.writeEndObject();
        }
        json.writeEndArray();
    }
}
