package org.stepgrad.web.http;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.function.Function;
import java.util.function.ToLongBiFunction;

/**
 * The one cache abstraction of the web layer: keyed by a record of everything an answer depends
 * on (never a hand-joined string or an identity hash), bounded by the bytes its entries hold, so
 * a flood of distinct requests evicts old answers instead of exhausting the heap.
 *
 * @param <K> a record: equal keys mean equal answers
 */
public final class ByteCache<K extends Record, V> {
    private final Cache<K, V> cache;

    private ByteCache(long maxBytes, ToLongBiFunction<? super K, ? super V> bytes) {
        this.cache = Caffeine.newBuilder()
                .maximumWeight(maxBytes)
                .weigher((K key, V value) -> (int) Math.min(Integer.MAX_VALUE, bytes.applyAsLong(key, value) + 64))
                .build();
    }

    /** A cache of at most {@code maxBytes}, each entry weighed by {@code bytes} (key and value together). */
    public static <K extends Record, V> ByteCache<K, V> of(long maxBytes, ToLongBiFunction<? super K, ? super V> bytes) {
        return new ByteCache<>(maxBytes, bytes);
    }

    /** Finished responses, weighed by their body (and gzip form) plus what {@code keyBytes} says the key holds. */
    public static <K extends Record> ByteCache<K, Cached> responses(long maxBytes, java.util.function.ToLongFunction<? super K> keyBytes) {
        return new ByteCache<>(maxBytes, (k, c) -> keyBytes.applyAsLong(k) + 2L * c.body().length);
    }

    /** The cached answer for {@code key}, computing it once (concurrent callers of one key wait for one computation). */
    public V get(K key, Function<? super K, ? extends V> compute) {
        return cache.get(key, compute);
    }

    /** The cached answer, or null. */
    public V peek(K key) {
        return cache.getIfPresent(key);
    }

    /** Holds {@code value} for {@code key}, in place of any earlier one. */
    public void put(K key, V value) {
        cache.put(key, value);
    }

    public void clear() {
        cache.invalidateAll();
    }
}
