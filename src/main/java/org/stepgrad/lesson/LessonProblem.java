package org.stepgrad.lesson;

/** Why a lesson file was not loaded: the file, the place in it, and a sentence. */
public record LessonProblem(String file, int line, int column, String message) {
    /** "lessons/03-chain-rule.yaml:12:5: narration 2 names 'qq', which is not a node of the graph". */
    public String describe() {
        return file + ":" + line + ":" + column + ": " + message;
    }

    /** The same without the folder, as a page shows it to whoever reads it: "chain-rule.yaml:12:5". */
    public String place() {
        int slash = file.lastIndexOf('/');
        return file.substring(slash + 1) + ":" + line + ":" + column;
    }

    /** Whether this is the file that would have been the lesson {@code id}. */
    public boolean isFileOf(String id) {
        String name = file.substring(file.lastIndexOf('/') + 1);
        return name.equals(id + ".yaml") || name.equals(id + ".yml");
    }
}
