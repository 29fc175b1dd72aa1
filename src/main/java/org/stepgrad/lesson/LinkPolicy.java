package org.stepgrad.lesson;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * Which link and image targets an author's Markdown keeps, for the page and the API alike: links
 * to {@code http(s):} and {@code mailto:} addresses and to paths on this site; images from this
 * site only. Targets are parsed as URIs, and anything a browser could read as another host
 * ({@code //host}, {@code /\host}, a backslash, a tab or newline that browsers strip) is dropped.
 */
final class LinkPolicy {
    private LinkPolicy() {
    }

    /** The link target as written when it is kept, or null when the link is dropped (its text stays). */
    static String link(String destination) {
        if (destination == null) return null;
        String d = destination.strip();
        if (d.isEmpty()) return null;
        for (int i = 0; i < d.length(); i++) {
            char c = d.charAt(i);
            // browsers turn '\' into '/' and delete tabs and newlines, so "/\host" and "/<tab>/host" name another host
            if (c == '\\' || Character.isISOControl(c) || Character.isWhitespace(c)) return null;
        }
        URI uri;
        try {
            uri = new URI(d);
        } catch (URISyntaxException e) {
            return null;
        }
        String scheme = uri.getScheme();
        if (scheme == null) {
            // a browser reads "//host", "///host" and so on as another host, whatever follows
            return d.startsWith("//") || uri.getRawAuthority() != null ? null : d;
        }
        return switch (scheme.toLowerCase(Locale.ROOT)) {
            case "http", "https" -> !uri.isOpaque() && uri.getHost() != null ? d : null;
            case "mailto" -> uri.isOpaque() && !uri.getRawSchemeSpecificPart().isBlank() ? d : null;
            default -> null; // javascript:, data:, vbscript:, file: and every other scheme
        };
    }

    /** The image source when it is a path on this site, or null: outside images would tell another host who reads. */
    static String image(String source) {
        String kept = link(source);
        return kept != null && URI.create(kept).getScheme() == null ? kept : null;
    }
}
