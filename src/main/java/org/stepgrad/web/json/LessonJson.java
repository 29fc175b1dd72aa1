package org.stepgrad.web.json;

import org.stepgrad.replay.Replay;

import org.stepgrad.web.view.FitPlot;
import org.stepgrad.replay.Format;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.List;
import org.stepgrad.lesson.Checkpoint;
import org.stepgrad.lesson.Lesson;
import org.stepgrad.lesson.Narration;
import org.stepgrad.lesson.Training;
import org.stepgrad.model.Evaluation;
import org.stepgrad.model.PolynomialFit;
import org.stepgrad.model.TrainingRun;

/**
 * The JSON of the lesson routes: the course list, a whole lesson with its trace and training
 * runs, and the Curve Fitter's answer for a setting of its knobs. Every number and every plot
 * coordinate is computed here; the browser paints them.
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
        double[] bounds = logBounds(lesson.training().stream().map(t -> t.run().losses()).toList());
        int longest = lesson.training().stream().mapToInt(t -> t.run().iterations()).max().orElse(1);
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
            json.writeStringField("lossPath", FitPlot.lossPath(run.losses(), longest, bounds[0], bounds[1]));
            json.writeEndObject();
        }
        json.writeEndArray();
    }

    /** log10 bounds that hold every loss of every run, so runs share one scale. */
    static double[] logBounds(List<double[]> runs) {
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (double[] losses : runs) {
            for (double l : losses) {
                double v = Math.log10(Math.max(l, 1e-300));
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        if (!Double.isFinite(lo)) return new double[] {0, 1};
        return new double[] {Math.floor(lo), Math.max(Math.ceil(hi), Math.floor(lo) + 1)};
    }

    /** The Curve Fitter at one setting of the knobs, with an optional run of gradient descent from there. */
    public static byte[] fit(PolynomialFit fit, double[] knobs, Evaluation at, TrainingRun run) {
        return fit(fit, knobs, at, run, null);
    }

    /** The lesson's loss plot: its iterations and log10 bounds, and where a new run starts on it. */
    public record Scale(int from, int iterations, double logMin, double logMax) {
    public static Scale of(Lesson lesson, int from) {
            double[] bounds = logBounds(lesson.training().stream().map(t -> t.run().losses()).toList());
            int longest = lesson.training().stream().mapToInt(t -> t.run().iterations()).max().orElse(100);
            return new Scale(from, longest, bounds[0], bounds[1]);
        }
    }

    /** As above; with a scale, a run also carries "lessonPath", drawn on the lesson's loss plot from scale.from. */
    public static byte[] fit(PolynomialFit fit, double[] knobs, Evaluation at, TrainingRun run, Scale scale) {
        FitPlot plot = new FitPlot(fit.points());
        return Json.bytes(json -> {
            json.writeStartObject();
            writeState(json, fit, plot, knobs, at);
            json.writeObjectFieldStart("plot");
            json.writeNumberField("width", FitPlot.WIDTH);
            json.writeNumberField("height", FitPlot.HEIGHT);
            json.writeArrayFieldStart("points");
            for (var p : fit.points()) {
                json.writeStartObject();
                json.writeNumberField("x", p.x());
                json.writeNumberField("y", p.y());
                json.writeStringField("cx", FitPlot.coord(plot.sx(p.x())));
                json.writeStringField("cy", FitPlot.coord(plot.sy(p.y())));
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
            if (run != null) {
                json.writeObjectFieldStart("run");
                json.writeStringField("method", run.method());
                json.writeNumberField("iterations", run.iterations());
                json.writeBooleanField("diverged", run.diverged());
                json.writeArrayFieldStart("losses");
                for (double l : run.losses()) json.writeNumber(l);
                json.writeEndArray();
                double[] bounds = logBounds(List.of(run.losses()));
                json.writeStringField("lossPath", FitPlot.lossPath(run.losses(), run.iterations(), bounds[0], bounds[1]));
                if (scale != null) {
                    json.writeStringField("lessonPath", FitPlot.lossPath(run.losses(), scale.from(), scale.iterations(), scale.logMin(), scale.logMax()));
                }
                double[] end = run.finalParams();
                json.writeObjectFieldStart("end");
                writeState(json, fit, plot, end, run.diverged() ? null : org.stepgrad.model.Evaluation.of(fit, end));
                json.writeEndObject();
                json.writeEndObject();
            }
            json.writeEndObject();
        });
    }

    private static void writeState(JsonGenerator json, PolynomialFit fit, FitPlot plot, double[] knobs, Evaluation at) throws IOException {
        json.writeArrayFieldStart("knobs");
        for (double k : knobs) json.writeNumber(k);
        json.writeEndArray();
        json.writeStringField("query", query(knobs));
        json.writeArrayFieldStart("knobText");
        for (double k : knobs) json.writeString(Format.number(k));
        json.writeEndArray();
        if (at != null) {
            json.writeNumberField("loss", at.loss());
            json.writeStringField("lossText", Format.number(at.loss()));
            json.writeArrayFieldStart("gradient");
            for (double g : at.gradient()) json.writeNumber(g);
            json.writeEndArray();
            json.writeArrayFieldStart("gradientText");
            for (double g : at.gradient()) json.writeString(Format.number(g));
            json.writeEndArray();
            json.writeArrayFieldStart("arrows");
            for (double g : at.gradient()) {
                json.writeStartObject();
                json.writeStringField("d", FitPlot.arrow(g));
                json.writeStringField("class", FitPlot.arrowClass(g));
                json.writeEndObject();
            }
            json.writeEndArray();
        }
        json.writeArrayFieldStart("curve");
        for (String segment : plot.curve(knobs)) json.writeString(segment);
        json.writeEndArray();
    }

    /** The knobs as a URL value, "k=0.5,-1,…", short and exact. */
    public static String query(double[] knobs) {
        StringBuilder s = new StringBuilder();
        for (double k : knobs) {
            if (!s.isEmpty()) s.append(',');
            s.append(Format.exact(k));
        }
        return s.toString();
    }

    private static void numbers(JsonGenerator json, String field, List<String> names) throws IOException {
        json.writeArrayFieldStart(field);
        for (String n : names) json.writeString(n);
        json.writeEndArray();
    }
}
