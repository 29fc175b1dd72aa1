package org.stepgrad.web.view;

import java.util.List;

/**
 * Everything the stepper fragment prints: the graph at the step, the narration, and the
 * controls as real links, so the page steps without JavaScript too. Lessons, embeds and the
 * playground all fill one of these.
 *
 * @param replayUrl where the stepper's script fetches the replay JSON
 * @param viewUrl   where it fetches the graph with other groups open
 * @param points    the "previous point" / "next point" links, or null when the graph has no clusters
 * @param source    the program drawn, for the numeric gradient check ("" when larger than the check takes)
 */
public record StepperView(GraphView graph, String summary, Position at, Narration narration, Links links,
                          Scrubber scrubber, PointNav points, String replayUrl, String viewUrl, String source) {

    /** Where the page stands: step {@code step} of {@code stepCount}, the first {@code forwardSteps} forward. */
    public record Position(int step, int stepCount, int forwardSteps) {
    }

    /** The step's headline, its sentence, and on the way back one sentence per input the gradient went to. */
    public record Narration(String headline, String text, List<String> sends) {
        public Narration {
            sends = List.copyOf(sends);
        }
    }

    /** The page's own URL at the steps its controls go to. */
    public record Links(String start, String prev, String next, String forwardEnd, String end) {
    }

    /**
     * The scrubber's no-script form (to {@code action}, with {@code fields} kept) and its two
     * phase bands, in a viewBox one unit per step.
     */
    public record Scrubber(String action, List<Field> fields, String phaseBox, String forwardWidth, String backwardX,
                           String backwardWidth) {
        public Scrubber {
            fields = List.copyOf(fields);
        }
    }

    /** Links that jump to the first step of the previous or next cluster ("point 4"). */
    public record PointNav(String prevHref, String nextHref, String prevTitle, String nextTitle, String focus) {
    }

    /** A hidden form field the scrubber form carries along (the source, the lesson). */
    public record Field(String name, String value) {
    }

    public boolean atStart() {
        return at.step() == 0;
    }

    public boolean atEnd() {
        return at.step() == at.stepCount();
    }
}
