package org.stepgrad.web.http;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Bounds the expensive work (tracing, layout, fitting) to as many computations at once as there
 * are cores, so a burst of distinct programs cannot take every thread from the cheap cached
 * pages. A caller waits briefly for a permit; beyond that, or when too many already wait, it is
 * answered 503 with Retry-After. Re-entrant: work that calls other bounded work holds one permit.
 */
public final class Bulkhead {
    public static final String BUSY = "the server is busy computing other graphs; try again in a moment";

    private final Semaphore permits;
    private final int maxWaiting;
    private final long waitMillis;
    private final AtomicInteger waiting = new AtomicInteger();
    private final ThreadLocal<int[]> held = ThreadLocal.withInitial(() -> new int[1]);

    public Bulkhead(int permits, int maxWaiting, long waitMillis) {
        this.permits = new Semaphore(permits, true);
        this.maxWaiting = maxWaiting;
        this.waitMillis = waitMillis;
    }

    /** One permit per core, four waiters per permit, a two-second wait. */
    public static Bulkhead forCores() {
        int cores = Math.max(1, Runtime.getRuntime().availableProcessors());
        return new Bulkhead(cores, 4 * cores, 2_000);
    }

    /** Runs {@code work} under a permit, or throws {@link ApiError} 503 when none comes in time. */
    public <T> T call(Supplier<T> work) {
        int[] depth = held.get();
        if (depth[0] > 0) return run(work, depth);
        if (waiting.incrementAndGet() > maxWaiting + permits.availablePermits()) {
            waiting.decrementAndGet();
            throw ApiError.busy(BUSY, 2);
        }
        boolean acquired;
        try {
            acquired = permits.tryAcquire(waitMillis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            acquired = false;
        } finally {
            waiting.decrementAndGet();
        }
        if (!acquired) throw ApiError.busy(BUSY, 2);
        try {
            return run(work, depth);
        } finally {
            permits.release();
        }
    }

    private static <T> T run(Supplier<T> work, int[] depth) {
        depth[0]++;
        try {
            return work.get();
        } finally {
            depth[0]--;
        }
    }

    /** Permits free right now (for tests and the readiness answer). */
    public int available() {
        return permits.availablePermits();
    }
}
