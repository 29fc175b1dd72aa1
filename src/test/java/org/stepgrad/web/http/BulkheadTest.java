package org.stepgrad.web.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class BulkheadTest {
    @Test
    void when_every_permit_is_held_the_next_caller_is_told_to_retry() throws Exception {
        Bulkhead bulkhead = new Bulkhead(1, 0, 10);
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread holder = new Thread(() -> bulkhead.call(() -> {
            holding.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return null;
        }));
        holder.start();
        holding.await();
        ApiError busy = assertThrows(ApiError.class, () -> bulkhead.call(() -> 1));
        assertEquals(503, busy.status());
        assertEquals(Bulkhead.BUSY, busy.getMessage());
        assertEquals(2, busy.retryAfterSeconds());
        release.countDown();
        holder.join();
        assertEquals(1, bulkhead.available());
        assertEquals(7, bulkhead.call(() -> 7), "free again once the holder is done");
    }

    @Test
    void work_that_calls_bounded_work_holds_one_permit_not_two() {
        Bulkhead bulkhead = new Bulkhead(1, 0, 10);
        assertEquals(3, bulkhead.call(() -> bulkhead.call(() -> bulkhead.call(() -> 3))));
        assertEquals(1, bulkhead.available());
    }

    @Test
    void a_failure_inside_gives_the_permit_back() {
        Bulkhead bulkhead = new Bulkhead(1, 0, 10);
        assertThrows(IllegalStateException.class, () -> bulkhead.call(() -> {
            throw new IllegalStateException("boom");
        }));
        assertEquals(1, bulkhead.available());
    }
}
