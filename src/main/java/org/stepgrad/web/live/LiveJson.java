package org.stepgrad.web.live;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.stepgrad.web.json.Json;
import org.stepgrad.live.LiveState;
import org.stepgrad.live.Session;
import org.stepgrad.live.Tally;

/** The live API's JSON, streamed in the contract's field order by the app's one JSON writer. */
final class LiveJson {
    private LiveJson() {
    }

    /** As text: an SSE event's data is a string. */
    static String write(Json.Body body) {
        return new String(Json.bytes(body), StandardCharsets.UTF_8);
    }

    /**
     * A state event: the step, the pause, the checkpoint asked there (or null), what of its poll is
     * revealed, and, once revealed, the histogram and the correct answer.
     */
    static String state(Session session, LiveState s, int students, Tally revealed, String correct) {
        return write(json -> {
            int checkpoint = session.checkpointAt(s.step());
            json.writeStartObject();
            json.writeStringField("code", session.code());
            json.writeNumberField("version", s.version());
            json.writeNumberField("step", s.step());
            json.writeNumberField("steps", session.steps());
            json.writeBooleanField("paused", s.paused());
            if (checkpoint < 0) json.writeNullField("checkpoint");
            else json.writeNumberField("checkpoint", checkpoint);
            json.writeObjectFieldStart("revealed");
            json.writeBooleanField("histogram", s.histogramShown());
            json.writeBooleanField("answer", s.answerShown());
            json.writeEndObject();
            json.writeNumberField("students", students);
            if (revealed != null) {
                json.writeNumberField("count", revealed.count());
                histogram(json, revealed);
            }
            if (correct != null) json.writeStringField("correct", correct);
            json.writeEndObject();
        });
    }

    static void histogram(JsonGenerator json, Tally tally) throws IOException {
        json.writeArrayFieldStart("histogram");
        for (Tally.Bar bar : tally.histogram()) {
            json.writeStartObject();
            json.writeStringField("answer", bar.answer());
            json.writeNumberField("count", bar.count());
            json.writeEndObject();
        }
        json.writeEndArray();
    }
}
