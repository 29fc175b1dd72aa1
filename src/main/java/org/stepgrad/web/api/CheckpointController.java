package org.stepgrad.web.api;

import io.javalin.http.Context;
import org.stepgrad.lesson.Checkpoint;
import org.stepgrad.lesson.Lesson;
import org.stepgrad.lesson.LessonLibrary;
import org.stepgrad.lesson.Verdict;
import org.stepgrad.replay.Format;
import org.stepgrad.web.http.ApiError;
import org.stepgrad.web.json.Json;
import org.stepgrad.web.json.ProseJson;

/**
 * {@code GET /api/lessons/{id}/checkpoints/{index}?answer=…&try=1}: right or not; a first wrong
 * answer gets a hint and no answer, a second ({@code try=2}) the answer explained;
 * {@code ?reveal=1} shows the answer without a try.
 */
public final class CheckpointController {
    private final LessonLibrary library;

    public CheckpointController(LessonLibrary library) {
        this.library = library;
    }

    public void check(Context ctx) {
        Lesson lesson = LessonController.find(library.current(), ctx.pathParam("id"));
        int index;
        try {
            index = Integer.parseInt(ctx.pathParam("index"));
        } catch (NumberFormatException e) {
            throw new ApiError(404, "checkpoints are numbered from 0");
        }
        if (index < 0 || index >= lesson.checkpoints().size()) {
            throw new ApiError(404, "the lesson '" + lesson.id() + "' has " + lesson.checkpoints().size() + " checkpoints, numbered from 0");
        }
        String answer = ctx.queryParam("answer");
        boolean reveal = ctx.queryParam("reveal") != null;
        if (!reveal && (answer == null || answer.isBlank())) throw new ApiError(400, "add your answer as ?answer=…, or ask for it with ?reveal=1");
        Checkpoint c = lesson.checkpoints().get(index);
        Verdict verdict = reveal ? Verdict.shown(c) : Verdict.of(c, answer, attempt(ctx.queryParam("try")));
        byte[] body = Json.bytes(json -> {
            json.writeStartObject();
            json.writeBooleanField("right", verdict.right());
            json.writeBooleanField("settled", verdict.settled());
            json.writeBooleanField("counted", verdict.counted());
            json.writeStringField("verdict", verdict.text());
            // the answer and its explanation only once the question is settled: a hint comes first
            if (verdict.settled()) {
                json.writeStringField("answerText", Format.number(c.answer()));
                ProseJson.write(json, "explanation", c.explanation());
            }
            json.writeEndObject();
        });
        ctx.header("Cache-Control", "no-store");
        ctx.status(200).contentType("application/json").result(body);
    }

    /** Which try this is, 1 when absent or mangled. */
    public static int attempt(String param) {
        if (param == null) return 1;
        try {
            return Math.max(1, Math.min(Verdict.TRIES, Integer.parseInt(param.strip())));
        } catch (NumberFormatException e) {
            return 1;
        }
    }
}
