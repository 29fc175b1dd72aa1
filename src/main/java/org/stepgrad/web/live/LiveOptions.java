package org.stepgrad.web.live;

import java.util.Map;
import org.stepgrad.live.Limits;

/**
 * How the live classroom is kept: in this process (no URL) or in the Redis at {@code redisUrl},
 * shared with every instance that names the same one.
 */
public record LiveOptions(String redisUrl, Limits limits) {
    public static LiveOptions memory() {
        return new LiveOptions(null, Limits.defaults());
    }

    /** REDIS_URL, when set and not blank. */
    public static LiveOptions fromEnvironment(Map<String, String> env) {
        String url = env.get("REDIS_URL");
        return new LiveOptions(url == null || url.isBlank() ? null : url.trim(), Limits.defaults());
    }
}
