package org.stepgrad.web.pages;

import org.stepgrad.web.http.ApiError;
import org.stepgrad.web.view.FitterView;
import org.stepgrad.web.view.FitterViews;
import org.stepgrad.web.view.ClassifierViews;
import org.stepgrad.web.view.KnobLink;
import org.stepgrad.replay.Format;
import org.stepgrad.web.api.CheckpointController;
import org.stepgrad.web.api.LessonController;
import org.stepgrad.web.view.LessonView;
import org.stepgrad.web.view.StepperView;

import org.stepgrad.web.http.Cached;
import org.stepgrad.web.http.ByteCache;
import org.stepgrad.lesson.Verdict;
import org.stepgrad.replay.Replay;
import org.stepgrad.web.view.StepperViews;

import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntFunction;
import org.stepgrad.engine.Node;
import org.stepgrad.expr.Tracer;
import org.stepgrad.lesson.Catalog;
import org.stepgrad.lesson.Checkpoint;
import org.stepgrad.lesson.Lesson;
import org.stepgrad.lesson.LessonLibrary;
import org.stepgrad.lesson.Narration;

/**
 * A lesson as a page at a step ({@code /lessons/{id}}) and as an embed ({@code /embed/{id}}):
 * its words, its stepper, the author's notes and checkpoints, and the Curve Fitter panel. Each
 * page is a function of its URL, rendered once and cached as bytes.
 */
public final class LessonPages {

    /** Everything a lesson page depends on: the loaded lesson, the template, and its URL's parameters. */
    private record Key(Loaded lesson, List<Loaded> course, String template, int step, String k, String answer, int asked,
                       int attempt, boolean reveal, int it, String points, Set<Integer> open, String origin, boolean present, List<String> axes) {
    }

    private final LessonLibrary library;
    private final ByteCache<Key, Cached> pages = ByteCache.responses(64L << 20,
            k -> 2L * (length(k.k()) + length(k.answer()) + length(k.points())));
    private final PageTools tools;

    public LessonPages(LessonLibrary library, PageTools tools) {
        this.library = library;
        this.tools = tools;
    }

    /** GET /lessons/{id}?step=N (&k=… the graph at other knobs; &checkpoint=i&answer=…&try=1 a no-script answer, &reveal=1 "show me"). */
    public void lesson(Context ctx) {
        page(ctx, "lesson", "/lessons/");
    }

    /** GET /embed/{id}?step=N: the lesson's graph with minimal chrome, for iframes. */
    public void embed(Context ctx) {
        page(ctx, "lesson-embed", "/embed/");
    }

    private void page(Context ctx, String template, String base) {
        Catalog catalog = library.current();
        Optional<Lesson> found = catalog.find(ctx.pathParam("id"));
        if (found.isEmpty()) {
            // a file that did not load says why at its own address, so its author sees it where they look
            notFound(ctx, catalog.problem(ctx.pathParam("id"))
                    .map(p -> "The lesson file " + p.place() + " did not load: " + p.message() + ". The other lessons are served.")
                    .orElse("There is no lesson called “" + shorten(ctx.pathParam("id")) + "”."));
            return;
        }
        Lesson lesson = found.get();
        int step = StepperViews.stepParam(ctx.queryParam("step"));
        String answer = ctx.queryParam("answer");
        int asked = StepperViews.stepParam(ctx.queryParam("checkpoint"));
        int attempt = CheckpointController.attempt(ctx.queryParam("try"));
        boolean reveal = ctx.queryParam("reveal") != null;
        KnobLink link = KnobLink.read(ctx::queryParam); // k and it, for the graph and the Curve Fitter alike
        String k = link.k();
        int it = link.it();
        Set<Integer> open = StepperViews.groupsParam(ctx.queryParam("open"));
        // the discovery link is absolute, so the page depends on the origin it is written for
        String origin = tools.oembed().origin(ctx);
        // ?present=1 is written into the page so presenter mode holds from the first paint
        boolean present = "1".equals(ctx.queryParam("present"));
        String points = ctx.queryParam("points"); // the Curve Fitter's own data
        // the landscape's knobs, x and y, as the link names them (FitterViews picks defaults for absent or unknown names)
        List<String> axes = java.util.Arrays.asList(ctx.queryParam("x"), ctx.queryParam("y"));
        Key key = new Key(new Loaded(lesson), Loaded.all(catalog.lessons()), template, step, k, answer, asked, attempt, reveal, it, points, open, origin, present, axes);
        org.stepgrad.web.http.FrontCache.send(ctx, pages.get(key, x -> {
            // only a Curve Fitter reads points; other lessons leave them be
            Data data = lesson.hasTraining() && lesson.model() instanceof org.stepgrad.model.PolynomialFit ? Data.read(points) : new Data(null, "");
            LessonView view = view(catalog, lesson, base, step, knobs(k, lesson), it, new Asked(asked, answer, attempt, reveal), open, data, axes);
            Map<String, Object> model = new java.util.HashMap<>(Map.of("page", view));
            if ("lesson".equals(template)) model.put("oembed", org.stepgrad.web.api.OembedController.discovery(origin, view.pageHref()));
            model.put("share", share(origin, lesson, view));
            model.put("present", present);
            // points that cannot be read still give a page a person reads, its status saying the input was refused
            return Cached.html(data.refused().isEmpty() ? 200 : 400, tools.templates().render(template, model));
        }), () -> library.current() == catalog); // the same address, sent again from the front while these lessons are loaded
    }

    /** The Curve Fitter's data from a link: its points (null: the lesson's), or the sentence refusing them. */
    private record Data(List<org.stepgrad.model.Point> points, String refused) {
        static Data read(String param) {
            try {
                return new Data(org.stepgrad.web.api.FitPoints.read(param), "");
            } catch (ApiError e) {
                return new Data(null, e.getMessage() + "; these are the lesson's own points.");
            }
        }
    }

    /** GET /lessons/{id}/view?step=N&open=3,7 (&k=…): the lesson's graph alone with those groups open, for the stepper to swap in. */
    public void graph(Context ctx) {
        Catalog catalog = library.current();
        Lesson lesson = LessonController.find(catalog, ctx.pathParam("id"));
        int step = StepperViews.stepParam(ctx.queryParam("step"));
        String k = ctx.queryParam("k");
        Set<Integer> open = StepperViews.groupsParam(ctx.queryParam("open"));
        Key key = new Key(new Loaded(lesson), List.of(), "graph-view", step, k, null, 0, 1, false, 0, null, open, null, false, List.of());
        pages.get(key, x -> {
            double[] knobs = knobs(k, lesson);
            String source = knobs == null ? lesson.program() : lesson.model().program(knobs);
            return Cached.html(200, tools.templates().render("graph-view", Map.of("g", tools.steppers().graph(tools.traces().replay(source), step, open))));
        }).send(ctx);
    }

    /** The Share dialog: the lesson page (never the embed) at the step, its embed, its graph file; knobs kept. */
    private static org.stepgrad.web.view.ShareView share(String origin, Lesson lesson, LessonView view) {
        int s = view.stepper().at().step();
        String prefix = "/lessons/" + lesson.id() + "?step=" + s;
        String rest = view.pageHref().startsWith(prefix) ? view.pageHref().substring(prefix.length()) : ""; // the knobs, "&k=…"
        String at = "?step=" + org.stepgrad.web.view.ShareView.STEP + rest;
        return org.stepgrad.web.view.ShareView.of(lesson.title() + " · Stepgrad", origin + "/lessons/" + lesson.id() + at,
                origin + "/embed/" + lesson.id() + at, origin + "/lessons/" + lesson.id() + "/graph.svg" + at, s);
    }

    /** Knobs from a URL, or null when absent or mangled (the page then opens at the lesson's start). */
    private static double[] knobs(String param, Lesson lesson) {
        if (param == null || lesson.model() == null) return null;
        try {
            return LessonController.knobs(param, lesson);
        } catch (ApiError e) {
            return null;
        }
    }

    private LessonView view(Catalog catalog, Lesson lesson, String base, int step, double[] knobs, int it,
                            Asked asked, Set<Integer> open, Data data, List<String> axes) {
        String id = lesson.id();
        boolean atStart = knobs == null || java.util.Arrays.equals(knobs, lesson.model().start());
        String kQuery = atStart ? "" : KnobLink.of(knobs, it).query();
        String path = base + id;
        Replay replay = tools.traces().replay(lesson.program());
        String drawn = lesson.program();
        String notice = null;
        if (!atStart) {
            Tracer.Traced traced = tools.traces().trace(lesson.model().program(knobs));
            if (traced.ok()) {
                drawn = lesson.model().program(knobs);
                replay = tools.traces().replay(drawn);
                notice = (it >= 0 ? "The graph at iteration " + it + "'s knobs" : "The graph at the knobs you set")
                        + " (k = " + KnobLink.text(knobs).replace(",", ", ") + "). The lesson's notes and questions are about its starting knobs.";
            } else {
                notice = "Those knobs give no finite loss, so this is the graph at the lesson's start.";
                atStart = true;
                kQuery = "";
            }
        }
        int s = replay.clamp(step);
        // the learner's own data ride along on the page's links, so stepping and sharing keep the Curve Fitter's points
        String pointsText = data.points() == null ? null : KnobLink.points(data.points());
        String pQuery = pointsText == null ? "" : "&points=" + PageController.enc(pointsText);
        String q = kQuery + pQuery;
        IntFunction<String> hrefAt = n -> path + "?step=" + n + q;
        List<StepperView.Field> fields = new ArrayList<>();
        if (!atStart) {
            fields.add(new StepperView.Field("k", KnobLink.text(knobs)));
            if (it >= 0) fields.add(new StepperView.Field("it", Integer.toString(it)));
        }
        if (pointsText != null) fields.add(new StepperView.Field("points", pointsText));
        String replayUrl = "/api/lessons/" + id + "/replay" + (atStart ? "" : "?k=" + KnobLink.text(knobs));

        List<LessonView.NoteView> notes = new ArrayList<>();
        List<LessonView.CheckpointView> checkpoints = new ArrayList<>();
        List<Replay.Mark> quiz = new ArrayList<>();
        if (atStart) {
            for (Narration n : lesson.narration()) notes.add(new LessonView.NoteView(n.step(), n.replace(), n.text(), n.step() == s));
            boolean asks = !base.startsWith("/embed/"); // an embed has no room for questions: it shows every value
            for (int i = 0; asks && i < lesson.checkpoints().size(); i++) {
                Checkpoint c = lesson.checkpoints().get(i);
                boolean here = c.step() == s;
                Verdict verdict = here && asked.index() == i ? asked.verdict(c) : null;
                boolean settled = verdict != null && verdict.settled();
                if (here && !settled) quiz.add(new Replay.Mark(nodeId(lesson, c.node()), c.quizClass()));
                int nextTry = verdict != null && verdict.counted() && !settled ? asked.attempt() + 1 : 1;
                checkpoints.add(new LessonView.CheckpointView(i, c.step(), c.node(), nodeId(lesson, c.node()), c.quizClass(), c.asks(), c.prompt(),
                        "/api/lessons/" + id + "/checkpoints/" + i, path, here,
                        verdict == null || asked.answer() == null ? "" : asked.answer(), verdict, nextTry,
                        settled ? Format.number(c.answer()) : null, settled ? c.explanation() : null));
            }
        }
        String viewUrl = "/lessons/" + id + "/view" + (atStart ? "" : "?k=" + KnobLink.text(knobs));
        StepperView stepper = tools.steppers().at(replay, s, open, new StepperViews.Host(replayUrl, viewUrl, hrefAt, path, fields, drawn), quiz);
        boolean quizzing = !quiz.isEmpty();
        int at = catalog.lessons().indexOf(lesson);
        LessonView.LessonLink previous = at > 0 ? link(catalog.lessons().get(at - 1)) : null;
        LessonView.LessonLink next = catalog.next(lesson).map(LessonPages::link).orElse(null);
        String position = "Lesson " + (at + 1) + " of " + catalog.lessons().size();
        FitterView fitter = FitterViews.page(lesson, knobs, it, data.points(), data.refused(), axes.get(0), axes.get(1));
        return new LessonView(tools.assets(), id, lesson.title(), lesson.summary(), position, lesson.intro(), stepper, notice,
                notes, checkpoints, quizzing, previous, next, "/lessons/" + id + "?step=" + s + q,
                "/embed/" + id + "?step=" + s + kQuery, fitter, ClassifierViews.page(lesson, it, s));
    }

    /** A no-script reply in the URL: to checkpoint {@code index}, an answer at a try, or "show me". */
    private record Asked(int index, String answer, int attempt, boolean reveal) {
        Verdict verdict(Checkpoint c) {
            if (reveal) return Verdict.shown(c);
            return answer == null ? null : Verdict.of(c, answer, attempt);
        }
    }

    static int nodeId(Lesson lesson, String name) {
        for (Node n : lesson.trace().nodes()) {
            if (name.equals(n.name())) return n.id();
        }
        return -1;
    }

    private void notFound(Context ctx, String sentence) {
        Cached.html(404, tools.templates().render("not-found", Map.of("assets", tools.assets(), "message", sentence))).send(ctx);
    }

    private static LessonView.LessonLink link(Lesson l) {
        return new LessonView.LessonLink(l.title(), "/lessons/" + l.id());
    }

    private static String shorten(String s) {
        return s.length() > 60 ? s.substring(0, 60) + "…" : s;
    }

    private static long length(String s) {
        return s == null ? 0 : s.length();
    }
}
