package org.stepgrad.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Two instances sharing one real redis-server (with an append-only file), each answered through
 * a real HTTP client: what one instance is told, the other's students see.
 */
class LiveRedisTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    static RedisProcess redis = RedisProcess.start(true);
    static Limits limits = Limits.defaults().withHeartbeat(Duration.ofMillis(500));
    static LiveInstance a = LiveInstance.start(redis.url(), limits);
    static LiveInstance b = LiveInstance.start(redis.url(), limits);

    @AfterAll
    static void stop() {
        a.stop();
        b.stop();
        redis.close();
    }

    @Test
    void students_on_one_instance_follow_a_teacher_on_the_other() {
        JsonNode s = a.lesson("chain-rule");
        String code = s.get("code").asText();
        String key = s.get("key").asText();
        try (EventStream onB = b.events(code); EventStream onA = a.events(code)) {
            assertEquals(0, LiveInstance.parse(onB.next(WAIT).data()).get("step").asInt());
            assertEquals(0, LiveInstance.parse(onA.next(WAIT).data()).get("step").asInt());
            for (int step = 1; step <= 6; step++) {
                LiveInstance teacher = step % 2 == 0 ? a : b; // any instance takes the teacher's request
                assertEquals(204, teacher.step(code, key, step).statusCode());
            }
            for (int step = 1; step <= 6; step++) {
                assertEquals(step, LiveInstance.parse(onB.next(WAIT).data()).get("step").asInt());
                assertEquals(step, LiveInstance.parse(onA.next(WAIT).data()).get("step").asInt());
            }
            try (EventStream late = b.events(code)) {
                JsonNode first = LiveInstance.parse(late.next(WAIT).data());
                assertEquals(6, first.get("step").asInt(), "a late joiner on either instance starts at the teacher's step");
            }
            waitFor(() -> LiveInstance.parse(a.get("/api/sessions/" + code).body()).get("students").asInt() == 2,
                    "the teacher's count sums the streams of both instances");
        }
    }

    @Test
    void the_key_is_checked_on_every_instance() {
        JsonNode s = a.lesson("chain-rule");
        String code = s.get("code").asText();
        assertEquals(403, b.step(code, "wrong", 2).statusCode());
        assertEquals(403, b.post("/api/sessions/" + code + "/state", "{\"step\": 2}").statusCode());
        assertEquals(403, b.get("/api/sessions/" + code + "/answers?checkpoint=0").statusCode());
        assertEquals(204, b.step(code, s.get("key").asText(), 2).statusCode());
        assertEquals(404, b.get("/api/sessions/ACDEFG").statusCode());
    }

    @Test
    void answers_sent_to_both_instances_count_once_per_student() {
        JsonNode s = a.lesson("chain-rule");
        String code = s.get("code").asText();
        for (int i = 0; i < 40; i++) {
            LiveInstance to = i % 2 == 0 ? a : b;
            assertEquals(202, to.answer(code, 0, "student-" + i + "-xyz", i % 4 == 0 ? "3" : "-4").statusCode());
        }
        for (int i = 0; i < 5; i++) assertEquals(202, b.answer(code, 0, "student-" + i + "-xyz", "-4").statusCode()); // sent twice
        JsonNode tally = LiveInstance.parse(b.get("/api/sessions/" + code + "/answers?checkpoint=0", s.get("key").asText()).body());
        assertEquals(40, tally.get("count").asInt());
        assertEquals("-4", tally.get("histogram").get(0).get("answer").asText());
        assertEquals(32, tally.get("histogram").get(0).get("count").asInt(), "10 said 3, then students 0 and 4 changed to -4");
        assertEquals(32, tally.get("right").asInt());
        assertEquals("3", tally.get("histogram").get(1).get("answer").asText());
        assertEquals(8, tally.get("histogram").get(1).get("count").asInt());
    }

    @Test
    void redis_restarted_with_its_data_mid_session_resumes_and_a_new_student_starts_at_the_new_step() {
        JsonNode s = a.lesson("chain-rule");
        String code = s.get("code").asText();
        String key = s.get("key").asText();
        assertEquals(204, a.step(code, key, 3).statusCode());
        try (EventStream student = b.events(code)) {
            assertEquals(3, LiveInstance.parse(student.next(WAIT).data()).get("step").asInt());
            redis.kill();
            HttpResponse<String> away = a.step(code, key, 4);
            assertEquals(503, away.statusCode(), "the teacher is told: " + away.body());
            assertTrue(LiveInstance.parse(away.body()).get("error").asText().contains("Redis"));
            assertEquals(503, b.get("/api/sessions/" + code).statusCode());
            redis.restart();
            waitFor(() -> a.step(code, key, 5).statusCode() == 204, "the teacher steps again once Redis is back");
            JsonNode next = LiveInstance.parse(student.next(WAIT).data());
            assertEquals(5, next.get("step").asInt(), "the student who stayed connected gets the new step");
            try (EventStream fresh = b.events(code)) {
                assertEquals(5, LiveInstance.parse(fresh.next(WAIT).data()).get("step").asInt());
            }
            try (EventStream fresh = a.events(code)) {
                assertEquals(5, LiveInstance.parse(fresh.next(WAIT).data()).get("step").asInt());
            }
        }
    }

    @Test
    void a_quiet_stream_gets_heartbeats() {
        String code = a.lesson("chain-rule").get("code").asText();
        try (EventStream student = b.events(code)) {
            student.next(WAIT);
            waitFor(() -> student.comments() >= 2, "comment lines keep the stream open");
        }
    }

    static void waitFor(java.util.function.BooleanSupplier condition, String what) {
        List<Throwable> seen = new ArrayList<>();
        long until = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (System.nanoTime() < until) {
            try {
                if (condition.getAsBoolean()) return;
            } catch (RuntimeException | AssertionError e) {
                seen.add(e);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        throw new AssertionError(what + " did not happen within 15 s" + (seen.isEmpty() ? "" : ": " + seen.get(seen.size() - 1)));
    }
}
