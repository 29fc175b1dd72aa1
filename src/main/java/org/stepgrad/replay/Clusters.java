package org.stepgrad.replay;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.stepgrad.engine.Node;
import org.stepgrad.engine.Trace;

/**
 * Which nodes belong together, so a large graph can be stepped one data point (or neuron) at a
 * time. A node joins cluster {@code s} when the assignment on its source line is named
 * {@code something_s} (r_3, x_3 → "3"; net_h1 → "h1"), or is named {@code s} itself (h1 beside
 * net_h1). Unnamed nodes go with their line's assignment; everything else (k0, loss) is shared.
 * Clusters are numbered in the order their first node was written.
 */
public final class Clusters {
    /** One group: its suffix, a readable label, and the node its summary reports (its last named node). */
    public record Cluster(int id, String key, String label, int output, int size) {
    }

    public static final Clusters NONE = new Clusters(new int[0], List.of());

    /** Below this many nodes a graph fits on screen as it is: no clusters, so small lessons look as they always did. */
    static final int MIN_NODES = 80;

    private final int[] clusterOf;
    private final List<Cluster> clusters;

    private Clusters(int[] clusterOf, List<Cluster> clusters) {
        this.clusterOf = clusterOf;
        this.clusters = List.copyOf(clusters);
    }

    /** Groups a large trace's nodes by the names on their lines; no groups unless two hold two nodes each. */
    public static Clusters of(Trace trace, int[] nodeLine) {
        return of(trace, nodeLine, MIN_NODES);
    }

    public static Clusters of(Trace trace, int[] nodeLine, int minNodes) {
        if (trace == null || nodeLine == null || trace.nodes().size() < minNodes) return NONE;
        List<Node> nodes = trace.nodes();
        int n = nodes.size();
        String[] keyOf = new String[n];
        // an assignment's unnamed parts are built just before its named result, on the same line
        String pending = null;
        for (int id = n - 1; id >= 0; id--) {
            Node node = nodes.get(id);
            boolean sameLine = id + 1 < n && nodeLine[id] == nodeLine[id + 1];
            if (node.name() != null) pending = suffix(node.name());
            else if (!sameLine) pending = null;
            keyOf[id] = pending;
        }
        Map<String, List<Integer>> members = new LinkedHashMap<>();
        for (int id = 0; id < n; id++) if (keyOf[id] != null) members.computeIfAbsent(keyOf[id], k -> new ArrayList<>()).add(id);
        // h1 = sigmoid(net_h1): a value named exactly like a group's suffix is that group's result
        for (int id = 0; id < n; id++) {
            String name = nodes.get(id).name();
            if (keyOf[id] != null || name == null || !members.containsKey(name)) continue;
            int line = nodeLine[id];
            for (int j = id; j >= 0 && nodeLine[j] == line && (j == id || nodes.get(j).name() == null); j--) {
                keyOf[j] = name;
                members.get(name).add(j);
            }
        }
        members.values().removeIf(m -> m.size() < 2);
        if (members.size() < 2) return NONE;

        int[] clusterOf = new int[n];
        Arrays.fill(clusterOf, -1);
        List<Cluster> clusters = new ArrayList<>();
        for (Map.Entry<String, List<Integer>> e : members.entrySet()) {
            int c = clusters.size();
            int output = -1;
            boolean neuron = false;
            for (int id : e.getValue()) {
                clusterOf[id] = c;
                String name = nodes.get(id).name();
                if (name != null && id > output) output = id;
                if (e.getKey().equals(name)) neuron = true;
            }
            clusters.add(new Cluster(c, e.getKey(), label(e.getKey(), neuron), output, e.getValue().size()));
        }
        return new Clusters(clusterOf, clusters);
    }

    /** "r_3" → "3"; null when the name has no suffix after an underscore. */
    static String suffix(String name) {
        int at = name.lastIndexOf('_');
        return at <= 0 || at == name.length() - 1 ? null : name.substring(at + 1);
    }

    /** "point 3" for numbered data, "neuron h1" for a group with a value of its own name, else "group s". */
    static String label(String key, boolean neuron) {
        if (key.chars().allMatch(Character::isDigit)) return "point " + key;
        return (neuron ? "neuron " : "group ") + key;
    }

    public boolean isEmpty() {
        return clusters.isEmpty();
    }

    public List<Cluster> all() {
        return clusters;
    }

    /** The cluster a node sits in, or -1 when it is shared. */
    public int of(int node) {
        return node < clusterOf.length ? clusterOf[node] : -1;
    }
}
