package org.stepgrad.live;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisConnectionStateListener;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import java.net.SocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Sessions in Redis, shared by every instance: a hash per session (what it is about, the latest
 * state), a hash per poll (student → last answer), a hash of stream counts per instance, and one
 * pub/sub channel that carries each state change to every instance. Writes that must not race are
 * Lua scripts. Commands fail at once while Redis is away (never queue), so no request hangs.
 */
public final class RedisStore implements LiveStore {
    private static final String CHANNEL = "stepgrad:live:states";
    private static final Duration FRESH = Duration.ofSeconds(45); // an instance's count older than this is gone

    private static final String CREATE = """
            if redis.call('exists', KEYS[1]) == 1 then return 0 end
            redis.call('hset', KEYS[1], unpack(ARGV, 2))
            redis.call('expire', KEYS[1], ARGV[1])
            return 1""";
    private static final String PUBLISH = """
            local v = redis.call('hget', KEYS[1], 'version')
            if not v then return -1 end
            if tonumber(v) >= tonumber(ARGV[2]) then return 0 end
            redis.call('hset', KEYS[1], 'version', ARGV[2], 'step', ARGV[3], 'paused', ARGV[4], 'hist', ARGV[5], 'ans', ARGV[6])
            redis.call('expire', KEYS[1], ARGV[1])
            redis.call('publish', KEYS[2], ARGV[7])
            return 1""";
    private static final String ANSWER = """
            if redis.call('exists', KEYS[2]) == 0 then return -1 end
            if redis.call('hexists', KEYS[1], ARGV[3]) == 0 and redis.call('hlen', KEYS[1]) >= tonumber(ARGV[2]) then return 0 end
            redis.call('hset', KEYS[1], ARGV[3], ARGV[4])
            redis.call('expire', KEYS[1], ARGV[1])
            return 1""";

    private final RedisClient client;
    private final StatefulRedisConnection<String, String> connection;
    private final RedisCommands<String, String> redis;
    private final StatefulRedisPubSubConnection<String, String> pubsub;
    private final List<Consumer<Published>> listeners = new CopyOnWriteArrayList<>();
    private final List<Runnable> reconnected = new CopyOnWriteArrayList<>();
    private final String instance = UUID.randomUUID().toString();
    private final long ttl;
    private final int maxAnswers;
    private final LongSupplier millis;
    private volatile boolean healthy = true;

    /** Connects to {@code url} (redis://host:port/db); fails if Redis cannot be reached now. */
    public RedisStore(String url, Duration idle, int maxAnswers, LongSupplier millis) {
        this.ttl = idle.toSeconds();
        this.maxAnswers = maxAnswers;
        this.millis = millis;
        RedisURI uri = RedisURI.create(url);
        uri.setTimeout(Duration.ofSeconds(2));
        client = RedisClient.create(uri);
        client.setOptions(ClientOptions.builder()
                .autoReconnect(true)
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .timeoutOptions(TimeoutOptions.enabled(Duration.ofSeconds(2)))
                .build());
        client.addListener(new RedisConnectionStateListener() {
            @Override
            public void onRedisConnected(io.lettuce.core.RedisChannelHandler<?, ?> handler, SocketAddress address) {
                healthy = true;
                for (Runnable r : reconnected) r.run();
            }

            @Override
            public void onRedisDisconnected(io.lettuce.core.RedisChannelHandler<?, ?> handler) {
                healthy = false;
            }
        });
        connection = client.connect();
        redis = connection.sync();
        pubsub = client.connectPubSub();
        pubsub.addListener(new RedisPubSubAdapter<>() {
            @Override
            public void message(String channel, String message) {
                Published p = decode(message);
                if (p == null) return;
                for (Consumer<Published> l : listeners) l.accept(p);
            }
        });
        pubsub.sync().subscribe(CHANNEL);
    }

    private static String key(String code) {
        return "stepgrad:live:{" + code + "}"; // the braces keep a session's keys in one cluster slot
    }

    private static String answersKey(String code, int checkpoint) {
        return key(code) + ":a:" + checkpoint;
    }

    private static String viewersKey(String code) {
        return key(code) + ":viewers";
    }

    @Override
    public boolean create(Session s, LiveState state) {
        List<String> args = new ArrayList<>(List.of(String.valueOf(ttl),
                "steps", String.valueOf(s.steps()),
                "checkpoints", join(s.checkpointSteps()),
                "keyHash", s.keyHash(),
                "version", String.valueOf(state.version()), "step", String.valueOf(state.step()),
                "paused", flag(state.paused()), "hist", flag(state.histogramShown()), "ans", flag(state.answerShown())));
        if (s.lesson() != null) args.addAll(List.of("lesson", s.lesson()));
        if (s.source() != null) args.addAll(List.of("source", s.source()));
        Long made = call(() -> redis.eval(CREATE, ScriptOutputType.INTEGER, new String[] {key(s.code())}, args.toArray(String[]::new)));
        return made == 1L;
    }

    @Override
    public Optional<Session> session(String code) {
        Map<String, String> h = call(() -> redis.hgetall(key(code)));
        if (h.isEmpty() || !h.containsKey("keyHash")) return Optional.empty();
        return Optional.of(new Session(code, h.get("lesson"), h.get("source"), Integer.parseInt(h.get("steps")),
                split(h.get("checkpoints")), h.get("keyHash")));
    }

    @Override
    public Optional<LiveState> state(String code) {
        List<String> v = call(() -> redis.hmget(key(code), "version", "step", "paused", "hist", "ans")).stream()
                .map(kv -> kv.getValueOrElse(null)).toList();
        if (v.get(0) == null) return Optional.empty();
        return Optional.of(new LiveState(Long.parseLong(v.get(0)), Integer.parseInt(v.get(1)), "1".equals(v.get(2)),
                "1".equals(v.get(3)), "1".equals(v.get(4))));
    }

    @Override
    public boolean publish(String code, LiveState n) {
        Long done = call(() -> redis.eval(PUBLISH, ScriptOutputType.INTEGER, new String[] {key(code), CHANNEL},
                String.valueOf(ttl), String.valueOf(n.version()), String.valueOf(n.step()), flag(n.paused()),
                flag(n.histogramShown()), flag(n.answerShown()), encode(code, n)));
        if (done == -1L) throw LiveError.unknown(code);
        return done == 1L;
    }

    @Override
    public boolean answer(String code, int checkpoint, String student, String answer) {
        Long done = call(() -> redis.eval(ANSWER, ScriptOutputType.INTEGER, new String[] {answersKey(code, checkpoint), key(code)},
                String.valueOf(ttl), String.valueOf(maxAnswers), student, answer));
        if (done == -1L) throw LiveError.unknown(code);
        return done == 1L;
    }

    @Override
    public Tally tally(String code, int checkpoint) {
        return Answers.tally(call(() -> redis.hvals(answersKey(code, checkpoint))));
    }

    @Override
    public void streaming(String code, int count) {
        String key = viewersKey(code);
        try {
            var async = connection.async(); // counts are advisory: never wait on them
            if (count == 0) async.hdel(key, instance);
            else async.hset(key, instance, count + ":" + millis.getAsLong());
            async.expire(key, FRESH.toSeconds());
            async.expire(key(code), ttl); // a session being watched does not expire
        } catch (RedisException e) {
            healthy = false;
        }
    }

    @Override
    public int students(String code) {
        Map<String, String> counts = call(() -> redis.hgetall(viewersKey(code)));
        long since = millis.getAsLong() - FRESH.toMillis();
        int sum = 0;
        for (String v : counts.values()) {
            int colon = v.indexOf(':');
            if (colon > 0 && Long.parseLong(v.substring(colon + 1)) >= since) sum += Integer.parseInt(v.substring(0, colon));
        }
        return sum;
    }

    @Override
    public void listen(Consumer<Published> listener) {
        listeners.add(listener);
    }

    /** Runs {@code r} each time a connection to Redis is made again, so instances can catch up on what they missed. */
    public void onReconnect(Runnable r) {
        reconnected.add(r);
    }

    @Override
    public boolean healthy() {
        return healthy && connection.isOpen();
    }

    @Override
    public void close() {
        try {
            pubsub.close();
            connection.close();
        } finally {
            client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        }
    }

    private <T> T call(Supplier<T> command) {
        try {
            T result = command.get();
            healthy = true;
            return result;
        } catch (RedisException e) {
            healthy = false;
            throw new LiveError(LiveError.Kind.UNAVAILABLE, "The live classroom's store (Redis) cannot be reached; "
                    + "students keep what they see, and it resumes when the store is back.");
        }
    }

    static String encode(String code, LiveState s) {
        return code + "|" + s.version() + "|" + s.step() + "|" + flag(s.paused()) + "|" + flag(s.histogramShown()) + "|" + flag(s.answerShown());
    }

    static Published decode(String message) {
        String[] p = message.split("\\|");
        if (p.length != 6) return null;
        try {
            return new Published(p[0], new LiveState(Long.parseLong(p[1]), Integer.parseInt(p[2]), "1".equals(p[3]),
                    "1".equals(p[4]), "1".equals(p[5])));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String flag(boolean b) {
        return b ? "1" : "0";
    }

    private static String join(List<Integer> steps) {
        StringBuilder s = new StringBuilder();
        for (int step : steps) s.append(s.isEmpty() ? "" : ",").append(step);
        return s.toString();
    }

    private static List<Integer> split(String steps) {
        if (steps == null || steps.isEmpty()) return List.of();
        List<Integer> out = new ArrayList<>();
        for (String s : steps.split(",")) out.add(Integer.parseInt(s));
        return out;
    }
}
