package org.stepgrad.web.json;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import org.stepgrad.replay.ClusterWalk;
import org.stepgrad.replay.Replay;

/**
 * The replay the stepper paints from, written from the one {@link Replay} model: every text and
 * class the page shows, keyed by node, edge and page step. The browser looks entries up by step
 * (the last entry at or before it); it formats, computes and lays out nothing.
 *
 * <pre>
 * {"stepCount": 4, "forwardSteps": 2,
 *  "nodes": [{"id": 3, "in": [0, 1], "formulaStep": 1,
 *             "shown": [[0, "", "", "grad", false], [1, "= 3", "", "grad", true], [3, "= 3", "grad -4", "grad neg", true]]}],
 *  "frames": [{"phase": "backward", "node": 4, "headline": "Step 3 of 4 · backward pass", "text": "…",
 *              "marks": [[4, "current"], [3, "receiving"]], "edges": [[2, "lit back", "+= 1·(-4)"]], "sends": ["∂f/∂q += …"]}]}
 * </pre>
 * {@code shown} entries are [step, value, grad, grad class, known]. A leaf carries "formula"
 * instead of "formulaStep". A graph with clusters adds (by cluster id, and by page step):
 * <pre>
 * "groups": [{"id": 0, "label": "point 1", "nodes": [6, 7, …], "edges": [9, 10, …], "summaries": [[0, "21 nodes"], [15, "r_1 = -1.3"]]}],
 * "walk": {"cluster": [-1, 0, 0, …], "focus": [0, 0, …], "next": [1, 20, …], "prev": [0, 0, …]}
 * </pre>
 */
public final class ReplayJson {
    private ReplayJson() {
    }

    public static byte[] write(Replay replay) {
        return Json.bytes(160 * replay.trace().nodes().size(), json -> {
            json.writeStartObject();
            json.writeNumberField("stepCount", replay.stepCount());
            json.writeNumberField("forwardSteps", replay.forwardSteps());
            nodes(json, replay);
            frames(json, replay);
            if (!replay.groups().isEmpty()) groups(json, replay);
            json.writeEndObject();
        });
    }

    private static void nodes(JsonGenerator json, Replay replay) throws IOException {
        json.writeArrayFieldStart("nodes");
        for (Replay.NodeText node : replay.nodes()) {
            json.writeStartObject();
            json.writeNumberField("id", node.id());
            json.writeArrayFieldStart("in");
            for (int edge : node.edgesIn()) json.writeNumber(edge);
            json.writeEndArray();
            if (node.formulaStep() < 0) json.writeStringField("formula", node.formula());
            else json.writeNumberField("formulaStep", node.formulaStep());
            json.writeArrayFieldStart("shown");
            for (Replay.Shown e : node.shown()) {
                json.writeStartArray();
                json.writeNumber(e.step());
                json.writeString(e.value());
                json.writeString(e.grad());
                json.writeString(e.gradClass());
                json.writeBoolean(e.known());
                json.writeEndArray();
            }
            json.writeEndArray();
            json.writeEndObject();
        }
        json.writeEndArray();
    }

    private static void frames(JsonGenerator json, Replay replay) throws IOException {
        json.writeArrayFieldStart("frames");
        for (Replay.Frame f : replay.frames()) {
            json.writeStartObject();
            json.writeStringField("phase", f.phase());
            json.writeNumberField("node", f.node());
            json.writeStringField("headline", f.headline());
            json.writeStringField("text", f.text());
            json.writeArrayFieldStart("marks");
            for (Replay.Mark m : f.marks()) {
                json.writeStartArray();
                json.writeNumber(m.node());
                json.writeString(m.cssClass());
                json.writeEndArray();
            }
            json.writeEndArray();
            json.writeArrayFieldStart("edges");
            for (Replay.EdgeMark e : f.edges()) {
                json.writeStartArray();
                json.writeNumber(e.edge());
                json.writeString(e.cssClass());
                json.writeString(e.label());
                json.writeEndArray();
            }
            json.writeEndArray();
            json.writeArrayFieldStart("sends");
            for (String text : f.sends()) json.writeString(text);
            json.writeEndArray();
            json.writeEndObject();
        }
        json.writeEndArray();
    }

    private static void groups(JsonGenerator json, Replay replay) throws IOException {
        json.writeArrayFieldStart("groups");
        for (Replay.Group g : replay.groups()) {
            json.writeStartObject();
            json.writeNumberField("id", g.id());
            json.writeStringField("label", g.label());
            ints(json, "nodes", g.nodes());
            ints(json, "edges", g.edges());
            json.writeArrayFieldStart("summaries");
            for (ClusterWalk.Summary e : g.summaries()) {
                json.writeStartArray();
                json.writeNumber(e.step());
                json.writeString(e.text());
                json.writeEndArray();
            }
            json.writeEndArray();
            json.writeEndObject();
        }
        json.writeEndArray();
        ClusterWalk walk = replay.walk();
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

    private static void ints(JsonGenerator json, String field, java.util.List<Integer> values) throws IOException {
        json.writeArrayFieldStart(field);
        for (int v : values) json.writeNumber(v);
        json.writeEndArray();
    }
}
