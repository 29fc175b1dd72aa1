package org.stepgrad.web.live;

import io.javalin.http.sse.SseClient;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.stepgrad.live.Classroom;
import org.stepgrad.live.LiveError;
import org.stepgrad.live.LiveState;
import org.stepgrad.live.LiveStore;

/**
 * The SSE streams this instance holds, by session. A published state is written once as JSON
 * and queued to each stream; each stream drains its own queue on a small pool, in order, so one
 * slow phone never holds up the others. A heartbeat comments every quiet stream, reports this
 * instance's counts to the store, and re-reads each session's state so a change missed while
 * Redis was away still arrives.
 */
final class Streams implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Streams.class);
    private static final int QUEUE = 64; // past this a stream is far behind; it keeps the newest events

    private final Classroom classroom;
    private final BiFunction<String, LiveState, String> render;
    private final java.util.function.Consumer<String> countChanged;
    private final Map<String, Set<Stream>> byCode = new ConcurrentHashMap<>();
    private final Map<String, Long> latest = new ConcurrentHashMap<>(); // newest version fanned out per session
    private final AtomicInteger open = new AtomicInteger();
    private final ExecutorService fanner; // one thread: states are queued to streams in the order they came
    private final ExecutorService writers;
    private final ScheduledExecutorService ticker;

    Streams(Classroom classroom, BiFunction<String, LiveState, String> render, java.util.function.Consumer<String> countChanged) {
        this.classroom = classroom;
        this.render = render;
        this.countChanged = countChanged;
        this.fanner = Executors.newSingleThreadExecutor(daemon("stepgrad-live-fan-out"));
        this.writers = Executors.newFixedThreadPool(4, daemon("stepgrad-live-writer"));
        this.ticker = Executors.newSingleThreadScheduledExecutor(daemon("stepgrad-live-heartbeat"));
        long every = classroom.limits().heartbeat().toMillis();
        ticker.scheduleWithFixedDelay(this::heartbeat, every, every, TimeUnit.MILLISECONDS);
        classroom.store().listen(p -> fanner.execute(() -> fanOut(p.code(), p.state())));
    }

    private static ThreadFactory daemon(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /** Refuses a stream when this instance holds as many as it may. */
    void admit() {
        if (open.get() >= classroom.limits().streams()) {
            throw new LiveError(LiveError.Kind.FULL, "This server follows as many students as it may ("
                    + classroom.limits().streams() + "); try again in a minute.");
        }
    }

    int open() {
        return open.get();
    }

    /** Holds {@code client} open for {@code code}; sends the current state unless the client has it already. */
    void open(SseClient client, String code, long lastEventId) {
        Stream stream = new Stream(client);
        stream.sent = lastEventId; // before it joins: a change fanned out meanwhile must not be undone
        Set<Stream> streams = byCode.computeIfAbsent(code, c -> ConcurrentHashMap.newKeySet());
        streams.add(stream);
        open.incrementAndGet();
        client.onClose(() -> close(code, stream));
        client.keepAlive();
        classroom.store().streaming(code, streams.size());
        countChanged.accept(code);
        try {
            LiveState state = classroom.state(code);
            if (state.version() > lastEventId) stream.offer(new Event(state.version(), render.apply(code, state)));
        } catch (LiveError e) {
            stream.offer(new Event(-1, null)); // the store is away: the heartbeat sends the state when it is back
        }
    }

    private void close(String code, Stream stream) {
        Set<Stream> streams = byCode.get(code);
        if (streams != null && streams.remove(stream)) {
            open.decrementAndGet();
            try {
                classroom.store().streaming(code, streams.size());
                countChanged.accept(code);
            } catch (LiveError ignored) {
                // the count is refreshed by the next heartbeat
            }
            if (streams.isEmpty()) byCode.remove(code, streams);
        }
    }

    private void fanOut(String code, LiveState state) {
        Set<Stream> streams = byCode.get(code);
        if (streams == null || streams.isEmpty()) return;
        if (latest.merge(code, state.version(), Math::max) > state.version()) return; // an older change, overtaken
        String data;
        try {
            data = render.apply(code, state);
        } catch (LiveError e) {
            return; // the store went away between the change and its rendering; the heartbeat catches up
        }
        Event event = new Event(state.version(), data);
        for (Stream s : streams) s.offer(event);
    }

    private void heartbeat() {
        try {
            for (Map.Entry<String, Set<Stream>> e : byCode.entrySet()) {
                String code = e.getKey();
                try {
                    classroom.store().streaming(code, e.getValue().size());
                    LiveState state = classroom.state(code);
                    long newest = e.getValue().stream().mapToLong(s -> s.sent).min().orElse(Long.MAX_VALUE);
                    if (state.version() > newest) {
                        fanner.execute(() -> {
                            latest.remove(code);
                            fanOut(code, state);
                        });
                    }
                } catch (LiveError ignored) {
                    // Redis is away or the session ended: streams keep their last state
                }
                for (Stream s : e.getValue()) s.offer(Event.HEARTBEAT);
            }
        } catch (RuntimeException e) {
            LOG.warn("live heartbeat failed: {}", e.toString());
        }
    }

    /** Sends the current state again now, to every stream of every session, if it is newer than theirs (after Redis returns). */
    void catchUp() {
        ticker.execute(this::heartbeat);
    }

    @Override
    public void close() {
        ticker.shutdownNow();
        fanner.shutdownNow();
        writers.shutdownNow();
        // no client.close() here: the server has stopped and recycled their requests already
    }

    /** A state event to write (version and JSON), or the heartbeat (data null). */
    private record Event(long version, String data) {
        static final Event HEARTBEAT = new Event(-1, null);
    }

    /** One open stream and its queue, drained by one writer at a time. */
    private final class Stream {
        final SseClient client;
        final ArrayDeque<Event> queue = new ArrayDeque<>();
        final AtomicBoolean draining = new AtomicBoolean();
        volatile long sent;

        Stream(SseClient client) {
            this.client = client;
        }

        void offer(Event event) {
            synchronized (queue) {
                if (queue.size() >= QUEUE) queue.pollFirst();
                queue.addLast(event);
            }
            if (draining.compareAndSet(false, true)) writers.execute(this::drain);
        }

        private void drain() {
            try {
                while (true) {
                    Event e;
                    synchronized (queue) {
                        e = queue.pollFirst();
                        if (e == null) {
                            draining.set(false);
                            return;
                        }
                    }
                    if (client.terminated()) continue;
                    if (e.data() == null) client.sendComment("heartbeat");
                    else if (e.version() > sent) {
                        client.sendEvent("state", e.data(), String.valueOf(e.version()));
                        sent = e.version();
                    }
                }
            } catch (RuntimeException ex) {
                draining.set(false);
                client.close(); // a stream that cannot be written to is gone
            }
        }
    }
}
