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

    private final LessonLibrary library;
    private final Origin publicOrigin;

    /** {@code publicUrl}: the only origin whose links are embedded; null: the request's own. */
    public OembedController(LessonLibrary library, String publicUrl) {
        this.library = library;
        this.publicOrigin = publicUrl == null ? null : Origin.parse(publicUrl);
    }

    public OembedController(LessonLibrary library) {
        this(library, null);
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
        String step = stepMatch.find() ? "?step=" + Integer.parseInt(stepMatch.group(1)) : "";

        String title;
        String src;
        Matcher lesson = LESSON.matcher(path);
        if (lesson.matches() && !"playground".equals(lesson.group(1))) {
            Lesson found = library.current().find(lesson.group(1))
                    .orElseThrow(() -> new ApiError(404, "there is no lesson '" + lesson.group(1) + "' to embed"));
            title = found.title();
            src = origin + "/embed/" + found.id() + step;
        } else if (path.equals("/playground") || path.equals("/embed/playground")) {
            title = "Stepgrad playground";
            src = origin + "/embed/playground" + (query.isEmpty() ? "" : "?" + query);
        } else {
            throw new ApiError(404, "only Stepgrad lesson and playground links can be embedded");
        }
        int width = bounded(ctx.queryParam("maxwidth"), WIDTH);
        int height = bounded(ctx.queryParam("maxheight"), HEIGHT);
        String html = "<iframe src=\"" + attribute(src) + "\" width=\"" + width + "\" height=\"" + height
                + "\" title=\"" + attribute(title) + "\" loading=\"lazy\" style=\"border:0\" allow=\"fullscreen\"></iframe>";
        Cached.of(200, "application/json", json(title, origin, html, width, height)).send(ctx);
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

    private static byte[] json(String title, String origin, String html, int width, int height) {
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
            json.writeEndObject();
        });
    }
}
