package org.stepgrad.web.view;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.stepgrad.expr.Tracer;
import org.stepgrad.layout.LayoutCache;
import org.stepgrad.lesson.Lesson;
import org.stepgrad.lesson.LessonLibrary;
import org.stepgrad.replay.Hierarchy;
import org.stepgrad.replay.Replay;

/**
 * Opening a group in place never lays a box over another: for every lesson with groups, each
 * group opened alone (with the groups above it, as the stepper opens them), no two boxes that sit
 * side by side in one open group overlap. (The classifier's neuron groups once spread over the
 * shut neurons below them, which were centred a few pixels left of the opened one.)
 */
class OpenGroupsOverlapTest {
    @Test
    void no_opened_group_covers_its_siblings_in_any_lesson() {
        GraphViews views = new GraphViews(new LayoutCache(2_000_000));
        List<String> failures = new ArrayList<>();
        int checked = 0;
        for (Lesson lesson : LessonLibrary.open(Path.of("lessons")).current().lessons()) {
            Tracer.Traced traced = Tracer.trace(lesson.program());
            Replay replay = new Replay(traced.trace(), traced.nodeLine(), lesson.program());
            Hierarchy h = replay.hierarchy();
            for (Hierarchy.Group g : h.groups()) {
                if (g.id() == 0) continue;
                Set<Integer> open = new java.util.TreeSet<>();
                for (int p = g.id(); p > 0; p = h.group(p).parent()) open.add(p);
                GraphView view = views.at(replay, open, 0, List.of());
                checked++;
                List<double[]> boxes = new ArrayList<>();
                List<String> names = new ArrayList<>();
                List<Integer> parents = new ArrayList<>();
                for (GraphView.GroupView c : view.groups()) {
                    boxes.add(box(c.transform(), c.width(), c.height()));
                    names.add("group " + c.label());
                    parents.add(h.group(c.id()).parent());
                }
                for (GraphView.NodeView n : view.nodes()) {
                    boxes.add(box(n.transform(), n.width(), n.height()));
                    names.add("node " + n.label());
                    parents.add(h.groupOf(n.id()));
                }
                for (int i = 0; i < boxes.size(); i++) {
                    for (int j = i + 1; j < boxes.size(); j++) {
                        if (!parents.get(i).equals(parents.get(j))) continue; // a frame holds what is inside it
                        if (overlap(boxes.get(i), boxes.get(j))) {
                            failures.add(lesson.id() + ", " + g.label() + " open: " + names.get(i) + " overlaps " + names.get(j));
                        }
                    }
                }
            }
        }
        assertTrue(checked > 50, "groups opened: " + checked);
        assertTrue(failures.isEmpty(), failures.size() + " overlaps, first: " + failures.subList(0, Math.min(5, failures.size())));
    }

    private static double[] box(String transform, String width, String height) {
        String[] xy = transform.substring("translate(".length(), transform.length() - 1).split(",");
        return new double[] {Double.parseDouble(xy[0]), Double.parseDouble(xy[1]), Double.parseDouble(width), Double.parseDouble(height)};
    }

    private static boolean overlap(double[] a, double[] b) {
        return a[0] < b[0] + b[2] - 1 && b[0] < a[0] + a[2] - 1 && a[1] < b[1] + b[3] - 1 && b[1] < a[1] + a[3] - 1;
    }
}
