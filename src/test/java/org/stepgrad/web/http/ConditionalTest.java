package org.stepgrad.web.http;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** If-None-Match read as RFC 9110 says, against the examples of §13.1.2 and §8.8.3.2. */
class ConditionalTest {
    @Test
    void tags_match_weakly_in_lists_and_star_matches_anything() {
        assertTrue(Conditional.noneMatchFails("\"xyzzy\"", "\"xyzzy\""));
        assertTrue(Conditional.noneMatchFails("W/\"xyzzy\"", "\"xyzzy\""));
        assertTrue(Conditional.noneMatchFails("\"xyzzy\"", "W/\"xyzzy\""));
        assertTrue(Conditional.noneMatchFails("\"r2d2xxxx\", \"c3piozzzz\", \"xyzzy\"", "\"xyzzy\""));
        assertTrue(Conditional.noneMatchFails("W/\"a\",W/\"xyzzy\"", "\"xyzzy\""));
        assertTrue(Conditional.noneMatchFails(" * ", "\"anything\""));
        assertTrue(Conditional.noneMatchFails("\"a, b\", \"c\"", "\"c\""), "a comma inside a tag does not split it");
        assertTrue(Conditional.noneMatchFails("\"p-gz\"", "\"p\"", "\"p-gz\""), "either encoding's tag");
        assertFalse(Conditional.noneMatchFails("\"a, b\"", "\"b\""));
        assertFalse(Conditional.noneMatchFails("\"xyzzy\"", "\"XYZZY\""), "tags are case-sensitive");
        assertFalse(Conditional.noneMatchFails(null, "\"x\""));
        assertFalse(Conditional.noneMatchFails("", "\"x\""));
        assertFalse(Conditional.noneMatchFails("xyzzy", "\"xyzzy\""), "an unquoted tag is not a tag");
        assertFalse(Conditional.noneMatchFails("\"unterminated", "\"unterminated\""));
    }
}
