package org.stepgrad.web.json;

import org.stepgrad.replay.Narrator;
import org.stepgrad.replay.Replay;

import org.stepgrad.engine.Contribution;
import org.stepgrad.engine.Node;
import org.stepgrad.engine.Step;
import org.stepgrad.engine.Trace;

/**
 * Writes a trace as the JSON of the contract in DESIGN.md, straight into UTF-8 bytes
 * ({@link JsonBytes}), so a 50,000-node graph costs no intermediate tree. Each step's narration
 * and each contribution's sentence are the {@link Narrator}'s, the same words the {@link Replay}
 * model shows on the page. The API asks for the trace alone, so {@link #write(Trace, int[])}
 * narrates as it writes, each sentence into one reused buffer, instead of building a whole
 * Replay (its frames, marks and groups) first; a caller that has a Replay already reuses its texts.
 */
public final class TraceJson {
    private TraceJson() {
    }

    /** Where a step's sentence and its contributions' sentences come from. */
    private interface Texts {
        CharSequence step(int index, Step step);

        CharSequence contribution(int index, Step step, int k);
    }

    /** The trace JSON in one pass over the trace, narrated as it is written. */
    public static byte[] write(Trace trace, int[] nodeLine) {
        Narrator narrator = new Narrator(trace);
        StringBuilder sentence = new StringBuilder(256); // written out before the next one is made
        return write(trace, nodeLine, new Texts() {
            public CharSequence step(int index, Step step) {
                sentence.setLength(0);
                return narrator.step(step, sentence);
            }

            public CharSequence contribution(int index, Step step, int k) {
                sentence.setLength(0);
                return narrator.contribution(trace.node(step.node()), step.contributions().get(k), sentence);
            }
        });
    }

    /** The trace JSON with the replay's own texts, for answers that hold the trace among other things (a lesson). */
    public static byte[] write(Replay replay, int[] nodeLine) {
        return write(replay.trace(), nodeLine, new Texts() {
            public CharSequence step(int index, Step step) {
                return replay.frame(index + 1).text();
            }

            public CharSequence contribution(int index, Step step, int k) {
                return replay.frame(index + 1).sends().get(k);
            }
        });
    }

    private static byte[] write(Trace trace, int[] nodeLine, Texts texts) {
        JsonBytes json = new JsonBytes(700 * trace.nodes().size());
        json.startObject();
        json.startArray("nodes");
        for (Node node : trace.nodes()) {
            json.startObject();
            json.field("id", node.id());
            json.field("name", node.name());
            json.field("label", node.label());
            json.field("op", node.op().id());
            json.startArray("inputs");
            for (int input : node.inputs()) json.value(input);
            json.endArray();
            json.field("value", node.value());
            json.field("grad", node.grad());
            if (nodeLine != null) json.field("line", nodeLine[node.id()]);
            json.endObject();
        }
        json.endArray();
        json.field("output", trace.output());
        json.field("forwardSteps", trace.forwardSteps());
        json.startArray("steps");
        for (int i = 0; i < trace.steps().size(); i++) {
            Step step = trace.steps().get(i);
            json.startObject();
            json.field("phase", step.phase().id());
            json.field("node", step.node());
            json.field("text", texts.step(i, step));
            if (!step.contributions().isEmpty()) {
                json.startArray("contributions");
                for (int k = 0; k < step.contributions().size(); k++) {
                    Contribution c = step.contributions().get(k);
                    json.startObject();
                    json.field("input", c.input());
                    json.field("local", c.local());
                    json.field("upstream", c.upstream());
                    json.field("product", c.product());
                    json.field("gradBefore", c.gradBefore());
                    json.field("gradAfter", c.gradAfter());
                    json.field("text", texts.contribution(i, step, k));
                    json.endObject();
                }
                json.endArray();
            }
            json.endObject();
        }
        json.endArray();
        json.endObject();
        return json.toByteArray();
    }
}
