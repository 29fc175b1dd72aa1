package org.stepgrad.model;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.stepgrad.engine.Node;
import org.stepgrad.engine.Trace;
import org.stepgrad.expr.Tracer;

/**
 * A model's program traced at one setting of its parameters: the output (the loss), its
 * gradient with respect to each parameter, and the whole trace it came from.
 */
public record Evaluation(double loss, double[] gradient, Tracer.Traced traced) {

    /** Traces the model's program; a program that cannot run is a fault in the model, so it throws. */
    public static Evaluation of(Model model, double[] params) {
        Tracer.Traced traced = Tracer.trace(model.program(params));
        if (!traced.ok()) throw new ModelError("the model's program fails: " + traced.error().describe());
        Trace trace = traced.trace();
        Map<String, Node> byName = new HashMap<>();
        for (Node node : trace.nodes()) {
            if (node.name() != null) byName.put(node.name(), node);
        }
        List<String> names = model.parameters();
        double[] gradient = new double[names.size()];
        for (int i = 0; i < gradient.length; i++) {
            Node node = byName.get(names.get(i));
            if (node == null) throw new ModelError("the model's program has no parameter " + names.get(i));
            gradient[i] = node.grad();
        }
        return new Evaluation(trace.outputNode().value(), gradient, traced);
    }

    public Trace trace() {
        return traced.trace();
    }
}
