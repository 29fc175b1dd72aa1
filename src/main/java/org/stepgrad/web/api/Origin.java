package org.stepgrad.web.api;

import io.javalin.http.Context;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/** A scheme, host and port: the one place this server's links point to. */
record Origin(String scheme, String host, int port) {
    /** PUBLIC_URL, such as https://stepgrad.example; refuses anything with a path, user or query. */
    static Origin parse(String url) {
        try {
            URI uri = new URI(url);
            if (!isWeb(uri.getScheme()) || uri.getHost() == null || uri.getRawUserInfo() != null
                    || (uri.getRawPath() != null && !uri.getRawPath().isEmpty() && !uri.getRawPath().equals("/"))
                    || uri.getRawQuery() != null || uri.getRawFragment() != null) {
                throw new IllegalArgumentException("PUBLIC_URL must be an origin such as https://stepgrad.example, not " + url);
            }
            return of(uri);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("PUBLIC_URL is not a link: " + url, e);
        }
    }

    /** The origin the request was sent to (its scheme and Host header). */
    static Origin of(Context ctx) {
        try {
            URI uri = new URI(ctx.scheme() + "://" + ctx.host());
            if (uri.getHost() == null) throw new URISyntaxException(ctx.host(), "no host");
            return of(uri);
        } catch (URISyntaxException e) {
            throw new org.stepgrad.web.http.ApiError(400, "the request's Host header is not a host name");
        }
    }

    static Origin of(URI uri) {
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        int port = uri.getPort() >= 0 ? uri.getPort() : scheme.equals("https") ? 443 : 80;
        return new Origin(scheme, uri.getHost().toLowerCase(Locale.ROOT), port);
    }

    static boolean isWeb(String scheme) {
        return "http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme);
    }

    /** As written in links: the port only when it is not the scheme's own. */
    @Override
    public String toString() {
        boolean usual = port == (scheme.equals("https") ? 443 : 80);
        return scheme + "://" + host + (usual ? "" : ":" + port);
    }
}
