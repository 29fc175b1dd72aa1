package org.stepgrad.live;

import java.util.List;

/** A checkpoint's answers, counted: one per student (the last one sent), grouped, most given first. */
public record Tally(int count, List<Bar> histogram) {
    public Tally {
        histogram = List.copyOf(histogram);
    }

    /** One distinct answer and how many gave it. */
    public record Bar(String answer, int count) {
    }
}
