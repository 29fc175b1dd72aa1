package org.stepgrad.expr;

import org.stepgrad.engine.Contribution;
import org.stepgrad.engine.Node;
import org.stepgrad.engine.Phase;
import org.stepgrad.engine.Step;
import org.stepgrad.engine.Trace;

/**
 * The pipeline from program text to trace: scan → parse → build → backward, stopping at the
 * first fault, which comes back as a value with its place.
 */
public final class Tracer {
    private Tracer() {
    }

    public static Traced trace(String source) {
        return trace(source, Limits.DEFAULT);
    }

    public static Traced trace(String source, Limits limits) {
        if (source == null) {
            return Traced.failed(new SourceError(SourceError.Kind.SYNTAX, "there is no program; send its text as \"source\"", 0, 0));
        }
        if (source.length() > limits.maxSourceChars()) {
            return Traced.failed(new SourceError(SourceError.Kind.LIMIT, "the program is " + String.format("%,d", source.length())
                    + " characters long; the most accepted is " + String.format("%,d", limits.maxSourceChars()), 0, 0));
        }
        Lexer.LexResult scanned = new Lexer(source, limits).scan();
        if (scanned.error() != null) return Traced.failed(scanned.error());
        Parser.ParseResult parsed = new Parser(scanned.tokens(), limits).parse();
        if (parsed.error() != null) return Traced.failed(parsed.error());
        GraphBuilder.Built built = new GraphBuilder(limits).build(parsed.program());
        if (built.error() != null) return Traced.failed(built.error());
        Trace trace = built.graph().backward(built.output());
        SourceError gradFault = checkGradients(trace, built);
        if (gradFault != null) return Traced.failed(gradFault);
        return new Traced(trace, built.nodeLine(), null);
    }

    /** A finite value can still have an infinite slope (x^0.5 at 0): refuse it by name and line. */
    private static SourceError checkGradients(Trace trace, GraphBuilder.Built built) {
        for (Step step : trace.steps()) {
            if (step.phase() != Phase.BACKWARD) continue;
            for (Contribution c : step.contributions()) {
                if (Double.isFinite(c.gradAfter())) continue;
                Node node = trace.node(step.node());
                Node input = trace.node(c.input());
                String why = Double.isFinite(c.local())
                        ? "the gradient grows beyond the largest number"
                        : "the slope ∂" + node.label() + "/∂" + input.label() + " is undefined at " + input.label() + " = " + Undefined.fmt(input.value());
                return new SourceError(SourceError.Kind.UNDEFINED, "the gradient of " + input.label()
                        + " is not a number on the way back through " + node.label() + ": " + why,
                        built.nodeLine()[step.node()], built.nodeColumn()[step.node()]);
            }
        }
        return null;
    }

    /** A trace with the line each node was written on, or the first fault. */
    public record Traced(Trace trace, int[] nodeLine, SourceError error) {
        static Traced failed(SourceError error) {
            return new Traced(null, null, error);
        }

        public boolean ok() {
            return error == null;
        }
    }
}
