package org.stepgrad.web.pages;

import org.stepgrad.web.api.OembedController;
import org.stepgrad.web.api.TraceService;
import org.stepgrad.web.http.Assets;
import org.stepgrad.web.view.StepperViews;

/**
 * What the stepper pages (a lesson, the playground, their embeds) are made with: the traces, the
 * templates and assets, the stepper's views, and the origin their absolute links are written for.
 */
public record PageTools(TraceService traces, Templates templates, Assets assets, StepperViews steppers, OembedController oembed) {
}
