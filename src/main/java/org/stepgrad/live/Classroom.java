package org.stepgrad.live;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.security.SecureRandom;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * The live classroom's rules over a store: making sessions, driving them with the presenter key,
 * taking anonymous answers and counting them. Knows nothing of HTTP.
 */
public final class Classroom {
    private static final int TRIES = 8;

    private final LiveStore store;
    private final Limits limits;
    private final LongSupplier millis;
    private final SecureRandom random = new SecureRandom();
    private final RateLimit answering;
    private final Cache<String, Boolean> made;
    // a session never changes once made, so each instance reads it from the store once a minute at most
    private final Cache<String, Session> sessions = Caffeine.newBuilder().maximumSize(20_000)
            .expireAfterWrite(java.time.Duration.ofMinutes(1)).build();

    public Classroom(LiveStore store, Limits limits, LongSupplier millis, LongSupplier nanos) {
        this.store = store;
        this.limits = limits;
        this.millis = millis;
        this.answering = new RateLimit(limits.answerBurst(), limits.answerEvery(), nanos, 100_000);
        this.made = Caffeine.newBuilder().expireAfterWrite(limits.idle()).build();
    }

    public LiveStore store() {
        return store;
    }

    public Limits limits() {
        return limits;
    }

    /** A new session and its presenter key, the only time the key is seen. */
    public record Created(Session session, String key, LiveState state) {
    }

    /** Makes a session about a lesson ({@code lesson} set) or a program ({@code source} set). */
    public Created create(String lesson, String source, int steps, List<Integer> checkpointSteps) {
        made.cleanUp();
        if (made.estimatedSize() >= limits.sessions()) {
            throw new LiveError(LiveError.Kind.FULL, "This server runs as many live sessions as it may ("
                    + limits.sessions() + "); try again later.");
        }
        String key = PresenterKey.random(random);
        LiveState state = LiveState.start(millis.getAsLong());
        for (int i = 0; i < TRIES; i++) {
            Session session = new Session(JoinCode.random(random), lesson, source, steps, checkpointSteps, PresenterKey.hash(key));
            if (store.create(session, state)) {
                made.put(session.code(), Boolean.TRUE);
                return new Created(session, key, state);
            }
        }
        throw new LiveError(LiveError.Kind.FULL, "No free join code was found; try again.");
    }

    public Session session(String code) {
        Session known = sessions.getIfPresent(code);
        if (known != null) return known;
        Session s = store.session(code).orElseThrow(() -> LiveError.unknown(code));
        sessions.put(code, s);
        return s;
    }

    public LiveState state(String code) {
        return store.state(code).orElseThrow(() -> LiveError.unknown(code));
    }

    /** Checks the presenter key, or refuses; the same sentence for a missing and a wrong key. */
    public Session authorize(String code, String key) {
        Session session = session(code);
        if (!PresenterKey.matches(key, session.keyHash())) {
            throw new LiveError(LiveError.Kind.FORBIDDEN, "Only the presenter may do this: send the session's key as "
                    + "'Authorization: Bearer <key>'.");
        }
        return session;
    }

    /** The teacher's change, applied and sent to every student; retried if another change got there first. */
    public LiveState drive(String code, String key, LiveState.Change change) {
        Session session = authorize(code, key);
        for (int i = 0; i < TRIES; i++) {
            LiveState next = state(code).apply(change, session.steps(), millis.getAsLong());
            if (store.publish(code, next)) return next;
        }
        throw new LiveError(LiveError.Kind.UNAVAILABLE, "The change collided with others too often; send it again.");
    }

    /** A student's answer to checkpoint {@code checkpoint}; the last one a student sends counts. */
    public void answer(String code, int checkpoint, String student, String text) {
        Session session = session(code);
        if (checkpoint < 0 || checkpoint >= session.checkpointSteps().size()) {
            throw new LiveError(LiveError.Kind.INVALID, session.checkpointSteps().isEmpty()
                    ? "This session has no checkpoints to answer."
                    : "This session's checkpoints are numbered 0 to " + (session.checkpointSteps().size() - 1) + ".");
        }
        if (student == null || !student.matches("[A-Za-z0-9_-]{8,64}")) {
            throw new LiveError(LiveError.Kind.INVALID, "The student id must be 8 to 64 letters, digits, '-' or '_'.");
        }
        String answer = Answers.clean(text);
        if (answer == null) {
            throw new LiveError(LiveError.Kind.INVALID, "An answer must hold 1 to " + Answers.MAX_LENGTH + " characters.");
        }
        if (!answering.allow(code + "/" + student)) {
            throw new LiveError(LiveError.Kind.TOO_MANY, "That is many answers at once; wait a moment and send your last one again.");
        }
        if (!store.answer(code, checkpoint, student, answer)) {
            throw new LiveError(LiveError.Kind.FULL, "This poll has counted as many students as it may (" + limits.answersPerPoll() + ").");
        }
    }

    /** The presenter's view of a poll. */
    public Tally tally(String code, String key, int checkpoint) {
        Session session = authorize(code, key);
        if (checkpoint < 0 || checkpoint >= session.checkpointSteps().size()) {
            throw new LiveError(LiveError.Kind.INVALID, session.checkpointSteps().isEmpty()
                    ? "This session has no checkpoints." : "Ask for a checkpoint from 0 to " + (session.checkpointSteps().size() - 1) + ".");
        }
        return store.tally(code, checkpoint);
    }
}
