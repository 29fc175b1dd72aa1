package org.stepgrad.web.pages;

import org.stepgrad.web.view.SourceErrorView;
import org.stepgrad.web.view.StepperView;

import org.stepgrad.web.http.ApiError;
import org.stepgrad.web.http.Cached;
import org.stepgrad.web.http.ByteCache;
import org.stepgrad.web.view.PlaygroundView;
import org.stepgrad.web.view.StepperViews;

import com.github.benmanes.caffeine.cache.Cache;
import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntFunction;
import org.stepgrad.expr.Tracer;

/**
 * The playground pages: the playground and its embed. Every page is a function of its URL,
 * cached as bytes with an ETag.
 */
public final class PageController {
    /** Everything a playground page depends on: its template and its URL's parameters. */
    private record Key(String template, int step, String source, String last, Set<Integer> open, String origin, boolean present) {
    }

    private final ByteCache<Key, Cached> pages = ByteCache.responses(64L << 20,
            k -> 2L * ((k.source() == null ? 0 : k.source().length()) + (k.last() == null ? 0 : k.last().length())));
    private final PageTools tools;

    public PageController(PageTools tools) {
        this.tools = tools;
    }

    /** GET /playground?source=…&step=N (&last=… keeps the graph while the edit has a fault). */
    public void playground(Context ctx) {
        page(ctx, "playground");
    }

    /** GET /embed/playground?source=…&step=N: the stepper alone, for iframes. */
    public void embed(Context ctx) {
        page(ctx, "embed");
    }

    private void page(Context ctx, String template) {
        String source = ctx.queryParam("source");
        String last = ctx.queryParam("last");
        if (last != null && source != null && tools.traces().trace(source).ok()) {
            // the graph is the program's own, so its link carries that program alone
            String rest = java.util.Arrays.stream(ctx.queryString().split("&")).filter(p -> !p.startsWith("last="))
                    .collect(java.util.stream.Collectors.joining("&"));
            ctx.header("Cache-Control", "no-store").redirect(ctx.path() + "?" + rest, io.javalin.http.HttpStatus.SEE_OTHER);
            return;
        }
        int step = StepperViews.stepParam(ctx.queryParam("step"));
        Set<Integer> open = StepperViews.groupsParam(ctx.queryParam("open"));
        // the discovery link is absolute, so the page depends on the origin it is written for
        String origin = tools.oembed().origin(ctx);
        // ?present=1 is written into the page so presenter mode holds from the first paint
        boolean present = "1".equals(ctx.queryParam("present"));
        pages.get(new Key(template, step, source, last, open, origin, present), k -> {
            PlaygroundView page = view(template, source, last, step, open);
            // a program with a fault is still a page a person reads, but its status says the input was refused
            int status = page.error() == null ? 200 : 400;
            Map<String, Object> model = new java.util.HashMap<>(Map.of("page", page, "present", present));
            if (page.error() == null && page.stepper() != null) {
                if ("playground".equals(template)) {
                    model.put("oembed", org.stepgrad.web.api.OembedController.discovery(origin,
                            "/playground?source=" + enc(page.source()) + "&step=" + step));
                }
                String at = "?source=" + enc(page.source()) + "&step=" + org.stepgrad.web.view.ShareView.STEP;
                model.put("share", org.stepgrad.web.view.ShareView.of("Stepgrad playground", origin + "/playground" + at,
                        origin + "/embed/playground" + at, origin + "/playground/graph.svg" + at, page.stepper().at().step()));
            }
            return Cached.html(status, tools.templates().render(template, model));
        }).send(ctx);
    }

    /** GET /playground/view?source=…&step=N&open=3,7: the graph alone with those groups open, for the stepper to swap in. */
    public void graph(Context ctx) {
        String source = ctx.queryParam("source");
        if (source == null) throw new ApiError(400, "add the program as ?source=…");
        int step = StepperViews.stepParam(ctx.queryParam("step"));
        Set<Integer> open = StepperViews.groupsParam(ctx.queryParam("open"));
        pages.get(new Key("graph-view", step, source, null, open, null, false), k -> Cached.html(200,
                tools.templates().render("graph-view", Map.of("g", tools.steppers().graph(tools.traces().replay(source), step, open))))).send(ctx);
    }

    private PlaygroundView view(String template, String asked, String last, int step, Set<Integer> open) {
        String source = asked == null ? Examples.first() : asked;
        String path = "embed".equals(template) ? "/embed/playground" : "/playground";
        Tracer.Traced traced = tools.traces().trace(source);
        SourceErrorView error = null;
        String shown = source;
        if (!traced.ok()) {
            error = SourceErrorView.of(traced.error(), source);
            shown = last != null && tools.traces().trace(last).ok() ? last : null;
        }
        StepperView stepper = null;
        String notice = null;
        if (shown != null) {
            String keepLast = error == null ? null : shown;
            IntFunction<String> hrefAt = s -> path + "?source=" + enc(source)
                    + (keepLast == null ? "" : "&last=" + enc(keepLast)) + "&step=" + s;
            List<StepperView.Field> fields = new ArrayList<>();
            fields.add(new StepperView.Field("source", source));
            if (keepLast != null) fields.add(new StepperView.Field("last", keepLast));
            stepper = tools.steppers().at(tools.traces().replay(shown), step, open, new StepperViews.Host("/api/replay?source=" + enc(shown),
                    "/playground/view?source=" + enc(shown), hrefAt, path, fields, shown), List.of());
        } else {
            notice = "Fix the program to see its graph.";
        }
        return new PlaygroundView(tools.assets(), source, shown == null ? "" : shown, examples(source), error, stepper, notice,
                "/embed/playground?source=" + enc(source));
    }


    static List<PlaygroundView.ExampleLink> examples(String current) {
        return Examples.ALL.stream()
                .map(e -> new PlaygroundView.ExampleLink(e.title(), e.about(), "/playground?source=" + enc(e.source()),
                        e.source().equals(current)))
                .toList();
    }

    public static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
