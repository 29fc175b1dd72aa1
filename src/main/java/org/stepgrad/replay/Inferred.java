package org.stepgrad.replay;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Groups guessed from names, for a large program that declares none: an assignment named
 * {@code something_s} joins group s (r_3, x_3 → "point 3"), and one named {@code s} itself joins it
 * too (h1 beside net_h1 → "neuron h1"). Kept only when two groups hold two nodes each.
 */
final class Inferred {
    /** The top-level paths, in the order first written, and each assignment's path (-1 when shared). */
    record Guess(List<Headers.Path> paths, int[] pathOf) {
    }

    private Inferred() {
    }

    /**
     * @param names the assigned name of each assignment, in written order (null when it has none)
     * @param sizes how many nodes each assignment made
     */
    static Guess of(String[] names, int[] sizes) {
        int count = names.length;
        String[] keyOf = new String[count];
        Map<String, int[]> members = new LinkedHashMap<>(); // key → {nodes, neuron?}
        for (int a = 0; a < count; a++) {
            keyOf[a] = names[a] == null ? null : Clusters.suffix(names[a]);
            if (keyOf[a] != null) members.computeIfAbsent(keyOf[a], k -> new int[2])[0] += sizes[a];
        }
        // h1 = sigmoid(net_h1): a value named exactly like a group's suffix is that group's result
        for (int a = 0; a < count; a++) {
            if (keyOf[a] != null || names[a] == null || !members.containsKey(names[a])) continue;
            keyOf[a] = names[a];
            int[] m = members.get(names[a]);
            m[0] += sizes[a];
            m[1] = 1;
        }
        members.values().removeIf(m -> m[0] < 2);
        int[] pathOf = new int[count];
        Arrays.fill(pathOf, -1);
        List<Headers.Path> paths = new ArrayList<>();
        if (members.size() < 2) return new Guess(paths, pathOf);
        Map<String, Integer> idOf = new LinkedHashMap<>();
        for (Map.Entry<String, int[]> e : members.entrySet()) {
            idOf.put(e.getKey(), paths.size());
            paths.add(new Headers.Path(-1, Headers.cut(Clusters.label(e.getKey(), e.getValue()[1] == 1), Headers.MAX_LABEL)));
        }
        for (int a = 0; a < count; a++) if (keyOf[a] != null) pathOf[a] = idOf.getOrDefault(keyOf[a], -1);
        return new Guess(paths, pathOf);
    }
}
