package org.stepgrad.web.api;

import org.stepgrad.web.http.ApiError;
import org.stepgrad.web.http.Cached;
import org.stepgrad.web.json.Json;

import io.javalin.http.Context;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.stepgrad.lesson.Lesson;
import org.stepgrad.lesson.LessonLibrary;

/**
 * oEmbed (oembed.com) for lesson and playground links, so a blog or an LMS embeds a lesson at a
 * step by pasting its link: the answer is an iframe of the matching {@code /embed/…} page.
 */
public final class OembedController {
    private static final Pattern LESSON = Pattern.compile("/(?:lessons|embed)/([a-z0-9][a-z0-9-]{0,63})");
    private static final Pattern STEP = Pattern.compile("(?:^|&)step=(\\d{1,6})(?:&|$)");
    private static final int WIDTH = 800;
    private static final int HEIGHT = 560;

    private static final Pattern SOURCE = Pattern.compile("(?:^|&)source=([^&]*)");

    /** The graph drawn at a step, for the answer's thumbnail: its address on this server and its size. */
    public interface Drawings {
        Drawing lesson(Lesson lesson, int step);

        /** Null when the program has a fault and so no graph. */
        Drawing program(String source, int step);
    }

    /** A graph file: {@code path} on this server, drawn {@code width} × {@code height} pixels. */
    public record Drawing(String path, double width, double height) {
    }

    private final LessonLibrary library;
    private final Origin publicOrigin;
    private final Drawings drawings;

    /** {@code publicUrl}: the only origin whose links are embedded; null: the request's own. {@code drawings}: null for no thumbnails. */
    public OembedController(LessonLibrary library, String publicUrl, Drawings drawings) {
        this.library = library;
        this.publicOrigin = publicUrl == null ? null : Origin.parse(publicUrl);
        this.drawings = drawings;
    }

    public OembedController(LessonLibrary library, String publicUrl) {
        this(library, publicUrl, null);
    }

    public OembedController(LessonLibrary library) {
        this(library, null);
    }

    /** The origin this server's links are written with: PUBLIC_URL, or where the request was sent. */
    public String origin(Context ctx) {
        return (publicOrigin != null ? publicOrigin : Origin.of(ctx)).toString();
    }

    /** The discovery link's address for the page at {@code pageHref} ("/lessons/loss?step=3") on {@code origin}. */
    public static String discovery(String origin, String pageHref) {
        return origin + "/oembed?format=json&url=" + java.net.URLEncoder.encode(origin + pageHref, java.nio.charset.StandardCharsets.UTF_8);
    }

    /** GET /oembed?url=…&maxwidth=…&maxheight=…&format=json */
    public void oembed(Context ctx) {
        String format = ctx.queryParam("format");
        if (format != null && !format.equals("json")) {
            throw new ApiError(501, "only format=json is offered");
        }
        String url = ctx.queryParam("url");
        if (url == null || url.isBlank()) throw new ApiError(400, "add the lesson's link as ?url=…");
        URI uri;
        try {
            uri = new URI(url.trim());
        } catch (URISyntaxException e) {
            throw new ApiError(400, "the url is not a link (" + e.getReason() + " at character " + (e.getIndex() + 1) + ")");
        }
        if (!Origin.isWeb(uri.getScheme()) || uri.getHost() == null) {
            throw new ApiError(400, "the url must be an http or https link to a Stepgrad lesson");
        }
        if (uri.getRawUserInfo() != null) {
            throw new ApiError(400, "the url carries a user name or password; a lesson link has none");
        }
        Origin own = publicOrigin != null ? publicOrigin : Origin.of(ctx);
        if (!Origin.of(uri).equals(own)) {
            throw new ApiError(404, "only links to this server (" + own + ") can be embedded");
        }
        String origin = own.toString();
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        String query = uri.getRawQuery() == null ? "" : uri.getRawQuery();
        Matcher stepMatch = STEP.matcher(query);
        boolean stepped = stepMatch.find();
        int at = stepped ? Integer.parseInt(stepMatch.group(1)) : 0;
        String step = stepped ? "?step=" + at : "";
        Drawing drawing = null;

        String title;
        String src;
        Matcher lesson = LESSON.matcher(path);
        if (lesson.matches() && !"playground".equals(lesson.group(1))) {
            Lesson found = library.current().find(lesson.group(1))
                    .orElseThrow(() -> new ApiError(404, "there is no lesson '" + lesson.group(1) + "' to embed"));
            title = found.title();
            src = origin + "/embed/" + found.id() + step;
            if (drawings != null) drawing = drawings.lesson(found, at);
        } else if (path.equals("/playground") || path.equals("/embed/playground")) {
            title = "Stepgrad playground";
            src = origin + "/embed/playground" + (query.isEmpty() ? "" : "?" + query);
            Matcher source = SOURCE.matcher(query);
            if (drawings != null && source.find()) drawing = drawings.program(decode(source.group(1)), at);
        } else {
            throw new ApiError(404, "only Stepgrad lesson and playground links can be embedded");
        }
        int width = bounded(ctx.queryParam("maxwidth"), WIDTH);
        int height = bounded(ctx.queryParam("maxheight"), HEIGHT);
        String html = "<iframe src=\"" + attribute(src) + "\" width=\"" + width + "\" height=\"" + height
                + "\" title=\"" + attribute(title) + "\" loading=\"lazy\" style=\"border:0\" allow=\"fullscreen\"></iframe>";
        Thumbnail thumbnail = drawing == null ? null : Thumbnail.fit(origin, drawing, ctx.queryParam("maxwidth") == null ? Integer.MAX_VALUE : width,
                ctx.queryParam("maxheight") == null ? Integer.MAX_VALUE : height);
        Cached.of(200, "application/json", json(title, origin, html, width, height, thumbnail)).send(ctx);
    }

    /** The graph file as the answer's thumbnail, its size shrunk (never grown) to fit maxwidth × maxheight, keeping its shape. */
    record Thumbnail(String url, int width, int height) {
        static Thumbnail fit(String origin, Drawing d, int maxWidth, int maxHeight) {
            double scale = Math.min(1, Math.min(maxWidth / d.width(), maxHeight / d.height()));
            return new Thumbnail(origin + d.path(), Math.max(1, (int) Math.floor(d.width() * scale)),
                    Math.max(1, (int) Math.floor(d.height() * scale)));
        }
    }

    private static String decode(String raw) {
        try {
            return java.net.URLDecoder.decode(raw, java.nio.charset.StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null; // a mangled source: no thumbnail, the iframe still shows the page's own sentence
        }
    }

    private static int bounded(String max, int preferred) {
        if (max == null) return preferred;
        try {
            int limit = Integer.parseInt(max.trim());
            if (limit < 1) throw new NumberFormatException();
            return Math.min(preferred, limit);
        } catch (NumberFormatException e) {
            throw new ApiError(400, "maxwidth and maxheight are whole numbers of pixels, such as 640");
        }
    }

    /** Escapes for a double-quoted HTML attribute: the consumer pastes this HTML into its page. */
    static String attribute(String s) {
        return s.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;").replace(">", "&gt;").replace("'", "&#39;");
    }

    private static byte[] json(String title, String origin, String html, int width, int height, Thumbnail thumbnail) {
        return Json.bytes(json -> {
            json.writeStartObject();
            json.writeStringField("version", "1.0");
            json.writeStringField("type", "rich");
            json.writeStringField("provider_name", "Stepgrad");
            json.writeStringField("provider_url", origin + "/");
            json.writeStringField("title", title);
            json.writeStringField("html", html);
            json.writeNumberField("width", width);
            json.writeNumberField("height", height);
            if (thumbnail != null) {
                json.writeStringField("thumbnail_url", thumbnail.url());
                json.writeNumberField("thumbnail_width", thumbnail.width());
                json.writeNumberField("thumbnail_height", thumbnail.height());
            }
            json.writeEndObject();
        });
    }
}
