package org.stepgrad.live;

/**
 * Where the class is: the teacher's step, whether students may step on their own, and what of the
 * current checkpoint's poll is shown. {@code version} only grows, and is the SSE event id.
 */
public record LiveState(long version, int step, boolean paused, boolean histogramShown, boolean answerShown) {
    public static LiveState start(long now) {
        return new LiveState(now, 0, false, false, false);
    }

    /**
     * This state changed by {@code change}, with a version above this one's and not below the
     * clock's, so versions keep growing even after a store is restored from an older snapshot.
     * Moving to another step hides the poll again: each checkpoint is revealed on its own.
     */
    public LiveState apply(Change change, int steps, long now) {
        int s = change.step() == null ? step : Math.max(0, Math.min(steps, change.step()));
        boolean moved = s != step;
        boolean p = change.paused() == null ? paused : change.paused();
        boolean h = moved ? false : histogramShown;
        boolean a = moved ? false : answerShown;
        if (change.reveal() != null) {
            switch (change.reveal()) {
                case HISTOGRAM -> h = true;
                case ANSWER -> a = true;
                case NONE -> {
                    h = false;
                    a = false;
                }
            }
        }
        return new LiveState(Math.max(version + 1, now), s, p, h, a);
    }

    /** What the teacher asks to show. */
    public enum Reveal {
        NONE, HISTOGRAM, ANSWER
    }

    /** The fields a teacher changes; null leaves a field as it is. */
    public record Change(Integer step, Boolean paused, Reveal reveal) {
    }
}
