package org.stepgrad.web;

import org.stepgrad.web.api.CheckpointController;
import org.stepgrad.web.api.ReplayController;
import org.stepgrad.web.http.ApiError;
import org.stepgrad.web.pages.IndexPage;
import org.stepgrad.web.http.Errors;
import org.stepgrad.web.http.Headers;
import org.stepgrad.web.http.Jetty;
import org.stepgrad.web.http.Readiness;
import org.stepgrad.web.http.StaticFiles;

import org.stepgrad.web.api.ApiController;
import org.stepgrad.web.api.GradCheckController;
import org.stepgrad.web.http.Assets;
import org.stepgrad.web.view.GraphViews;
import org.stepgrad.web.api.LessonController;
import org.stepgrad.web.pages.LessonPages;
import org.stepgrad.web.api.OembedController;
import org.stepgrad.web.pages.PageController;
import org.stepgrad.web.view.StepperViews;
import org.stepgrad.web.pages.Templates;
import org.stepgrad.web.api.TraceService;

import io.javalin.Javalin;
import io.javalin.http.HttpResponseException;

/**
 * Builds the Stepgrad web app from its settings. Every route is listed in {@link #create},
 * so this file tells what the server does.
 */
public final class App {
    /** Large enough for a 2 MB program sent as JSON; our own limit answers it with a sentence. */
    private static final long MAX_BODY = 8L << 20;
    /**
     * Connections the kernel holds for Jetty to accept. The JVM's default, 50, drops the SYNs of a
     * class connecting at once and those browsers retry a second later (measured: 80 of 300).
     */
    public static final int ACCEPT_QUEUE = 1024;

    private App() {
    }

    /** An app that answers /ready at once (tests); Main passes a {@link Readiness} its warm-up completes. */
    public static Javalin create(Settings settings) {
        return create(settings, Readiness.alreadyWarm(), org.stepgrad.web.live.LiveOptions.memory());
    }

    public static Javalin create(Settings settings, Readiness readiness) {
        return create(settings, readiness, org.stepgrad.web.live.LiveOptions.memory());
    }

    public static Javalin create(Settings settings, org.stepgrad.web.live.LiveOptions liveOptions) {
        return create(settings, Readiness.alreadyWarm(), liveOptions);
    }

    /** @param liveOptions where live classroom sessions are kept: this process, or a Redis shared by instances */
    public static Javalin create(Settings settings, Readiness readiness, org.stepgrad.web.live.LiveOptions liveOptions) {
        TraceService traces = new TraceService();
        ApiController api = new ApiController(traces);
        GradCheckController gradchecks = new GradCheckController(traces);
        LessonController lessons = new LessonController(org.stepgrad.lesson.LessonLibrary.open(settings.lessonsDir()), traces);
        Templates templates = new Templates();
        StaticFiles files = StaticFiles.load();
        Assets assets = files.assets();
        Errors errors = new Errors(assets.css());
        StepperViews steppers = new StepperViews(new GraphViews(new org.stepgrad.layout.LayoutCache(400_000)));
        org.stepgrad.web.pages.GraphFiles graphFiles = new org.stepgrad.web.pages.GraphFiles(lessons.library(), traces, templates, steppers);
        OembedController oembed = new OembedController(lessons.library(), settings.publicUrl(), graphFiles);
        org.stepgrad.web.pages.QrCodes qrCodes = new org.stepgrad.web.pages.QrCodes(oembed);
        org.stepgrad.web.pages.PageTools tools = new org.stepgrad.web.pages.PageTools(traces, templates, assets, steppers, oembed);
        PageController pages = new PageController(tools);
        LessonPages course = new LessonPages(lessons.library(), tools);
        IndexPage index = new IndexPage(lessons.library(), templates, assets);
        ReplayController replays = new ReplayController(lessons.library(), traces);
        CheckpointController checkpoints = new CheckpointController(lessons.library());
        // --- live classroom (issue 9): its controller; its routes are the marked block below ---
        org.stepgrad.web.live.LiveController live = org.stepgrad.web.live.LiveController.create(
                lessons.library(), traces, templates, assets, liveOptions);
        org.stepgrad.web.pages.FitterPage fitter = new org.stepgrad.web.pages.FitterPage(lessons.library(), lessons.fits(), templates);
        org.stepgrad.web.pages.ClassifierPage classifier = new org.stepgrad.web.pages.ClassifierPage(lessons.library(), templates);
        org.stepgrad.web.pages.LandscapePage landscape = new org.stepgrad.web.pages.LandscapePage(lessons.library(), templates, traces.bulkhead());
        return Javalin.create(config -> {
            config.http.maxRequestSize = MAX_BODY;
            config.http.prefer405over404 = true;
            config.http.generateEtags = false; // ours come from content, the same on every instance
            // cached bodies carry their own gzip form (Cached); everything else is small
            config.http.compressionStrategy = io.javalin.compression.CompressionStrategy.NONE;
            config.startup.showJavalinBanner = false;
            config.events.serverStopped(lessons.library()::close); // the folder watcher's thread ends with the server
            Jetty.configure(config, errors, MAX_BODY); // timeouts, body before thread, Jetty's errors in our words
            config.jetty.modifyServer(server -> server.addEventListener(new org.eclipse.jetty.util.component.LifeCycle.Listener() {
                @Override
                public void lifeCycleStarting(org.eclipse.jetty.util.component.LifeCycle event) {
                    // Javalin adds its connector after modifyServer; it listens only once the server starts
                    for (var c : server.getConnectors()) {
                        if (c instanceof org.eclipse.jetty.server.ServerConnector sc) sc.setAcceptQueueSize(ACCEPT_QUEUE);
                    }
                }
            }));
            config.routes.before(Headers::apply);
            config.fileRenderer(templates);

            config.routes.get("/health", readiness::health);
            config.routes.get("/ready", readiness::ready);
            config.routes.get(files.route(), files::serve); // fingerprinted: /static/<hash>/…

            config.routes.post("/api/trace", api::trace);
            config.routes.post("/api/check", api::check);
            config.routes.post("/api/gradcheck", gradchecks::check);
            config.routes.get("/api/replay", replays::program);
            config.routes.get("/", index::index);
            config.routes.get("/playground", pages::playground);
            config.routes.get("/embed/playground", pages::embed);
            config.routes.get("/oembed", oembed::oembed);
            config.routes.get("/api/lessons", lessons::list);
            config.routes.get("/api/lessons/{id}", lessons::lesson);
            config.routes.get("/api/lessons/{id}/trace", lessons::trace);
            config.routes.get("/api/lessons/{id}/fit", lessons::fit);
            config.routes.get("/api/lessons/{id}/landscape", lessons::landscape);
            config.routes.get("/api/lessons/{id}/replay", replays::lesson);
            config.routes.get("/api/lessons/{id}/checkpoints/{index}", checkpoints::check);
            config.routes.get("/lessons/{id}", course::lesson);
            config.routes.get("/lessons/{id}/view", course::graph);
            config.routes.get("/playground/view", pages::graph);
            config.routes.get("/lessons/{id}/graph.svg", graphFiles::lesson);
            config.routes.get("/playground/graph.svg", graphFiles::playground);
            config.routes.get("/qr.svg", qrCodes::qr);
            config.routes.get("/lessons/{id}/fitter", fitter::parts);
            config.routes.get("/lessons/{id}/classifier", classifier::parts);
            config.routes.get("/lessons/{id}/landscape", landscape::parts);
            config.routes.get("/embed/{id}", course::embed);

            // --- live classroom (issue 9) ---
            config.routes.post("/api/sessions", live::create);
            config.routes.get("/api/sessions/{code}", live::state);
            config.routes.get("/api/sessions/{code}/events", live::events);
            config.routes.post("/api/sessions/{code}/state", live::drive);
            config.routes.post("/api/sessions/{code}/answers", live::answer);
            config.routes.get("/api/sessions/{code}/answers", live::tally);
            config.routes.get("/api/sessions/{code}/qr.svg", live::qr);
            config.routes.get("/join", live::joinForm);
            config.routes.get("/join/{code}", live::join);
            config.routes.exception(org.stepgrad.live.LiveError.class, org.stepgrad.web.live.LiveController::refuse);
            config.events.serverStopped(live::close);
            // --- end live classroom ---

            config.routes.exception(ApiError.class, errors::apiError);
            config.routes.exception(HttpResponseException.class, errors::httpError);
            config.routes.exception(Exception.class, errors::unexpected);
            config.routes.error(404, errors::notFound);
        });
    }
}
