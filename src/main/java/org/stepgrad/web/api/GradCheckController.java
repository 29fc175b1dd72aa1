package org.stepgrad.web.api;


import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import org.stepgrad.engine.GradCheck;
import org.stepgrad.engine.Node;
import org.stepgrad.engine.Trace;
import org.stepgrad.expr.Tracer;
import org.stepgrad.replay.Format;
import org.stepgrad.web.http.ApiError;
import org.stepgrad.web.http.Bodies;
import org.stepgrad.web.json.Json;
import org.stepgrad.web.json.JsonRequest;
import org.stepgrad.web.view.SourceErrorView;

/**
 * {@code POST /api/gradcheck} with {@code {"source": "<program>", "node": "<name or id>"}}: the
 * backprop gradient of the output with respect to that node beside its central difference.
 */
public final class GradCheckController {
    /** The answer's fields, in the contract's order: the numbers, then the lines the stepper prints as they are. */
    record Answer(double backprop, double numeric, double h, double relativeError, int forwardPasses, int gradients, List<Row> rows) {
    }

    /** One line of the check as the stepper shows it: a term and its text. */
    record Row(String term, String text) {
    }

    /** The check in words; the numbers to ten digits, enough to see where backprop and the difference part. */
    static List<Row> rows(GradCheck check, int gradients) {
        return List.of(
                new Row("backprop", Format.digits(check.backprop(), 10) + " (from the backward pass)"),
                new Row("(f(v+h) − f(v−h)) / 2h", Format.digits(check.numeric(), 10) + " with h = " + Format.number(check.h())),
                new Row("relative difference", Format.scientific(check.relativeError(), 2)),
                new Row("cost", check.forwardPasses() + " forward passes for this one gradient; one backward pass gave all "
                        + gradients + " (checking each this way: " + (long) check.forwardPasses() * gradients + " forward passes)"));
    }

    private final TraceService traces;

    public GradCheckController(TraceService traces) {
        this.traces = traces;
    }

    public void check(Context ctx) {
        String body = Bodies.text(ctx);
        if (body.length() > ApiController.LARGE_BODY) throw new ApiError(413, "a gradient check takes programs up to 64 KB");
        JsonNode object = JsonRequest.object(ctx.header("Content-Type"), body, "{\"source\": \"<program>\", \"node\": \"<name or id>\"}");
        String source = JsonRequest.text(object, "source", "the program");
        JsonNode id = object.get("node");
        String asked = id != null && id.isInt() ? id.asText() : JsonRequest.text(object, "node", "the node's name or id");
        Tracer.Traced traced = traces.trace(source);
        if (!traced.ok()) {
            SourceErrorView error = SourceErrorView.of(traced.error(), source);
            throw new ApiError(400, "the program does not run: " + error.message() + " (" + error.place() + ")");
        }
        Trace trace = traced.trace();
        GradCheck check = GradCheck.of(trace, find(trace, asked.strip()));
        if (!Double.isFinite(check.numeric()) || !Double.isFinite(check.backprop())) {
            throw new ApiError(400, "the output is not finite next to that node's value, so there is no difference to take");
        }
        // one backward pass gave all the gradients; checking them all this way costs forwardPasses each
        int gradients = trace.nodes().size();
        byte[] out = Json.bytes(new Answer(check.backprop(), check.numeric(), check.h(), check.relativeError(),
                check.forwardPasses(), gradients, rows(check, gradients)));
        ctx.header("Cache-Control", "no-store");
        ctx.contentType("application/json").result(out);
    }

    /** A node by its name, or by its id when the text is a number. */
    private static int find(Trace trace, String asked) {
        List<String> named = new ArrayList<>();
        for (Node n : trace.nodes()) {
            if (asked.equals(n.name())) return n.id();
            if (n.name() != null) named.add(n.name());
        }
        if (asked.matches("\\d{1,9}")) {
            int id = Integer.parseInt(asked);
            if (id < trace.nodes().size()) return id;
            throw new ApiError(404, "the program has " + trace.nodes().size() + " nodes, numbered from 0; there is no node " + id);
        }
        String shown = asked.length() > 40 ? asked.substring(0, 40) + "…" : asked;
        String list = named.size() > 12 ? String.join(", ", named.subList(0, 12)) + ", …" : String.join(", ", named);
        throw new ApiError(404, "there is no node called '" + shown + "' in the program; its named nodes are " + list);
    }
}
