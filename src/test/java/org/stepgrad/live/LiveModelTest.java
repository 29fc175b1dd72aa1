package org.stepgrad.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The live classroom's model without a server: codes, keys, states, answers, the rate limit. */
class LiveModelTest {
    private final SecureRandom random = new SecureRandom();

    @Test
    void join_codes_use_no_look_alike_characters_and_are_read_as_typed() {
        for (char c : "0O1IL5S2Z8B".toCharArray()) assertTrue(JoinCode.ALPHABET.indexOf(c) < 0, "no " + c);
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String code = JoinCode.random(random);
            assertEquals(6, code.length());
            assertEquals(Optional.of(code), JoinCode.parse(code));
            seen.add(code);
        }
        assertTrue(seen.size() > 990, "codes are random");
        assertEquals(Optional.of("KX7RMT"), JoinCode.parse(" kx7-rmt "));
        assertEquals(Optional.empty(), JoinCode.parse("KX7RM0"));
        assertEquals(Optional.empty(), JoinCode.parse("KX7RM"));
        assertEquals(Optional.empty(), JoinCode.parse(null));
    }

    @Test
    void a_presenter_key_has_256_random_bits_and_only_its_hash_matches_it() {
        String key = PresenterKey.random(random);
        assertEquals(32, java.util.Base64.getUrlDecoder().decode(key).length);
        String hash = PresenterKey.hash(key);
        assertFalse(hash.contains(key));
        assertTrue(PresenterKey.matches(key, hash));
        assertFalse(PresenterKey.matches(key + "x", hash));
        assertFalse(PresenterKey.matches("", hash));
        assertFalse(PresenterKey.matches(null, hash));
        assertFalse(PresenterKey.matches(key, "not hex"));
    }

    @Test
    void a_change_moves_the_step_within_bounds_keeps_versions_growing_and_hides_the_poll_on_another_step() {
        LiveState s = LiveState.start(1000);
        LiveState shown = s.apply(new LiveState.Change(null, null, LiveState.Reveal.HISTOGRAM), 10, 900);
        assertTrue(shown.histogramShown() && !shown.answerShown());
        assertEquals(1001, shown.version(), "a clock behind the store still moves the version on");
        LiveState both = shown.apply(new LiveState.Change(null, true, LiveState.Reveal.ANSWER), 10, 5000);
        assertTrue(both.histogramShown() && both.answerShown() && both.paused());
        assertEquals(5000, both.version());
        LiveState moved = both.apply(new LiveState.Change(3, null, null), 10, 5000);
        assertEquals(3, moved.step());
        assertFalse(moved.histogramShown() || moved.answerShown());
        assertTrue(moved.paused());
        assertEquals(10, moved.apply(new LiveState.Change(50, null, null), 10, 0).step());
        LiveState hidden = both.apply(new LiveState.Change(null, null, LiveState.Reveal.NONE), 10, 0);
        assertFalse(hidden.histogramShown() || hidden.answerShown());
    }

    @Test
    void answers_are_cleaned_and_grouped_numbers_written_one_way() {
        assertEquals("3", Answers.clean(" 3.0 "));
        assertEquals("-4", Answers.clean("−4"));
        assertEquals("0.5", Answers.clean(".50"));
        assertEquals("0", Answers.clean("-0.0"));
        assertEquals("a b", Answers.clean(" a \n b "));
        assertNull(Answers.clean("   "));
        assertNull(Answers.clean("x".repeat(201)));
        assertEquals(200, Answers.clean("😀".repeat(200)).codePointCount(0, 400), "200 characters, not 200 chars");
        Tally t = Answers.tally(List.of("3", "-4", "-4", "b", "a"));
        assertEquals(5, t.count());
        assertEquals(List.of(new Tally.Bar("-4", 2), new Tally.Bar("3", 1), new Tally.Bar("a", 1), new Tally.Bar("b", 1)), t.histogram());
    }

    @Test
    void the_rate_limit_allows_a_burst_then_one_per_interval() {
        AtomicLong now = new AtomicLong();
        RateLimit limit = new RateLimit(3, Duration.ofSeconds(2), now::get, 100);
        assertTrue(limit.allow("s") && limit.allow("s") && limit.allow("s"));
        assertFalse(limit.allow("s"));
        assertTrue(limit.allow("t"), "each name has its own bucket");
        now.addAndGet(Duration.ofSeconds(2).toNanos());
        assertTrue(limit.allow("s"));
        assertFalse(limit.allow("s"));
    }

    @Test
    void the_memory_store_keeps_the_last_answer_and_refuses_a_full_poll() {
        MemoryStore store = new MemoryStore(Duration.ofHours(1), 2);
        Session s = new Session("ACDEFG", "l", null, 10, List.of(4), PresenterKey.hash("k"));
        assertTrue(store.create(s, LiveState.start(1)));
        assertFalse(store.create(s, LiveState.start(1)), "a code is made once");
        assertTrue(store.answer("ACDEFG", 0, "one", "1"));
        assertTrue(store.answer("ACDEFG", 0, "one", "2"));
        assertTrue(store.answer("ACDEFG", 0, "two", "2"));
        assertFalse(store.answer("ACDEFG", 0, "three", "2"));
        assertTrue(store.answer("ACDEFG", 0, "two", "3"), "a counted student may still change their answer");
        assertEquals(2, store.tally("ACDEFG", 0).count());
        assertFalse(store.publish("ACDEFG", new LiveState(1, 5, false, false, false)), "an old version is not stored");
        assertTrue(store.publish("ACDEFG", new LiveState(2, 5, false, false, false)));
        assertEquals(5, store.state("ACDEFG").orElseThrow().step());
    }
}
