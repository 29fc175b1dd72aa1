package org.stepgrad.web.view;

import org.stepgrad.web.http.Assets;

import java.util.List;

/**
 * The playground page: the program in the editor, the examples, the fault (or null), and the
 * stepper for the last program that traced (or null, with {@code notice} saying why).
 *
 * @param last the program the graph shows, sent back with the form so a faulty edit keeps it
 */
public record PlaygroundView(Assets assets, String source, String last, List<ExampleLink> examples,
                             SourceErrorView error, StepperView stepper, String notice, String embedHref) {
    public PlaygroundView {
        examples = List.copyOf(examples);
    }

    /** An example as a link that opens it. */
    public record ExampleLink(String title, String about, String href, boolean current) {
    }
}
