package org.stepgrad.web.json;

import org.stepgrad.replay.Narrator;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import org.stepgrad.engine.Contribution;
import org.stepgrad.engine.Node;
import org.stepgrad.engine.Step;
import org.stepgrad.engine.Trace;

/**
 * Writes a trace as the JSON of the contract in DESIGN.md, streaming, so a 50,000-node graph
 * costs no intermediate tree. Each step also carries its narration sentence, so the browser
 * only prints what it is given.
 */
public final class TraceJson {
    private TraceJson() {
    }

    public static byte[] write(Trace trace, int[] nodeLine) {
        return Json.bytes(700 * trace.nodes().size(), json -> {
            json.writeStartObject();
            writeFields(json, trace, nodeLine);
            json.writeEndObject();
        });
    }

    /** Writes the trace object's fields into an object the caller has opened. */
    public static void writeFields(JsonGenerator json, Trace trace, int[] nodeLine) throws IOException {
        Narrator narrator = new Narrator(trace);
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
        for (Step step : trace.steps()) {
            json.writeStartObject();
            json.writeStringField("phase", step.phase().id());
            json.writeNumberField("node", step.node());
            json.writeStringField("text", narrator.step(step));
            if (!step.contributions().isEmpty()) {
                Node node = trace.node(step.node());
                json.writeArrayFieldStart("contributions");
                for (Contribution c : step.contributions()) {
                    json.writeStartObject();
                    json.writeNumberField("input", c.input());
                    json.writeNumberField("local", c.local());
                    json.writeNumberField("upstream", c.upstream());
                    json.writeNumberField("product", c.product());
                    json.writeNumberField("gradBefore", c.gradBefore());
                    json.writeNumberField("gradAfter", c.gradAfter());
                    json.writeStringField("text", narrator.contribution(node, c));
                    json.writeEndObject();
                }
                json.writeEndArray();
            }
            json.writeEndObject();
        }
        json.writeEndArray();
    }
}
