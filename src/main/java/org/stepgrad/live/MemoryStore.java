package org.stepgrad.live;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** Sessions in this process only: the default, for one server. Idle sessions expire. */
public final class MemoryStore implements LiveStore {
    private final Cache<String, Room> rooms;
    private final List<Consumer<Published>> listeners = new CopyOnWriteArrayList<>();
    private final int maxAnswers;

    public MemoryStore(Duration idle, int maxAnswers) {
        this.rooms = Caffeine.newBuilder().expireAfterAccess(idle).build();
        this.maxAnswers = maxAnswers;
    }

    /** One session's data; answers keyed by checkpoint, then student. */
    private static final class Room {
        final Session session;
        volatile LiveState state;
        volatile int streaming;
        final Map<Integer, Map<String, String>> answers = new ConcurrentHashMap<>();

        Room(Session session, LiveState state) {
            this.session = session;
            this.state = state;
        }
    }

    @Override
    public boolean create(Session session, LiveState state) {
        return rooms.asMap().putIfAbsent(session.code(), new Room(session, state)) == null;
    }

    @Override
    public Optional<Session> session(String code) {
        return room(code).map(r -> r.session);
    }

    @Override
    public Optional<LiveState> state(String code) {
        return room(code).map(r -> r.state);
    }

    @Override
    public boolean publish(String code, LiveState next) {
        Room room = rooms.getIfPresent(code);
        if (room == null) return false;
        synchronized (room) {
            if (next.version() <= room.state.version()) return false;
            room.state = next;
        }
        Published p = new Published(code, next);
        for (Consumer<Published> l : listeners) l.accept(p);
        return true;
    }

    @Override
    public boolean answer(String code, int checkpoint, String student, String answer) {
        Room room = rooms.getIfPresent(code);
        if (room == null) throw LiveError.unknown(code);
        Map<String, String> poll = room.answers.computeIfAbsent(checkpoint, i -> new ConcurrentHashMap<>());
        if (poll.size() >= maxAnswers && !poll.containsKey(student)) return false;
        poll.put(student, answer);
        return true;
    }

    @Override
    public Tally tally(String code, int checkpoint) {
        return room(code).map(r -> Answers.tally(r.answers.getOrDefault(checkpoint, Map.of()).values()))
                .orElseGet(() -> Answers.tally(List.of()));
    }

    @Override
    public void streaming(String code, int count) {
        Room room = rooms.getIfPresent(code); // a read: a stream's heartbeat keeps its session from expiring
        if (room != null) room.streaming = count;
    }

    @Override
    public int students(String code) {
        Room room = rooms.asMap().get(code);
        return room == null ? 0 : room.streaming;
    }

    @Override
    public void listen(Consumer<Published> listener) {
        listeners.add(listener);
    }

    @Override
    public boolean healthy() {
        return true;
    }

    @Override
    public void close() {
        rooms.invalidateAll();
    }

    private Optional<Room> room(String code) {
        return Optional.ofNullable(rooms.getIfPresent(code));
    }
}
