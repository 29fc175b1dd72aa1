package org.stepgrad.replay;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * The groups of a graph while {@link Hierarchy} builds them: mutable, numbered in creation order.
 * A child is a node id (≥ 0) or a group, written {@code -(group + 1)}, so one list keeps both in
 * written order.
 */
final class GroupTree {
    final List<String> labels = new ArrayList<>();
    final List<Integer> parents = new ArrayList<>();
    final List<Hierarchy.Kind> kinds = new ArrayList<>();
    final List<List<Integer>> children = new ArrayList<>();
    // the leaf labels a series spans, so a series of series is still named by its points
    private final List<String> firsts = new ArrayList<>();
    private final List<String> lasts = new ArrayList<>();

    static int ref(int group) {
        return -(group + 1);
    }

    static boolean isGroup(int child) {
        return child < 0;
    }

    static int group(int child) {
        return -child - 1;
    }

    int size() {
        return labels.size();
    }

    /** A new group, appended to its parent's children (none for the root, whose parent is -1). */
    int add(String label, int parent, Hierarchy.Kind kind) {
        int id = labels.size();
        labels.add(label);
        parents.add(parent);
        kinds.add(kind);
        children.add(new ArrayList<>());
        firsts.add(label);
        lasts.add(label);
        if (parent >= 0) children.get(parent).add(ref(id));
        return id;
    }

    void addNode(int group, int node) {
        children.get(group).add(node);
    }

    /**
     * Splits a group's children, in order, into consecutive series of at most {@code max}, and those
     * into series again until the group itself holds at most {@code max}; chunks are even, so no
     * series is a straggler of one.
     */
    void bucket(int group, int max, IntFunction<String> nodeLabel) {
        List<Integer> level = children.get(group);
        if (level.size() <= max) return;
        // a line's parts are mostly unnamed ("2", "+"): name its series by position instead
        boolean line = kinds.get(group) == Hierarchy.Kind.LINE;
        int firstNode = level.get(0); // a line's nodes are consecutive ids
        IntFunction<String> rangeLabel = line ? node -> Integer.toString(node - firstNode + 1) : nodeLabel;
        while (level.size() > max) {
            int count = level.size();
            int chunks = (count + max - 1) / max;
            List<Integer> next = new ArrayList<>(chunks);
            for (int c = 0; c < chunks; c++) {
                int from = (int) ((long) c * count / chunks);
                int to = (int) ((long) (c + 1) * count / chunks);
                List<Integer> part = new ArrayList<>(level.subList(from, to));
                String first = first(part.get(0), rangeLabel);
                String last = last(part.get(part.size() - 1), rangeLabel);
                int series = labels.size();
                labels.add(line ? Headers.cut(labels.get(group), Headers.MAX_LABEL - 20) + ", nodes " + first + "–" + last : seriesLabel(first, last));
                parents.add(group);
                kinds.add(Hierarchy.Kind.SERIES);
                children.add(part);
                firsts.add(first);
                lasts.add(last);
                for (int child : part) if (isGroup(child)) parents.set(group(child), series);
                next.add(ref(series));
            }
            level = next;
        }
        children.set(group, level);
        for (int child : level) if (isGroup(child)) parents.set(group(child), group);
    }

    private String first(int child, IntFunction<String> nodeLabel) {
        return isGroup(child) ? firsts.get(group(child)) : nodeLabel.apply(child);
    }

    private String last(int child, IntFunction<String> nodeLabel) {
        return isGroup(child) ? lasts.get(group(child)) : nodeLabel.apply(child);
    }

    /** "points 1–24" when both ends read "point <n>"; otherwise "r_1 … r_24". */
    static String seriesLabel(String first, String last) {
        int a = first.indexOf(' ');
        int b = last.indexOf(' ');
        if (a > 0 && b > 0 && first.substring(0, a).equals(last.substring(0, b))
                && numbered(first.substring(a + 1)) && numbered(last.substring(b + 1))) {
            return Headers.cut(plural(first.substring(0, a)) + " " + first.substring(a + 1) + "–" + last.substring(b + 1), Headers.MAX_LABEL);
        }
        int side = (Headers.MAX_LABEL - 3) / 2;
        return Headers.cut(first, side) + " … " + Headers.cut(last, side);
    }

    /** "3", "h1": one word ending in a digit, so "the loss … the knobs" is not read as a numbered run. */
    private static boolean numbered(String rest) {
        return !rest.isEmpty() && rest.indexOf(' ') < 0 && Character.isDigit(rest.charAt(rest.length() - 1));
    }

    static String plural(String word) {
        if (word.endsWith("ss") || word.endsWith("x") || word.endsWith("ch") || word.endsWith("sh")) return word + "es";
        return word.endsWith("s") ? word : word + "s";
    }
}
