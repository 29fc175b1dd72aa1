package org.stepgrad.web.http;

/**
 * If-None-Match as RFC 9110 §13.1.2 reads it: a list of entity tags or {@code *}, compared
 * weakly (W/"x" matches "x"), so a client holding any of our tags for these bytes gets a 304.
 */
public final class Conditional {
    private Conditional() {
    }

    /** Whether the header names one of {@code etags} (each quoted, as sent in ETag). */
    public static boolean noneMatchFails(String ifNoneMatch, String... etags) {
        if (ifNoneMatch == null) return false;
        String header = ifNoneMatch.trim();
        if (header.equals("*")) return true;
        int i = 0;
        int n = header.length();
        while (i < n) {
            while (i < n && (header.charAt(i) == ',' || header.charAt(i) == ' ' || header.charAt(i) == '\t')) i++;
            if (i >= n) break;
            if (header.startsWith("W/", i)) i += 2;
            if (i >= n || header.charAt(i) != '"') return false; // not a list of tags: ignore the header
            int end = header.indexOf('"', i + 1);
            if (end < 0) return false;
            String opaque = header.substring(i, end + 1);
            for (String etag : etags) {
                if (etag != null && opaque.equals(etag.startsWith("W/") ? etag.substring(2) : etag)) return true;
            }
            i = end + 1;
        }
        return false;
    }
}
