package org.stepgrad.replay;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The groups a program declares with {@code ## label} comment lines, read from its text: a tree of
 * label paths in the order first written, and for every source line the path open on it.
 *
 * <p>{@code ## a / b} opens b inside a; {@code ##} alone or {@code ## end} closes back to the top;
 * the same path written again opens the same group. {@code ###…} is an ordinary comment, so
 * decorative rules of hashes declare nothing.
 */
final class Headers {
    /** Longer labels are cut, so a box title stays one line. */
    static final int MAX_LABEL = 60;

    /** One declared path: its label and the path it sits in (-1 for the top level). */
    record Path(int parent, String label) {
    }

    private final List<Path> paths;
    private final int[] openAt;

    private Headers(List<Path> paths, int[] openAt) {
        this.paths = List.copyOf(paths);
        this.openAt = openAt;
    }

    /** Reads the headers of {@code source}; lines are counted as the lexer counts them, from 1. */
    static Headers of(String source) {
        List<Path> paths = new ArrayList<>();
        Map<Path, Integer> known = new HashMap<>();
        if (source == null) return new Headers(paths, new int[0]);
        int lines = 1;
        for (int i = 0; i < source.length(); i++) if (source.charAt(i) == '\n') lines++;
        int[] openAt = new int[lines + 1];
        int open = -1;
        int line = 1;
        int start = 0;
        while (start <= source.length()) {
            int end = source.indexOf('\n', start);
            if (end < 0) end = source.length();
            String header = header(source.substring(start, end));
            if (header != null) open = open(header, paths, known);
            openAt[line] = open;
            line++;
            start = end + 1;
        }
        return new Headers(paths, openAt);
    }

    /** The text after "##" on a header line, or null when the line is not a header. */
    static String header(String line) {
        String t = line.strip();
        if (!t.startsWith("##") || (t.length() > 2 && t.charAt(2) == '#')) return null;
        return t.substring(2).strip();
    }

    /** The path a header opens (creating its parts the first time), or -1 when it closes to the top. */
    private static int open(String header, List<Path> paths, Map<Path, Integer> known) {
        if (header.isEmpty() || header.equalsIgnoreCase("end")) return -1;
        int at = -1;
        for (String part : header.split("/")) {
            String label = cut(part.strip(), MAX_LABEL);
            if (label.isEmpty()) continue;
            Path path = new Path(at, label);
            Integer id = known.get(path);
            if (id == null) {
                id = paths.size();
                paths.add(path);
                known.put(path, id);
            }
            at = id;
        }
        return at;
    }

    /** "a long label" cut to {@code max} characters, ending with "…" when it was cut. */
    static String cut(String text, int max) {
        if (text.length() <= max) return text;
        return text.substring(0, max - 1).stripTrailing() + "…";
    }

    boolean declaresAny() {
        return !paths.isEmpty();
    }

    List<Path> paths() {
        return paths;
    }

    /** The path open on a source line, or -1 at the top level (and for lines the text does not have). */
    int openAt(int line) {
        return line > 0 && line < openAt.length ? openAt[line] : -1;
    }
}
