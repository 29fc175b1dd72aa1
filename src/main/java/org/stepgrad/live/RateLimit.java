package org.stepgrad.live;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * A token bucket per name: {@code burst} at once, then one more every {@code every}. Forgets
 * names idle for a minute, so it holds only the students who are answering now.
 */
public final class RateLimit {
    private final int burst;
    private final long everyNanos;
    private final LongSupplier clock;
    private final Cache<String, Bucket> buckets;

    public RateLimit(int burst, Duration every, LongSupplier nanoClock, int maxNames) {
        this.burst = burst;
        this.everyNanos = every.toNanos();
        this.clock = nanoClock;
        this.buckets = Caffeine.newBuilder().expireAfterAccess(Duration.ofMinutes(1)).maximumSize(maxNames).build();
    }

    private static final class Bucket {
        double tokens;
        long at;
    }

    /** Takes a token for {@code name}; false when it has none left. */
    public boolean allow(String name) {
        long now = clock.getAsLong();
        Bucket b = buckets.get(name, n -> {
            Bucket fresh = new Bucket();
            fresh.tokens = burst;
            fresh.at = now;
            return fresh;
        });
        synchronized (b) {
            b.tokens = Math.min(burst, b.tokens + (double) (now - b.at) / everyNanos);
            b.at = now;
            if (b.tokens < 1) return false;
            b.tokens -= 1;
            return true;
        }
    }
}
