package org.stepgrad.web.http;

/** A count a client sends in a URL or header (a step, an event id): read leniently, never refused. */
public final class Counts {
    private Counts() {
    }

    /**
     * The count {@code text} holds; absent, negative or mangled reads as 0, so a broken permalink
     * still opens and a garbled {@code Last-Event-ID} simply starts a stream from the current state.
     */
    public static long lenient(String text) {
        if (text == null) return 0;
        try {
            return Math.max(0, Long.parseLong(text.trim()));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
