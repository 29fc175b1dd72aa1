package org.stepgrad.replay;

/**
 * A replay as plain text, step by step: what the headline, the narration and each changed node
 * say. This is what the golden files hold, so their diffs read like the page.
 */
final class Transcript {
    private Transcript() {
    }

    static String of(Replay replay) {
        StringBuilder out = new StringBuilder();
        out.append(replay.trace().nodes().size()).append(" nodes, ").append(replay.stepCount()).append(" steps, ")
                .append(replay.groups().size()).append(" clusters\n");
        for (Replay.NodeText n : replay.nodes()) {
            if (n.formulaStep() < 0) out.append("  ").append(n.label()).append(": ").append(n.formula()).append('\n');
        }
        for (Replay.Frame f : replay.frames()) {
            out.append("\n[").append(f.step()).append("] ").append(f.headline()).append('\n');
            out.append(f.text()).append('\n');
            for (String send : f.sends()) out.append("  → ").append(send).append('\n');
            for (Replay.EdgeMark e : f.edges()) if (!e.label().isEmpty()) out.append("  edge ").append(e.edge()).append(' ').append(e.label()).append('\n');
            for (Replay.NodeText n : replay.nodes()) {
                for (Replay.Shown s : n.shown()) {
                    if (s.step() == f.step() && f.step() > 0) {
                        out.append("  ").append(n.label()).append(": ").append(s.value()).append(" | ").append(s.grad()).append('\n');
                    }
                }
            }
        }
        for (Replay.Group g : replay.groups()) {
            out.append("\ncluster ").append(g.label()).append(": ");
            for (ClusterWalk.Summary s : g.summaries()) out.append('[').append(s.step()).append("] ").append(s.text()).append("; ");
            out.append('\n');
        }
        return out.toString();
    }
}
