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

    /** One checkpoint's poll as far as it is revealed: its tally once the histogram is, its answer once that is. */
    record Poll(int checkpoint, Tally revealed, String correct) {
    }

    /**
     * A state event: the step, the pause, the checkpoints asked there ({@code checkpoint} the first or
     * null, {@code checkpoints} all of them), what of their polls is revealed, and, once revealed, each
     * poll's histogram and correct answer ({@code polls}; the first poll's also at the top level, as
     * clients written for one checkpoint a step read it).
     */
    static String state(Session session, LiveState s, int students, java.util.List<Poll> polls) {
        return write(json -> {
            java.util.List<Integer> asked = session.checkpointsAt(s.step());
            int checkpoint = asked.isEmpty() ? -1 : asked.get(0);
            Tally revealed = polls.isEmpty() ? null : polls.get(0).revealed();
            String correct = polls.isEmpty() ? null : polls.get(0).correct();
            json.writeStartObject();
            json.writeStringField("code", session.code());
            json.writeNumberField("version", s.version());
            json.writeNumberField("step", s.step());
            json.writeNumberField("steps", session.steps());
            json.writeBooleanField("paused", s.paused());
            if (checkpoint < 0) json.writeNullField("checkpoint");
            else json.writeNumberField("checkpoint", checkpoint);
            json.writeArrayFieldStart("checkpoints");
            for (int i : asked) json.writeNumber(i);
            json.writeEndArray();
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
            json.writeArrayFieldStart("polls");
            for (Poll poll : polls) {
                json.writeStartObject();
                json.writeNumberField("checkpoint", poll.checkpoint());
                if (poll.revealed() != null) {
                    json.writeNumberField("count", poll.revealed().count());
                    histogram(json, poll.revealed());
                }
                if (poll.correct() != null) json.writeStringField("correct", poll.correct());
                json.writeEndObject();
            }
            json.writeEndArray();
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
