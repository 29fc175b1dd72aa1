package org.stepgrad.lesson;

/** A mistake in a lesson file at a place in it; the loader adds the file name. */
final class LessonException extends RuntimeException {
    final int line;
    final int column;

    LessonException(int line, int column, String message) {
        super(message, null, false, false);
        this.line = line;
        this.column = column;
    }

    LessonException(YamlNode at, String message) {
        this(at.line(), at.column(), message);
    }
}
