package org.stepgrad.web.json;

import org.stepgrad.replay.Replay;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import org.stepgrad.engine.Contribution;
import org.stepgrad.engine.Node;
import org.stepgrad.engine.Step;
import org.stepgrad.engine.Trace;

/**
 * Writes a trace as the JSON of the contract in DESIGN.md, streaming, so a 50,000-node graph
 * costs no intermediate tree. Each step's narration and each contribution's sentence come from
 * the one {@link Replay} model, so the API and the page say the same words.
 */
public final class TraceJson {
    private TraceJson() {
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
        Trace trace = replay.trace();
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
            Replay.Frame frame = replay.frame(i + 1);
            json.writeStartObject();
            json.writeStringField("phase", step.phase().id());
            json.writeNumberField("node", step.node());
            json.writeStringField("text", frame.text());
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
                    json.writeStringField("text", frame.sends().get(k));
                    json.writeEndObject();
                }
                json.writeEndArray();
            }
            json.writeEndObject();
        }
        json.writeEndArray();
    }
}
