package org.stepgrad.web.view;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** One link vocabulary: k and it are read first, knobs and iteration only where they are absent, and only k and it are written. */
class KnobLinkTest {
    private static KnobLink read(Map<String, String> query) {
        return KnobLink.read(query::get);
    }

    @Test
    void the_new_names_are_read_and_the_old_ones_stand_in_for_them() {
        assertEquals(new KnobLink("1,2", 3), read(Map.of("k", "1,2", "it", "3")));
        assertEquals(new KnobLink("1,2", 3), read(Map.of("knobs", "1,2", "iteration", "3")));
        assertEquals(new KnobLink("1,2", 3), read(Map.of("k", "1,2", "it", "3", "knobs", "9,9", "iteration", "8")), "the new names win");
        assertEquals(new KnobLink("1,2", -1), read(Map.of("k", "1,2")));
        assertEquals(new KnobLink(null, -1), read(Map.of()));
        assertEquals(new KnobLink(null, 0), read(Map.of("it", "nonsense")), "a mangled iteration opens at 0");
    }

    @Test
    void links_are_written_with_k_and_it_and_exact_knobs() {
        assertEquals("&k=0.1,-2,1.0e-7&it=4", KnobLink.of(new double[] {0.1, -2, 1e-7}, 4).query());
        assertEquals("&k=0.5,1", KnobLink.of(new double[] {0.5, 1}, -1).query());
        assertEquals("", KnobLink.of(null, 5).query(), "the start needs no knobs in its link");
    }
}
