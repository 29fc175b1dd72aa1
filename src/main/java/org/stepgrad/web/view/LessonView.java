package org.stepgrad.web.view;

import org.stepgrad.lesson.Verdict;
import org.stepgrad.web.http.Assets;

import java.util.List;
import org.stepgrad.lesson.Prose;

/**
 * The lesson page (and its embed): the lesson's words, the stepper over its graph, the author's
 * notes placed on steps, the checkpoints with any verdict, the neighbours in the course, and the
 * Curve Fitter or the classifier panel when the lesson has one. Ready to print: the template only loops and branches.
 *
 * @param notice   a sentence above the graph (the graph is at other knobs than the lesson's), or null
 * @param quizzing true when the page opens on an unanswered checkpoint: its value or gradient is hidden
 */
public record LessonView(Assets assets, String id, String title, String summary, String position, Prose intro,
                         StepperView stepper, String notice, List<NoteView> notes, List<CheckpointView> checkpoints,
                         boolean quizzing, LessonLink previous, LessonLink next, String pageHref, String embedHref,
                         FitterView fitter, ClassifierView classifier) {
    public LessonView {
        notes = List.copyOf(notes);
        checkpoints = List.copyOf(checkpoints);
    }

    /** The document title. */
    public String pageTitle() {
        return title + " · Stepgrad";
    }

    /** An author's words shown at one step, in place of the automatic narration or after it. */
    public record NoteView(int step, boolean replace, Prose text, boolean shown) {
        public String cssClass() {
            return replace ? "note replace" : "note add";
        }
    }

    /**
     * A question at one step. {@code verdict} is null until the learner answered (no-script form);
     * a first wrong answer gets a hint and {@code nextTry} 2; once the verdict settles it (right,
     * a second wrong answer, or "show me") the answer and explanation are printed. While it is
     * open the node {@code nodeId} carries {@code quizClass}, which hides what is asked.
     */
    public record CheckpointView(int index, int step, String node, int nodeId, String quizClass, String asks, Prose prompt, String checkUrl,
                                 String formAction, boolean shown, String guess, Verdict verdict, int nextTry,
                                 String answerText, Prose explanation) {
        public boolean answered() {
            return verdict != null;
        }

        public String verdictText() {
            return verdict == null ? null : verdict.text();
        }

        public boolean settled() {
            return verdict != null && verdict.settled();
        }

        public String cssClass() {
            if (verdict == null) return "checkpoint";
            String how = verdict.right() ? "right" : verdict.settled() ? (verdict.counted() ? "wrong" : "shown") : verdict.counted() ? "retry" : "not-number";
            return "checkpoint " + how + (verdict.settled() ? " settled" : "");
        }
    }

    /** A neighbouring lesson in the course. */
    public record LessonLink(String title, String href) {
    }
}
