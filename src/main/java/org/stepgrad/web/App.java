package org.stepgrad.web;

import org.stepgrad.web.api.CheckpointController;
import org.stepgrad.web.api.ReplayController;
import org.stepgrad.web.http.ApiError;
import org.stepgrad.web.pages.IndexPage;
import org.stepgrad.web.http.Errors;
import org.stepgrad.web.http.Headers;

import org.stepgrad.web.api.ApiController;
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

    public static Javalin create(Settings settings) {
        TraceService traces = new TraceService();
        ApiController api = new ApiController(traces);
        LessonController lessons = new LessonController(org.stepgrad.lesson.LessonLibrary.open(settings.lessonsDir()), traces);
        OembedController oembed = new OembedController(lessons.library());
        Templates templates = new Templates();
        Assets assets = Assets.load();
        StepperViews steppers = new StepperViews(new GraphViews(new org.stepgrad.layout.LayoutCache(400_000)));
        PageController pages = new PageController(traces, templates, assets, steppers);
        LessonPages course = new LessonPages(lessons.library(), traces, templates, assets, steppers);
        IndexPage index = new IndexPage(lessons.library(), templates, assets);
        ReplayController replays = new ReplayController(lessons.library(), traces);
        CheckpointController checkpoints = new CheckpointController(lessons.library());
        return Javalin.create(config -> {
            config.http.maxRequestSize = MAX_BODY;
            config.http.prefer405over404 = true;
            config.http.generateEtags = false; // ours come from content, the same on every instance
            // cached bodies carry their own gzip form (Cached); everything else is small
            config.http.compressionStrategy = io.javalin.compression.CompressionStrategy.NONE;
            config.startup.showJavalinBanner = false;
            config.events.serverStopped(lessons.library()::close); // the folder watcher's thread ends with the server
            config.jetty.modifyHttpConfiguration(http -> http.setRequestHeaderSize(64 * 1024)); // long permalinks
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
            config.staticFiles.add(files -> {
                files.hostedPath = assets.base(); // fingerprinted: /static/<hash>/…
                files.directory = Assets.FOLDER;
                files.location = io.javalin.http.staticfiles.Location.CLASSPATH;
                files.headers = Assets.CACHE_HEADERS;
            });

            config.routes.post("/api/trace", api::trace);
            config.routes.post("/api/check", api::check);
            config.routes.get("/api/replay", replays::program);
            config.routes.get("/", index::index);
            config.routes.get("/playground", pages::playground);
            config.routes.get("/embed/playground", pages::embed);
            config.routes.get("/oembed", oembed::oembed);
            config.routes.get("/api/lessons", lessons::list);
            config.routes.get("/api/lessons/{id}", lessons::lesson);
            config.routes.get("/api/lessons/{id}/trace", lessons::trace);
            config.routes.get("/api/lessons/{id}/fit", lessons::fit);
            config.routes.get("/api/lessons/{id}/replay", replays::lesson);
            config.routes.get("/api/lessons/{id}/checkpoints/{index}", checkpoints::check);
            config.routes.get("/lessons/{id}", course::lesson);
            config.routes.get("/lessons/{id}/view", course::graph);
            config.routes.get("/playground/view", pages::graph);
            config.routes.get("/embed/{id}", course::embed);

            config.routes.exception(ApiError.class, Errors::apiError);
            config.routes.exception(HttpResponseException.class, Errors::httpError);
            config.routes.exception(Exception.class, Errors::unexpected);
            config.routes.error(404, Errors::notFound);
        });
    }
}
