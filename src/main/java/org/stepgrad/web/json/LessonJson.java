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
import org.stepgrad.model.Landscape;
import org.stepgrad.model.Method;
import org.stepgrad.model.Optimizer;
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
            // the trace object as the API writes it, with the replay's texts
            json.writeFieldName("trace");
            json.writeRawValue(new String(TraceJson.write(replay, lesson.nodeLine()), java.nio.charset.StandardCharsets.UTF_8));
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
            writeSettings(json, t.optimizer());
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
     * with the settings it used (its rate or random-search step, and β's).
     */
    public static byte[] fit(FitResult answer, Optimizer optimizer) {
        return Json.bytes(json -> {
            json.writeStartObject();
            writeState(json, answer.knobs(), answer.loss(), answer.gradient());
            FitResult.Run run = answer.run();
            if (run != null) {
                json.writeObjectFieldStart("run");
                json.writeStringField("method", run.method().id());
                writeSettings(json, optimizer);
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

    /**
     * A slice of the loss landscape: {@code x} and {@code y} name their knob and its grid values,
     * {@code loss[j][i]} is the loss at x.values[i], y.values[j] (null where it is not a finite
     * number), and {@code at} holds every knob, the two on the axes at their held values.
     */
    public static byte[] landscape(List<String> knobs, Landscape slice) {
        return Json.bytes(json -> {
            json.writeStartObject();
            axis(json, "x", knobs.get(slice.x()), slice.xs());
            axis(json, "y", knobs.get(slice.y()), slice.ys());
            json.writeArrayFieldStart("loss");
            for (double[] row : slice.loss()) {
                json.writeStartArray();
                for (double l : row) {
                    if (Double.isFinite(l)) json.writeNumber(l);
                    else json.writeNull();
                }
                json.writeEndArray();
            }
            json.writeEndArray();
            json.writeObjectFieldStart("at");
            for (int i = 0; i < knobs.size(); i++) json.writeNumberField(knobs.get(i), slice.at()[i]);
            json.writeEndObject();
            json.writeEndObject();
        });
    }

    private static void axis(JsonGenerator json, String field, String knob, double[] values) throws IOException {
        json.writeObjectFieldStart(field);
        json.writeStringField("knob", knob);
        json.writeArrayFieldStart("values");
        for (double v : values) json.writeNumber(v);
        json.writeEndArray();
        json.writeEndObject();
    }

    /** "rate" (or random search's "step"), momentum's "beta", Adam's "beta1" and "beta2". */
    private static void writeSettings(JsonGenerator json, Optimizer o) throws IOException {
        json.writeNumberField(o.method() == Method.RANDOM_SEARCH ? "step" : "rate", o.size());
        if (o.method() == Method.MOMENTUM) json.writeNumberField("beta", o.beta1());
        if (o.method() == Method.ADAM) {
            json.writeNumberField("beta1", o.beta1());
            json.writeNumberField("beta2", o.beta2());
        }
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
