package org.stepgrad.web.live;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
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
    record Poll(int checkpoint, @JsonUnwrapped Tally revealed, @JsonInclude(JsonInclude.Include.NON_NULL) String correct) {
    }

    /** What of the polls at this step the teacher has shown. */
    record Revealed(boolean histogram, boolean answer) {
    }

    /** A state event's fields in the contract's order; a tally's count and histogram stand at the top level. */
    record State(String code, long version, int step, int steps, boolean paused, Integer checkpoint, java.util.List<Integer> checkpoints,
                 Revealed revealed, int students, @JsonUnwrapped Tally tally, @JsonInclude(JsonInclude.Include.NON_NULL) String correct,
                 java.util.List<Poll> polls) {
    }

    /**
     * A state event: the step, the pause, the checkpoints asked there ({@code checkpoint} the first or
     * null, {@code checkpoints} all of them), what of their polls is revealed, and, once revealed, each
     * poll's histogram and correct answer ({@code polls}; the first poll's also at the top level, as
     * clients written for one checkpoint a step read it).
     */
    static String state(Session session, LiveState s, int students, java.util.List<Poll> polls) {
        java.util.List<Integer> asked = session.checkpointsAt(s.step());
        Poll first = polls.isEmpty() ? new Poll(-1, null, null) : polls.get(0);
        return new String(Json.bytes(new State(session.code(), s.version(), s.step(), session.steps(), s.paused(),
                asked.isEmpty() ? null : asked.get(0), asked, new Revealed(s.histogramShown(), s.answerShown()), students,
                first.revealed(), first.correct(), polls)), StandardCharsets.UTF_8);
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
