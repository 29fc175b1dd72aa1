package org.stepgrad.web.http;

import io.javalin.http.Context;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * web/static served from memory under its fingerprinted base: each file is a {@link Cached}
 * with its ETag, its gzip form, a charset on text, and a year's {@code immutable} caching, so
 * assets answer HEAD, If-None-Match and Accept-Encoding exactly as pages do.
 */
public final class StaticFiles {
    private static final Map<String, String> TYPES = Map.of(
            "js", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "svg", "image/svg+xml; charset=utf-8",
            "json", "application/json",
            "png", "image/png",
            "ico", "image/x-icon",
            "woff2", "font/woff2",
            "txt", "text/plain; charset=utf-8");

    private final Assets assets;
    private final Map<String, Cached> files;

    private StaticFiles(Assets assets, Map<String, Cached> files) {
        this.assets = assets;
        this.files = files;
    }

    public static StaticFiles load() {
        SortedMap<String, byte[]> read = Assets.files();
        Map<String, Cached> files = new TreeMap<>();
        read.forEach((path, bytes) -> files.put(path, Cached.immutable(type(path), bytes)));
        return new StaticFiles(new Assets("/static/" + Assets.hash(read)), Map.copyOf(files));
    }

    public Assets assets() {
        return assets;
    }

    /** The route to register: {@code GET <base>/<file>}. */
    public String route() {
        return assets.base() + "/<file>";
    }

    /** GET /static/&lt;hash&gt;/&lt;file&gt;. */
    public void serve(Context ctx) {
        Cached file = files.get(ctx.pathParam("file"));
        if (file == null) throw new ApiError(404, "there is no file " + ctx.pathParam("file") + " among this release's assets");
        FrontCache.send(ctx, file, () -> true); // a release's assets never change
    }

    static String type(String path) {
        int dot = path.lastIndexOf('.');
        String ext = dot < 0 ? "" : path.substring(dot + 1).toLowerCase(Locale.ROOT);
        return TYPES.getOrDefault(ext, "application/octet-stream");
    }
}
