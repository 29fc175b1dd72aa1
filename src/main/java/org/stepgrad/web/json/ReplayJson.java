package org.stepgrad.web.json;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.List;
import java.util.function.IntUnaryOperator;
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
 *              "marks": [[4, "current"], [3, "receiving"]], "edges": [[2, "lit back", "+= 1·(-4)"]], "sends": ["∂f/∂q += …"],
 *              "open": [3]}]}
 * </pre>
 * {@code shown} entries are [step, value, grad, grad class, known]; a frame's {@code open} names the
 * groups that open by themselves to show its node. A leaf carries "formula"
 * instead of "formulaStep". A graph with clusters adds (by cluster id, and by page step):
 * <pre>
 * "groups": [{"id": 0, "label": "point 1", "nodes": [6, 7, …], "edges": [9, 10, …], "summaries": [[0, "21 nodes"], [15, "r_1 = -1.3"]]}],
 * "walk": {"cluster": [-1, 0, 0, …], "focus": [0, 0, …], "next": [1, 20, …], "prev": [0, 0, …]}
 * </pre>
 *
 * <p>A large graph's replay is sent in windows of {@link #WINDOW} steps, asked for with
 * {@code ?at=s}: see {@link #window}.
 */
public final class ReplayJson {
    /**
     * Steps per window. A window of a 24,000-node fit is about 100 KB gzip; the whole replay
     * is 2.6 MB, and a 100,000-node program's 7 MB, which no first view should wait for.
     */
    public static final int WINDOW = 1024;

    private ReplayJson() {
    }

    /**
     * The window of steps holding page step {@code at}: steps {@code from … to} with
     * {@code from = ⌊at / WINDOW⌋·WINDOW} and {@code to = min(from + WINDOW, stepCount)}, so
     * neighbouring windows share their boundary step and each is cached on its own.
     * <pre>
     * {"stepCount": 48000, "forwardSteps": 24007, "window": 1024, "from": 2048, "to": 3072, "clusters": 1000,
     *  "nodes": [{"id": 7, "shown": [[1990, …], [2050, …]]}],
     *  "frames": [{…frame 2048…}, …, {…frame 3072…}],
     *  "labels": {"41": "point 42"},
     *  "walk": {"cluster": […], "focus": […], "next": […], "prev": […]}}
     * </pre>
     * {@code nodes} holds only the nodes whose texts change inside the window, each with its
     * entries from the window and the last one before it, so any step of the window, and any move
     * between steps of windows the browser holds side by side, is looked up as in the whole
     * replay; a node missing from every window it holds shows what the server drew. {@code frames}
     * and the {@code walk} arrays are indexed from {@code from}; {@code labels} names the clusters
     * the window's steps work in.
     */
    public static byte[] window(Replay replay, int at) {
        int count = replay.stepCount();
        int from = Math.min(Math.max(0, at), count) / WINDOW * WINDOW;
        int to = Math.min(from + WINDOW, count);
        java.util.TreeSet<Integer> changing = new java.util.TreeSet<>();
        for (int s = from + 1; s <= to; s++) for (int id : replay.changedAt(s)) changing.add(id);
        return Json.bytes(4096 + 400 * (to - from), json -> {
            json.writeStartObject();
            json.writeNumberField("stepCount", count);
            json.writeNumberField("forwardSteps", replay.forwardSteps());
            json.writeNumberField("window", WINDOW);
            json.writeNumberField("from", from);
            json.writeNumberField("to", to);
            json.writeNumberField("clusters", replay.groups().size());
            json.writeArrayFieldStart("nodes");
            for (int id : changing) {
                List<Replay.Shown> shown = replay.node(id).shown();
                json.writeStartObject();
                json.writeNumberField("id", id);
                json.writeArrayFieldStart("shown");
                for (int i = 0; i < shown.size(); i++) {
                    Replay.Shown e = shown.get(i);
                    boolean before = e.step() <= from && (i + 1 == shown.size() || shown.get(i + 1).step() > from);
                    if (before || (e.step() > from && e.step() <= to)) tuple(json, e.step(), e.value(), e.grad(), e.gradClass(), e.known());
                }
                json.writeEndArray();
                json.writeEndObject();
            }
            json.writeEndArray();
            array(json, "frames", replay.frames().subList(from, to + 1), ReplayJson::frame);
            if (!replay.groups().isEmpty()) {
                ClusterWalk walk = replay.walk();
                java.util.TreeSet<Integer> named = new java.util.TreeSet<>();
                for (int s = from; s <= to; s++) if (walk.focus(s) >= 0) named.add(walk.focus(s));
                json.writeObjectFieldStart("labels");
                for (int c : named) json.writeStringField(String.valueOf(c), replay.groups().get(c).label());
                json.writeEndObject();
                walk(json, walk, from, to);
            }
            json.writeEndObject();
        });
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

    /** Writes one element of an array. */
    private interface Item<T> {
        void write(JsonGenerator json, T item) throws IOException;
    }

    private static <T> void array(JsonGenerator json, String field, Iterable<T> items, Item<T> item) throws IOException {
        json.writeArrayFieldStart(field);
        for (T t : items) item.write(json, t);
        json.writeEndArray();
    }

    /** A short positional entry, [step, text, …]: the replay's many small entries cost no field names. */
    private static void tuple(JsonGenerator json, Object... values) throws IOException {
        json.writeStartArray();
        for (Object v : values) {
            if (v instanceof Integer i) json.writeNumber(i);
            else if (v instanceof Boolean b) json.writeBoolean(b);
            else json.writeString((String) v);
        }
        json.writeEndArray();
    }

    private static void nodes(JsonGenerator json, Replay replay) throws IOException {
        array(json, "nodes", replay.nodes(), (j, node) -> {
            j.writeStartObject();
            j.writeNumberField("id", node.id());
            array(j, "in", node.edgesIn(), JsonGenerator::writeNumber);
            if (node.formulaStep() < 0) j.writeStringField("formula", node.formula());
            else j.writeNumberField("formulaStep", node.formulaStep());
            array(j, "shown", node.shown(), (k, e) -> tuple(k, e.step(), e.value(), e.grad(), e.gradClass(), e.known()));
            j.writeEndObject();
        });
    }

    private static void frames(JsonGenerator json, Replay replay) throws IOException {
        array(json, "frames", replay.frames(), ReplayJson::frame);
    }

    private static void frame(JsonGenerator j, Replay.Frame f) throws IOException {
        j.writeStartObject();
        j.writeStringField("phase", f.phase());
        j.writeNumberField("node", f.node());
        j.writeStringField("headline", f.headline());
        j.writeStringField("text", f.text());
        array(j, "marks", f.marks(), (k, m) -> tuple(k, m.node(), m.cssClass()));
        array(j, "edges", f.edges(), (k, e) -> tuple(k, e.edge(), e.cssClass(), e.label()));
        array(j, "sends", f.sends(), JsonGenerator::writeString);
        array(j, "open", f.open(), JsonGenerator::writeNumber);
        j.writeEndObject();
    }

    private static void groups(JsonGenerator json, Replay replay) throws IOException {
        array(json, "groups", replay.groups(), (j, g) -> {
            j.writeStartObject();
            j.writeNumberField("id", g.id());
            j.writeStringField("label", g.label());
            array(j, "nodes", g.nodes(), JsonGenerator::writeNumber);
            array(j, "edges", g.edges(), JsonGenerator::writeNumber);
            array(j, "summaries", g.summaries(), (k, e) -> tuple(k, e.step(), e.text()));
            j.writeEndObject();
        });
        walk(json, replay.walk(), 0, replay.stepCount());
    }

    /** The walk's four arrays over page steps {@code from … to}. */
    private static void walk(JsonGenerator json, ClusterWalk walk, int from, int to) throws IOException {
        json.writeObjectFieldStart("walk");
        for (String name : List.of("cluster", "focus", "next", "prev")) {
            IntUnaryOperator at = switch (name) {
                case "cluster" -> walk::cluster;
                case "focus" -> walk::focus;
                case "next" -> walk::next;
                default -> walk::prev;
            };
            json.writeArrayFieldStart(name);
            for (int s = from; s <= to; s++) json.writeNumber(at.applyAsInt(s));
            json.writeEndArray();
        }
        json.writeEndObject();
    }
}
