package org.stepgrad.web.live;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import io.javalin.http.sse.SseHandler;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.stepgrad.expr.Tracer;
import org.stepgrad.lesson.Checkpoint;
import org.stepgrad.lesson.Lesson;
import org.stepgrad.lesson.LessonLibrary;
import org.stepgrad.live.Classroom;
import org.stepgrad.live.JoinCode;
import org.stepgrad.live.LiveError;
import org.stepgrad.live.LiveState;
import org.stepgrad.live.LiveStore;
import org.stepgrad.live.MemoryStore;
import org.stepgrad.live.RedisStore;
import org.stepgrad.live.Session;
import org.stepgrad.live.Tally;
import org.stepgrad.web.http.ApiError;
import org.stepgrad.web.http.Assets;
import org.stepgrad.web.http.Counts;
import org.stepgrad.web.http.Errors;
import org.stepgrad.replay.Format;
import org.stepgrad.web.pages.Templates;
import org.stepgrad.web.api.TraceService;

/**
 * The live classroom over HTTP: making a session, the students' event stream, the presenter's
 * changes and poll, the students' answers, and the join pages. The presenter key travels only
 * in an Authorization header; no page this class renders ever holds it.
 */
public final class LiveController implements AutoCloseable {
    private static final int MAX_SOURCE = 64 * 1024; // a live program is one a class reads together
    private static final String CREATE_SHAPE = "{\"lesson\": \"<id>\"} or {\"source\": \"<program>\"}";

    private final LessonLibrary library;
    private final TraceService traces;
    private final Templates templates;
    private final Assets assets;
    private final Classroom classroom;
    private final Streams streams;
    // read from the store at most once a second per session: a burst of steps renders one count
    private final com.github.benmanes.caffeine.cache.Cache<String, Integer> students = com.github.benmanes.caffeine.cache.Caffeine
            .newBuilder().maximumSize(20_000).expireAfterWrite(java.time.Duration.ofSeconds(1)).build();

    private LiveController(LessonLibrary library, TraceService traces, Templates templates, Assets assets, Classroom classroom) {
        this.library = library;
        this.traces = traces;
        this.templates = templates;
        this.assets = assets;
        this.classroom = classroom;
        this.streams = new Streams(classroom, this::render, students::invalidate);
        if (classroom.store() instanceof RedisStore redis) redis.onReconnect(streams::catchUp);
    }

    /** The controller over an in-memory store, or over Redis when the options name one. */
    public static LiveController create(LessonLibrary library, TraceService traces, Templates templates, Assets assets, LiveOptions options) {
        LiveStore store = options.redisUrl() == null
                ? new MemoryStore(options.limits().idle(), options.limits().answersPerPoll())
                : new RedisStore(options.redisUrl(), options.limits().idle(), options.limits().answersPerPoll(), System::currentTimeMillis);
        return new LiveController(library, traces, templates, assets,
                new Classroom(store, options.limits(), System::currentTimeMillis, System::nanoTime));
    }

    /** POST /api/sessions with {"lesson": id} or {"source": program} → 201 {code, join, present, key}. */
    public void create(Context ctx) {
        JsonNode body = Bodies.object(ctx.body(), CREATE_SHAPE);
        String lessonId = Bodies.text(body, "lesson");
        String source = Bodies.text(body, "source");
        if ((lessonId == null) == (source == null)) throw Bodies.invalid("Send one of " + CREATE_SHAPE + ".");
        Classroom.Created made;
        String page;
        if (lessonId != null) {
            Lesson lesson = library.current().find(lessonId)
                    .orElseThrow(() -> new ApiError(404, "There is no lesson called “" + shorten(lessonId) + "”."));
            made = classroom.create(lesson.id(), null, lesson.steps(), lesson.checkpoints().stream().map(Checkpoint::step).toList());
            page = "/lessons/" + lesson.id() + "?live=" + made.session().code();
        } else {
            if (source.length() > MAX_SOURCE) throw new ApiError(413, "A live program may be at most " + MAX_SOURCE + " characters.");
            Tracer.Traced traced = traces.trace(source);
            if (!traced.ok()) throw ApiError.of(traced.error());
            made = classroom.create(null, source, traced.trace().steps().size(), List.of());
            page = "/playground?source=" + URLEncoder.encode(source, StandardCharsets.UTF_8) + "&live=" + made.session().code();
        }
        String code = made.session().code();
        String origin = origin(ctx);
        String json = LiveJson.write(j -> {
            j.writeStartObject();
            j.writeStringField("code", code);
            j.writeStringField("join", origin + "/join/" + code);
            j.writeStringField("present", origin + page + "#key=" + made.key()); // the secret rides in the fragment, never sent back
            j.writeStringField("key", made.key());
            j.writeStringField("qr", "/api/sessions/" + code + "/qr.svg");
            j.writeStringField("events", "/api/sessions/" + code + "/events");
            j.writeEndObject();
        });
        ctx.header("Cache-Control", "no-store");
        ctx.status(201).contentType("application/json").result(json);
    }

    /** GET /api/sessions/{code}: the current state, as the stream's events carry it (the teacher polls it for the count). */
    public void state(Context ctx) {
        String code = code(ctx);
        noStore(ctx).contentType("application/json").result(render(code, classroom.state(code)));
    }

    /** GET /api/sessions/{code}/events: the state now, then each change, as Server-Sent Events. */
    public void events(Context ctx) {
        String code = code(ctx);
        classroom.state(code); // 404 before the stream starts
        streams.admit();
        String accept = ctx.header("Accept");
        if (accept == null || !accept.contains("text/event-stream")) {
            throw new ApiError(406, "This address streams Server-Sent Events; ask with 'Accept: text/event-stream'.");
        }
        long last = Counts.lenient(ctx.header("Last-Event-ID"));
        new SseHandler(client -> streams.open(client, code, last)).handle(ctx);
    }

    /** POST /api/sessions/{code}/state with the key and {"step", "paused", "reveal"} → 204. */
    public void drive(Context ctx) {
        String code = code(ctx);
        String key = bearer(ctx);
        classroom.authorize(code, key); // a refusal comes before any reading of the body
        JsonNode body = Bodies.object(ctx.body(), "{\"step\": n, \"paused\": true|false, \"reveal\": \"histogram\"|\"answer\"|\"none\"}");
        String reveal = Bodies.text(body, "reveal");
        LiveState.Reveal r = null;
        if (reveal != null) {
            try {
                r = LiveState.Reveal.valueOf(reveal.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw Bodies.invalid("\"reveal\" must be \"histogram\", \"answer\" or \"none\".");
            }
        }
        Integer step = Bodies.integer(body, "step");
        if (step != null && step < 0) throw Bodies.invalid("\"step\" counts from 0.");
        classroom.drive(code, key, new LiveState.Change(step, Bodies.bool(body, "paused"), r));
        noStore(ctx).status(204);
    }

    /** POST /api/sessions/{code}/answers with {"checkpoint", "student", "answer"} → 202. */
    public void answer(Context ctx) {
        String code = code(ctx);
        JsonNode body = Bodies.object(ctx.body(), "{\"checkpoint\": i, \"student\": \"<id>\", \"answer\": \"<text>\"}");
        Integer checkpoint = Bodies.integer(body, "checkpoint");
        if (checkpoint == null) throw Bodies.invalid("Say which checkpoint this answers: \"checkpoint\": i.");
        classroom.answer(code, checkpoint, Bodies.text(body, "student"), Bodies.text(body, "answer"));
        noStore(ctx).status(202);
    }

    /** GET /api/sessions/{code}/answers?checkpoint=i with the key → {count, correct, right, histogram}. */
    public void tally(Context ctx) {
        String code = code(ctx);
        String key = bearer(ctx);
        Session session = classroom.authorize(code, key);
        int checkpoint;
        try {
            checkpoint = Integer.parseInt(String.valueOf(ctx.queryParam("checkpoint")));
        } catch (NumberFormatException e) {
            throw Bodies.invalid("Ask for one checkpoint: ?checkpoint=i.");
        }
        Tally tally = classroom.tally(code, key, checkpoint);
        Optional<Checkpoint> c = checkpoint(session, checkpoint);
        String json = LiveJson.write(j -> {
            j.writeStartObject();
            j.writeNumberField("checkpoint", checkpoint);
            j.writeNumberField("count", tally.count());
            if (c.isPresent()) j.writeStringField("correct", Format.number(c.get().answer()));
            else j.writeNullField("correct");
            j.writeNumberField("right", c.map(k -> right(k, tally)).orElse(0));
            LiveJson.histogram(j, tally);
            j.writeEndObject();
        });
        noStore(ctx).contentType("application/json").result(json);
    }

    /** GET /api/sessions/{code}/qr.svg: the join link as a QR code. */
    public void qr(Context ctx) {
        String code = code(ctx);
        classroom.session(code);
        ctx.header("Cache-Control", "private, max-age=3600");
        ctx.contentType("image/svg+xml").result(QrSvg.of(origin(ctx) + "/join/" + code));
    }

    /** GET /join (?code=…): the form to type a code, or straight on to that session. */
    public void joinForm(Context ctx) {
        String typed = ctx.queryParam("code");
        if (typed == null || typed.isBlank()) {
            page(ctx, 200, null, "");
            return;
        }
        join(ctx, typed);
    }

    /** GET /join/{code}: on to the page the teacher shows, at the teacher's step. */
    public void join(Context ctx) {
        join(ctx, ctx.pathParam("code"));
    }

    private void join(Context ctx, String typed) {
        Optional<String> code = JoinCode.parse(typed);
        if (code.isEmpty()) {
            page(ctx, 404, "“" + shorten(typed) + "” is not a join code: a code is six letters and digits, such as KX7RMT.", typed);
            return;
        }
        Optional<Session> session;
        Optional<LiveState> state;
        try {
            session = classroom.store().session(code.get());
            state = classroom.store().state(code.get());
        } catch (LiveError e) {
            page(ctx, 503, e.getMessage(), code.get());
            return;
        }
        if (session.isEmpty() || state.isEmpty()) {
            page(ctx, 404, LiveError.unknown(code.get()).getMessage(), code.get());
            return;
        }
        Session s = session.get();
        String step = "&step=" + state.get().step();
        String to = s.lesson() != null
                ? "/lessons/" + s.lesson() + "?live=" + s.code() + step
                : "/playground?source=" + URLEncoder.encode(s.source(), StandardCharsets.UTF_8) + "&live=" + s.code() + step;
        noStore(ctx).redirect(to, io.javalin.http.HttpStatus.SEE_OTHER);
    }

    private void page(Context ctx, int status, String message, String typed) {
        Map<String, Object> model = new java.util.HashMap<>();
        model.put("assets", assets);
        model.put("message", message);
        model.put("typed", typed == null ? "" : shorten(typed));
        noStore(ctx).status(status).html(templates.render("join", model));
    }

    /** Every refusal of the live classroom, as {"error": sentence} with its status. */
    public static void refuse(LiveError e, Context ctx) {
        int status = switch (e.kind()) {
            case NOT_FOUND -> 404;
            case FORBIDDEN -> 403;
            case INVALID -> 400;
            case TOO_MANY -> 429;
            case FULL, UNAVAILABLE -> 503;
        };
        if (status == 429) ctx.header("Retry-After", "2");
        ctx.header("Cache-Control", "no-store");
        ctx.status(status).contentType("application/json").result(Errors.json(e.getMessage(), 0, 0));
    }

    /** How many streams this instance holds now (for tests and the benchmark). */
    public int streamsOpen() {
        return streams.open();
    }

    public Classroom classroom() {
        return classroom;
    }

    @Override
    public void close() {
        streams.close();
        classroom.store().close();
    }

    /** A state event's JSON, with each poll's histogram and correct answer once they are revealed. */
    String render(String code, LiveState state) {
        Session session = classroom.session(code);
        List<LiveJson.Poll> polls = new ArrayList<>(2);
        for (int checkpoint : session.checkpointsAt(state.step())) {
            Tally tally = state.histogramShown() ? classroom.store().tally(code, checkpoint) : null;
            String correct = state.answerShown()
                    ? checkpoint(session, checkpoint).map(c -> Format.number(c.answer())).orElse(null) : null;
            polls.add(new LiveJson.Poll(checkpoint, tally, correct));
        }
        return LiveJson.state(session, state, students.get(code, classroom.store()::students), polls);
    }

    private Optional<Checkpoint> checkpoint(Session session, int index) {
        if (session.lesson() == null) return Optional.empty();
        return library.current().find(session.lesson())
                .filter(l -> index >= 0 && index < l.checkpoints().size())
                .map(l -> l.checkpoints().get(index));
    }

    /** Students whose answer (a number) the checkpoint accepts. */
    private static int right(Checkpoint c, Tally tally) {
        int n = 0;
        for (Tally.Bar bar : tally.histogram()) {
            try {
                if (c.accepts(Double.parseDouble(bar.answer()))) n += bar.count();
            } catch (NumberFormatException ignored) {
                // words are never right
            }
        }
        return n;
    }

    private static String code(Context ctx) {
        String typed = ctx.pathParam("code");
        return JoinCode.parse(typed).orElseThrow(() -> new LiveError(LiveError.Kind.NOT_FOUND,
                "There is no live session with that code: a code is six letters and digits, such as KX7RMT."));
    }

    private static String bearer(Context ctx) {
        String h = ctx.header("Authorization");
        if (h == null || h.length() < 7 || !h.regionMatches(true, 0, "Bearer ", 0, 7)) return null;
        return h.substring(7).trim();
    }


    private static Context noStore(Context ctx) {
        ctx.header("Cache-Control", "no-store");
        return ctx;
    }

    private static String origin(Context ctx) {
        String proto = ctx.header("X-Forwarded-Proto");
        String scheme = "https".equalsIgnoreCase(proto) ? "https" : ctx.scheme();
        return scheme + "://" + ctx.host();
    }

    private static String shorten(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }
}
