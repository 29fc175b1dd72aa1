package org.stepgrad.live;

import java.util.Optional;
import java.util.function.Consumer;

/**
 * Where sessions, their latest state and their answers are kept, and how a state change reaches
 * every instance. In memory for one server; in Redis for several. A store that cannot be reached
 * throws {@link LiveError} of kind UNAVAILABLE.
 */
public interface LiveStore extends AutoCloseable {
    /** Keeps a new session; false when its code is taken. */
    boolean create(Session session, LiveState state);

    Optional<Session> session(String code);

    Optional<LiveState> state(String code);

    /**
     * Stores {@code next} if its version is above the stored one, and tells every instance's
     * listener; false when a newer state got there first.
     */
    boolean publish(String code, LiveState next);

    /** Keeps {@code answer} as the student's answer to checkpoint {@code checkpoint}; false when the poll is full. */
    boolean answer(String code, int checkpoint, String student, String answer);

    Tally tally(String code, int checkpoint);

    /** Sets how many students this instance streams to in the session (0 forgets it). */
    void streaming(String code, int count);

    /** Students streaming the session on every instance. */
    int students(String code);

    /** Called, on some store thread, with each state published by any instance. */
    void listen(Consumer<Published> listener);

    /** Whether the store answered its last request; a Redis store says false while Redis is away. */
    boolean healthy();

    @Override
    void close();

    /** A state change, as it reaches the listeners. */
    record Published(String code, LiveState state) {
    }
}
