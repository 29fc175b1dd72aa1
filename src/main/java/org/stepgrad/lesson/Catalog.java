package org.stepgrad.lesson;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** The lessons that loaded, in course order, and the files that did not, with why. */
public record Catalog(List<Lesson> lessons, List<LessonProblem> problems) {
    public Catalog {
        lessons = lessons.stream().sorted(Comparator.comparingInt(Lesson::order).thenComparing(Lesson::id)).toList();
        problems = List.copyOf(problems);
    }

    public Optional<Lesson> find(String id) {
        return lessons.stream().filter(l -> l.id().equals(id)).findFirst();
    }

    /** Why the file that would have been the lesson {@code id} did not load, if it is one that did not. */
    public Optional<LessonProblem> problem(String id) {
        return problems.stream().filter(p -> p.isFileOf(id)).findFirst();
    }

    /** The lesson after this one in the course, if any. */
    public Optional<Lesson> next(Lesson lesson) {
        int i = lessons.indexOf(lesson);
        return i >= 0 && i + 1 < lessons.size() ? Optional.of(lessons.get(i + 1)) : Optional.empty();
    }
}
