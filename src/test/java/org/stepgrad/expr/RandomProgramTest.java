package org.stepgrad.expr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.stepgrad.engine.Node;

/**
 * 300 seeded random programs over the whole op set: every named node's value and gradient
 * from the engine agree with {@link RandomProgram}'s dual-number reference to 1e-9 relative.
 */
class RandomProgramTest {
    static final int PROGRAMS = 300;

    @Test
    void three_hundred_random_programs_match_the_dual_number_reference() {
        Map<String, Integer> opsSeen = new HashMap<>();
        for (long seed = 1; seed <= PROGRAMS; seed++) {
            RandomProgram p = RandomProgram.of(seed);
            Tracer.Traced traced = Tracer.trace(p.source());
            assertTrue(traced.ok(), () -> "seed " + "\n" + p.source() + "\n" + traced.error().describe());
            Map<String, Node> byName = new HashMap<>();
            for (Node n : traced.trace().nodes()) {
                if (n.name() != null) byName.put(n.name(), n);
                opsSeen.merge(n.op().id(), 1, Integer::sum);
            }
            assertEquals(p.names().size(), byName.size(), "every line names one node");
            for (int line = 0; line < p.names().size(); line++) {
                String name = p.names().get(line);
                Node n = byName.get(name);
                String where = "seed " + seed + ", " + name + "\n" + p.source();
                RandomProgram.assertRelative(p.value(line), n.value(), "value of " + where);
                RandomProgram.assertRelative(p.grad(line), n.grad(), "grad of " + where);
            }
        }
        // the generator really covers the op set, so the check above covers every op
        for (String op : new String[] {"input", "const", "add", "sub", "mul", "div", "neg", "pow", "exp", "log", "tanh", "sigmoid", "relu"}) {
            assertTrue(opsSeen.getOrDefault(op, 0) >= 20, op + " appears only " + opsSeen.get(op) + " times");
        }
    }

    @Test
    void the_same_seed_gives_the_same_program() {
        assertEquals(RandomProgram.of(42).source(), RandomProgram.of(42).source());
    }
}
