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

/** {@code GET /api/lessons/{id}/checkpoints/{index}?answer=…}: right or not, then the answer explained. */
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
        if (answer == null || answer.isBlank()) throw new ApiError(400, "add your answer as ?answer=…");
        Checkpoint c = lesson.checkpoints().get(index);
        Verdict verdict = Verdict.of(c, answer);
        byte[] body = Json.bytes(json -> {
            json.writeStartObject();
            json.writeBooleanField("right", verdict.right());
            json.writeStringField("verdict", verdict.text());
            json.writeStringField("answerText", Format.number(c.answer()));
            ProseJson.write(json, "explanation", c.explanation());
            json.writeEndObject();
        });
        ctx.header("Cache-Control", "no-store");
        ctx.status(200).contentType("application/json").result(body);
    }
}
