package org.stepgrad.web.json;

import org.stepgrad.replay.Narrator;
import org.stepgrad.replay.Replay;

import org.stepgrad.engine.Contribution;
import org.stepgrad.engine.Node;
import org.stepgrad.engine.Step;
import org.stepgrad.engine.Trace;
import java.security.MessageDigest;
import java.util.concurrent.FutureTask;
import java.util.function.Supplier;

/**
 * Writes a trace as the JSON of the contract in DESIGN.md, straight into UTF-8 bytes
 * ({@link JsonBytes}), so a 50,000-node graph costs no intermediate tree. Each step's narration
 * and each contribution's sentence are the {@link Narrator}'s, the same words the {@link Replay}
 * model shows on the page. The API asks for the trace alone, so {@link #write(Trace, int[])}
 * narrates as it writes, each sentence into one reused buffer, instead of building a whole
 * Replay (its frames, marks and groups) first; a caller that has a Replay already reuses its texts.
 */
public final class TraceJson {
    private static final JsonBytes.Name CONTRIBUTIONS = new JsonBytes.Name("contributions");
    private static final JsonBytes.Name FORWARD_STEPS = new JsonBytes.Name("forwardSteps");
    private static final JsonBytes.Name GRAD = new JsonBytes.Name("grad");
    private static final JsonBytes.Name GRAD_AFTER = new JsonBytes.Name("gradAfter");
    private static final JsonBytes.Name GRAD_BEFORE = new JsonBytes.Name("gradBefore");
    private static final JsonBytes.Name ID = new JsonBytes.Name("id");
    private static final JsonBytes.Name INPUT = new JsonBytes.Name("input");
    private static final JsonBytes.Name INPUTS = new JsonBytes.Name("inputs");
    private static final JsonBytes.Name LABEL = new JsonBytes.Name("label");
    private static final JsonBytes.Name LINE = new JsonBytes.Name("line");
    private static final JsonBytes.Name LOCAL = new JsonBytes.Name("local");
    private static final JsonBytes.Name NAME = new JsonBytes.Name("name");
    private static final JsonBytes.Name NODE = new JsonBytes.Name("node");
    private static final JsonBytes.Name NODES = new JsonBytes.Name("nodes");
    private static final JsonBytes.Name OP = new JsonBytes.Name("op");
    private static final JsonBytes.Name OUTPUT = new JsonBytes.Name("output");
    private static final JsonBytes.Name PHASE = new JsonBytes.Name("phase");
    private static final JsonBytes.Name PRODUCT = new JsonBytes.Name("product");
    private static final JsonBytes.Name STEPS = new JsonBytes.Name("steps");
    private static final JsonBytes.Name TEXT = new JsonBytes.Name("text");
    private static final JsonBytes.Name UPSTREAM = new JsonBytes.Name("upstream");
    private static final JsonBytes.Name VALUE = new JsonBytes.Name("value");
    private TraceJson() {
    }

    /** Where a step's sentence and its contributions' sentences come from. */
    private interface Texts {
        CharSequence step(int index, Step step);

        CharSequence contribution(int index, Step step, int k);
    }

    /**
     * A written trace and the SHA-256 its ETag is made from: of the bytes themselves when one
     * writer wrote them, of the two halves' own digests when two did (each half is hashed on the
     * core that wrote it). Where the halves meet depends on the trace alone, so every server
     * gives the same bytes the same tag.
     */
    public record Written(byte[] bytes, byte[] sha256) {
    }

    /** The trace JSON in one pass over the trace, narrated as it is written. */
    public static byte[] write(Trace trace, int[] nodeLine) {
        return written(trace, nodeLine).bytes();
    }

    /** {@link #write(Trace, int[])} with its digest, for an answer that carries an ETag. */
    public static Written written(Trace trace, int[] nodeLine) {
        return write(trace, nodeLine, () -> {
            Narrator narrator = new Narrator(trace); // its caches are for one writer at a time
            StringBuilder sentence = new StringBuilder(256); // written out before the next one is made
            return new Texts() {
                public CharSequence step(int index, Step step) {
                    sentence.setLength(0);
                    return narrator.step(step, sentence);
                }

                public CharSequence contribution(int index, Step step, int k) {
                    sentence.setLength(0);
                    return narrator.contribution(trace.node(step.node()), step.contributions().get(k), sentence);
                }
            };
        });
    }

    /** The trace JSON with the replay's own texts, for answers that hold the trace among other things (a lesson). */
    public static byte[] write(Replay replay, int[] nodeLine) {
        Texts frames = new Texts() {
            public CharSequence step(int index, Step step) {
                return replay.frame(index + 1).text();
            }

            public CharSequence contribution(int index, Step step, int k) {
                return replay.frame(index + 1).sends().get(k);
            }
        };
        return write(replay.trace(), nodeLine, () -> frames).bytes();
    }

    /**
     * Nodes and the first steps here, the later steps on another core at the same time (a fit
     * over 600 points is 9.5 MB of JSON, and writing it was most of the API's time). The two
     * parts are joined in order, so the bytes are those of one writer from start to end.
     */
    private static Written write(Trace trace, int[] nodeLine, Supplier<Texts> texts) {
        int steps = trace.steps().size();
        int split = Halves.split(trace);
        FutureTask<Half> later = split < steps ? Halves.start(() -> {
            JsonBytes json = steps(trace, split, steps, texts.get(), JsonBytes.continuing());
            return new Half(json, json.digest());
        }) : null;
        JsonBytes json = new JsonBytes();
        json.startObject();
        json.startArray(NODES);
        for (Node node : trace.nodes()) {
            json.startObject();
            json.field(ID, node.id());
            json.field(NAME, node.name());
            json.field(LABEL, node.label());
            json.field(OP, node.op().id());
            json.startArray(INPUTS);
            for (int input : node.inputs()) json.value(input);
            json.endArray();
            json.field(VALUE, node.value());
            json.field(GRAD, node.grad());
            if (nodeLine != null) json.field(LINE, nodeLine[node.id()]);
            json.endObject();
        }
        json.endArray();
        json.field(OUTPUT, trace.output());
        json.field(FORWARD_STEPS, trace.forwardSteps());
        json.startArray(STEPS);
        steps(trace, 0, split, texts.get(), json);
        if (later == null) {
            json.endArray();
            json.endObject();
            return new Written(json.toByteArray(), json.digest());
        }
        byte[] first = json.digest();
        Half second = Halves.join(later);
        json.append(second.json());
        json.endArray();
        json.endObject();
        MessageDigest both = JsonBytes.sha256(); // the two closing brackets after them are always the same
        both.update(first);
        both.update(second.sha256());
        return new Written(json.toByteArray(), both.digest());
    }

    /** The later steps as written on a helper core, and their digest. */
    private record Half(JsonBytes json, byte[] sha256) {
    }

    /** Steps {@code from} up to {@code to}, each an element of the steps array. */
    private static JsonBytes steps(Trace trace, int from, int to, Texts texts, JsonBytes json) {
        for (int i = from; i < to; i++) {
            Step step = trace.steps().get(i);
            json.startObject();
            json.field(PHASE, step.phase().id());
            json.field(NODE, step.node());
            json.field(TEXT, texts.step(i, step));
            if (!step.contributions().isEmpty()) {
                json.startArray(CONTRIBUTIONS);
                for (int k = 0; k < step.contributions().size(); k++) {
                    Contribution c = step.contributions().get(k);
                    json.startObject();
                    json.field(INPUT, c.input());
                    json.field(LOCAL, c.local());
                    json.field(UPSTREAM, c.upstream());
                    json.field(PRODUCT, c.product());
                    json.field(GRAD_BEFORE, c.gradBefore());
                    json.field(GRAD_AFTER, c.gradAfter());
                    json.field(TEXT, texts.contribution(i, step, k));
                    json.endObject();
                }
                json.endArray();
            }
            json.endObject();
        }
        return json;
    }
}
