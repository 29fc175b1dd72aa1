package org.stepgrad.live;

import java.time.Duration;

/**
 * The bounds of the live classroom on one instance.
 *
 * @param idle          a session nobody touches for this long expires
 * @param sessions      sessions this instance may make within {@code idle}
 * @param streams       SSE streams this instance holds open at once
 * @param answersPerPoll distinct students one checkpoint counts
 * @param answerBurst   answers a student may send at once, then one per {@code answerEvery}
 * @param heartbeat     how often a quiet stream gets a comment line, so proxies keep it open
 */
public record Limits(Duration idle, int sessions, int streams, int answersPerPoll, int answerBurst, Duration answerEvery,
                     Duration heartbeat) {
    public static Limits defaults() {
        return new Limits(Duration.ofHours(6), 10_000, 5_000, 5_000, 5, Duration.ofSeconds(2), Duration.ofSeconds(15));
    }

    public Limits withHeartbeat(Duration every) {
        return new Limits(idle, sessions, streams, answersPerPoll, answerBurst, answerEvery, every);
    }

    public Limits withStreams(int max) {
        return new Limits(idle, sessions, max, answersPerPoll, answerBurst, answerEvery, heartbeat);
    }
}
