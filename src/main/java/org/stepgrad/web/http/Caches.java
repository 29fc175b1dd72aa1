package org.stepgrad.web.http;

import org.stepgrad.replay.Replay;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * The bounded caches the page controllers keep, so a class opening one link computes its page
 * once: replays weighed by their nodes, finished pages and JSON by their bytes.
 */
public final class Caches {
    private Caches() {
    }

    /** Replays by key, up to 200,000 nodes in all. */
    public static Cache<String, Replay> replays() {
        return Caffeine.newBuilder()
                .maximumWeight(200_000)
                .weigher((String key, Replay r) -> r.trace().nodes().size() + 1)
                .build();
    }

    /** Finished responses by key, up to 64 MB in all. */
    public static Cache<String, Cached> pages() {
        return Caffeine.newBuilder()
                .maximumWeight(64L << 20)
                .weigher((String key, Cached c) -> c.body().length + key.length())
                .build();
    }
}
