package org.stepgrad.lesson;

/** Why a lesson file was not loaded: the file, the place in it, and a sentence. */
public record LessonProblem(String file, int line, int column, String message) {
    /** "lessons/03-chain-rule.yaml:12:5: narration 2 names 'qq', which is not a node of the graph". */
    public String describe() {
        return file + ":" + line + ":" + column + ": " + message;
    }
}
