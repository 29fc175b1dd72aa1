package org.stepgrad.web.pages;

import java.util.List;
import org.stepgrad.lesson.Lesson;

/**
 * A loaded lesson as part of a cache key. Equal only to itself: a lesson reloaded from
 * LESSONS_DIR is a new object, so the pages of its old version are simply never asked for again,
 * and comparing keys never walks a lesson's whole trace.
 */
record Loaded(Lesson lesson) {
    static List<Loaded> all(List<Lesson> lessons) {
        return lessons.stream().map(Loaded::new).toList();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Loaded l && l.lesson == lesson;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(lesson);
    }
}
