package org.stepgrad.web.http;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/** A strong ETag from a response's bytes, so every instance behind a balancer gives the same one. */
public final class Etag {
    private Etag() {
    }

    public static String of(byte[] body) {
        try {
            return ofDigest(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /** The tag for a SHA-256 its writer already made (the trace hashes its halves as it writes them). */
    public static String ofDigest(byte[] sha256) {
        return "\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(sha256).substring(0, 22) + "\"";
    }
}
