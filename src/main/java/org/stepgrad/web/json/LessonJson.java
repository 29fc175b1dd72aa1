package org.stepgrad.web.json;

import org.stepgrad.replay.Replay;

import org.stepgrad.replay.Format;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.List;
import org.stepgrad.lesson.Checkpoint;
import org.stepgrad.lesson.Lesson;
import org.stepgrad.lesson.Narration;
import org.stepgrad.lesson.Training;
import org.stepgrad.model.FitResult;
import org.stepgrad.model.Method;
import org.stepgrad.model.PolynomialFit;
import org.stepgrad.model.TrainingRun;

/**
 * The JSON of the lesson routes: the course list, a whole lesson with its trace and training
 * runs, and the Curve Fitter's answer for a setting of its knobs. Numbers only: the drawings are
 * the pages' (web/view/FitPlot).
 */
public final class LessonJson {

    private LessonJson() {
    }

    public static byte[] list(List<Lesson> lessons) {
        return Json.bytes(json -> {
            json.writeStartArray();
            for (Lesson l : lessons) {
                json.writeStartObject();
                json.writeStringField("id", l.id());
                json.writeStringField("title", l.title());
                json.writeStringField("summary", l.summary());
                json.writeStringField("url", "/lessons/" + l.id());
                json.writeEndObject();
            }
            json.writeEndArray();
        });
    }

    /** @param replay the lesson's graph at its start, whose texts the trace carries */
    public static byte[] lesson(Lesson lesson, Replay replay, String next) {
        return Json.bytes(json -> {
            json.writeStartObject();
            json.writeStringField("id", lesson.id());
            json.writeStringField("title", lesson.title());
            json.writeStringField("summary", lesson.summary());
            json.writeNumberField("order", lesson.order());
            json.writeStringField("next", next);
            ProseJson.write(json, "intro", lesson.intro());
            json.writeStringField("program", lesson.program());
            json.writeObjectFieldStart("trace");
            TraceJson.writeFields(json, replay, lesson.nodeLine());
            json.writeEndObject();
            json.writeArrayFieldStart("narration");
            for (Narration n : lesson.narration()) {
                json.writeStartObject();
                json.writeNumberField("step", n.step());
                json.writeStringField("node", n.node());
                json.writeStringField("phase", n.phase().id());
                json.writeStringField("mode", n.replace() ? "replace" : "add");
                ProseJson.write(json, "text", n.text());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeArrayFieldStart("checkpoints");
            for (int i = 0; i < lesson.checkpoints().size(); i++) {
                Checkpoint c = lesson.checkpoints().get(i);
                json.writeStartObject();
                json.writeNumberField("index", i);
                json.writeNumberField("step", c.step());
                json.writeStringField("node", c.node());
                json.writeStringField("asks", c.asks());
                ProseJson.write(json, "prompt", c.prompt());
                json.writeNumberField("answer", c.answer());
                json.writeStringField("answerText", Format.number(c.answer()));
                json.writeNumberField("tolerance", c.tolerance());
                ProseJson.write(json, "explanation", c.explanation());
                json.writeEndObject();
            }
            json.writeEndArray();
            writeTraining(json, lesson);
            if (lesson.model() instanceof PolynomialFit fit) {
                json.writeObjectFieldStart("fit");
                json.writeNumberField("degree", fit.degree());
                json.writeNumberField("knobRange", lesson.knobRange());
                json.writeStringField("api", "/api/lessons/" + lesson.id() + "/fit");
                json.writeEndObject();
            }
            json.writeEndObject();
        });
    }

    private static void writeTraining(JsonGenerator json, Lesson lesson) throws IOException {
        json.writeArrayFieldStart("training");
        for (Training t : lesson.training()) {
            TrainingRun run = t.run();
            json.writeStartObject();
            json.writeStringField("label", t.label());
            json.writeStringField("method", t.method());
            if (t.rate() > 0) json.writeNumberField("rate", t.rate());
            if (t.step() > 0) json.writeNumberField("step", t.step());
            json.writeNumberField("iterations", run.iterations());
            json.writeBooleanField("diverged", run.diverged());
            json.writeNumberField("startLoss", run.startLoss());
            json.writeNumberField("finalLoss", run.finalLoss());
            numbers(json, "parameters", run.parameters());
            json.writeArrayFieldStart("losses");
            for (double l : run.losses()) json.writeNumber(l);
            json.writeEndArray();
            json.writeArrayFieldStart("params");
            for (double[] p : run.params()) {
                json.writeStartArray();
                for (double v : p) json.writeNumber(v);
                json.writeEndArray();
            }
            json.writeEndArray();
            json.writeEndObject();
        }
        json.writeEndArray();
    }

    /**
     * The Curve Fitter's answer as numbers only: the knobs, the loss and gradient there, and the
     * run when steps were asked for (its loss per iteration, whether it diverged, where it ended),
     * with {@code size}, the learning rate or random-search step it used.
     */
    public static byte[] fit(FitResult answer, double size) {
        return Json.bytes(json -> {
            json.writeStartObject();
            writeState(json, answer.knobs(), answer.loss(), answer.gradient());
            FitResult.Run run = answer.run();
            if (run != null) {
                json.writeObjectFieldStart("run");
                json.writeStringField("method", run.method().id());
                json.writeNumberField(run.method() == Method.RANDOM_SEARCH ? "step" : "rate", size);
                json.writeNumberField("iterations", run.iterations());
                json.writeBooleanField("diverged", run.diverged());
                json.writeArrayFieldStart("losses");
                for (double l : run.losses()) json.writeNumber(l);
                json.writeEndArray();
                json.writeNumberField("finalLoss", run.losses()[run.losses().length - 1]);
                json.writeObjectFieldStart("end");
                writeState(json, run.knobs(), run.loss(), run.gradient());
                json.writeEndObject();
                json.writeEndObject();
            }
            json.writeEndObject();
        });
    }

    private static void writeState(JsonGenerator json, double[] knobs, double loss, double[] gradient) throws IOException {
        json.writeArrayFieldStart("knobs");
        for (double k : knobs) json.writeNumber(k);
        json.writeEndArray();
        json.writeNumberField("loss", loss);
        json.writeArrayFieldStart("gradient");
        for (double g : gradient) json.writeNumber(g);
        json.writeEndArray();
    }

    private static void numbers(JsonGenerator json, String field, List<String> names) throws IOException {
        json.writeArrayFieldStart(field);
        for (String n : names) json.writeString(n);
        json.writeEndArray();
    }
}
