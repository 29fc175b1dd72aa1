package org.stepgrad.web;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.stepgrad.expr.Tracer;

class WarmupTest {
    @Test
    void the_warm_up_program_traces_without_a_fault() {
        Tracer.Traced traced = Tracer.trace(Warmup.program(200));
        assertTrue(traced.ok(), () -> traced.error().describe());
        assertTrue(traced.trace().nodes().size() > 4_000, "lesson scale or larger, so the JIT sees real work");
    }
}
