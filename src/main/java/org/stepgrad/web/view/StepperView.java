package org.stepgrad.web.view;

import java.util.List;

/**
 * Everything the stepper fragment prints: the graph at the step, the narration, and the
 * controls as real links, so the page steps without JavaScript too. Lessons, embeds and the
 * playground all fill one of these.
 *
 * @param replayUrl   where the stepper's script fetches the replay JSON
 * @param formAction  where the scrubber's no-script form goes, with {@code fields} kept
 * @param points      the "previous point" / "next point" links, or null when the graph has no clusters
 */
public record StepperView(GraphView graph, String summary, int step, int stepCount, int forwardSteps,
                          String headline, String narration, List<String> sends, String replayUrl,
                          String startHref, String prevHref, String nextHref, String forwardEndHref, String endHref,
                          String formAction, List<Field> fields, String phaseBox, String forwardWidth,
                          String backwardX, String backwardWidth, PointNav points) {
    public StepperView {
        sends = List.copyOf(sends);
        fields = List.copyOf(fields);
    }

    /** Links that jump to the first step of the previous or next cluster ("point 4"). */
    public record PointNav(String prevHref, String nextHref, String prevTitle, String nextTitle, String focus) {
    }

    /** A hidden form field the scrubber form carries along (the source, the lesson). */
    public record Field(String name, String value) {
    }

    public boolean atStart() {
        return step == 0;
    }

    public boolean atEnd() {
        return step == stepCount;
    }
}
