package org.stepgrad.web.json;

import org.stepgrad.replay.ClusterWalk;
import org.stepgrad.replay.Clusters;
import org.stepgrad.replay.Replay;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import org.stepgrad.engine.Node;
import org.stepgrad.engine.Step;

/**
 * The replay the stepper paints from: every text the page shows, keyed by node, edge and step.
 * The browser looks texts up by step index; it formats, computes and lays out nothing.
 *
 * <pre>
 * {"stepCount": 6, "forwardSteps": 2, "start": "The inputs are set: …",
 *  "nodes": [{"id": 3, "in": [0, 1], "value": "= 3", "valueStep": 1, "formula": "q = x + y = -2 + 5 = 3",
 *             "grads": [{"step": 4, "text": "grad -4", "acc": null, "sign": "neg"}]}],
 *  "steps": [{"phase": "backward", "node": 4, "headline": "Step 3 of 4 · backward pass", "text": "…",
 *             "sends": [{"edge": 2, "node": 3, "label": "+= 1·(-4)", "text": "∂f/∂q += …"}]}]}
 * </pre>
 * A graph with clusters adds (indexed by cluster id, and by page step 0 … stepCount):
 * <pre>
 * "clusters": [{"id": 0, "label": "point 1", "nodes": [6, 7, …], "summaries": [{"step": 0, "text": "21 nodes"}, {"step": 15, "text": "r_1 = -1.3"}, …]}],
 * "walk": {"cluster": [-1, 0, 0, …], "focus": [0, 0, …], "next": [1, 20, …], "prev": [0, 0, …]}
 * </pre>
 */
public final class ReplayJson {
    private ReplayJson() {
    }

    public static byte[] write(Replay replay) {
        return Json.bytes(200 * replay.trace().nodes().size(), json -> {
            json.writeStartObject();
            json.writeNumberField("stepCount", replay.stepCount());
            json.writeNumberField("forwardSteps", replay.forwardSteps());
            json.writeStringField("headline", replay.headline(0));
            json.writeStringField("start", replay.narration(0));
            nodes(json, replay);
            steps(json, replay);
            if (!replay.clusters().isEmpty()) clusters(json, replay);
            json.writeEndObject();
        });
    }

    private static void nodes(JsonGenerator json, Replay replay) throws IOException {
        json.writeArrayFieldStart("nodes");
        for (Node node : replay.trace().nodes()) {
            int id = node.id();
            json.writeStartObject();
            json.writeNumberField("id", id);
            json.writeArrayFieldStart("in");
            for (int k = 0; k < node.inputs().size(); k++) json.writeNumber(replay.edge(id, k));
            json.writeEndArray();
            json.writeStringField("value", replay.valueText(id));
            json.writeNumberField("valueStep", replay.valueStep(id));
            json.writeStringField("formula", replay.formula(id));
            json.writeArrayFieldStart("grads");
            for (Replay.GradEvent e : replay.gradEvents(id)) {
                json.writeStartObject();
                json.writeNumberField("step", e.step());
                json.writeStringField("text", e.text());
                json.writeStringField("acc", e.accText());
                json.writeStringField("sign", e.sign());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        }
        json.writeEndArray();
    }

    private static void clusters(JsonGenerator json, Replay replay) throws IOException {
        Clusters groups = replay.clusters();
        ClusterWalk walk = replay.walk();
        json.writeArrayFieldStart("clusters");
        for (Clusters.Cluster c : groups.all()) {
            json.writeStartObject();
            json.writeNumberField("id", c.id());
            json.writeStringField("label", c.label());
            json.writeArrayFieldStart("nodes");
            for (Node node : replay.trace().nodes()) if (groups.of(node.id()) == c.id()) json.writeNumber(node.id());
            json.writeEndArray();
            json.writeArrayFieldStart("summaries");
            for (ClusterWalk.Summary e : walk.summaries(c.id())) {
                json.writeStartObject();
                json.writeNumberField("step", e.step());
                json.writeStringField("text", e.text());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        }
        json.writeEndArray();
        int count = replay.stepCount();
        json.writeObjectFieldStart("walk");
        json.writeArrayFieldStart("cluster");
        for (int s = 0; s <= count; s++) json.writeNumber(walk.cluster(s));
        json.writeEndArray();
        json.writeArrayFieldStart("focus");
        for (int s = 0; s <= count; s++) json.writeNumber(walk.focus(s));
        json.writeEndArray();
        json.writeArrayFieldStart("next");
        for (int s = 0; s <= count; s++) json.writeNumber(walk.next(s));
        json.writeEndArray();
        json.writeArrayFieldStart("prev");
        for (int s = 0; s <= count; s++) json.writeNumber(walk.prev(s));
        json.writeEndArray();
        json.writeEndObject();
    }

    private static void steps(JsonGenerator json, Replay replay) throws IOException {
        json.writeArrayFieldStart("steps");
        for (int s = 1; s <= replay.stepCount(); s++) {
            Step step = replay.doneAt(s);
            json.writeStartObject();
            json.writeStringField("phase", step.phase().id());
            json.writeNumberField("node", step.node());
            json.writeStringField("headline", replay.headline(s));
            json.writeStringField("text", replay.narration(s));
            json.writeArrayFieldStart("sends");
            for (Replay.Send send : replay.sends(s)) {
                json.writeStartObject();
                json.writeNumberField("edge", send.edge());
                json.writeNumberField("node", send.node());
                json.writeStringField("label", send.label());
                json.writeStringField("text", send.text());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        }
        json.writeEndArray();
    }
}
