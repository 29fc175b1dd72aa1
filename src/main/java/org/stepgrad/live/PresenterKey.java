package org.stepgrad.live;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The presenter's secret: 256 random bits, handed out once; the store keeps only its SHA-256, so
 * a leaked store (or Redis dump) does not let anyone drive a class.
 */
public final class PresenterKey {
    private PresenterKey() {
    }

    public static String random(SecureRandom random) {
        byte[] bits = new byte[32];
        random.nextBytes(bits);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bits);
    }

    public static String hash(String key) {
        return HexFormat.of().formatHex(sha256(key));
    }

    /** Whether {@code offered} is the key whose hash is {@code storedHash}, compared in constant time. */
    public static boolean matches(String offered, String storedHash) {
        if (offered == null || storedHash == null) return false;
        byte[] expected;
        try {
            expected = HexFormat.of().parseHex(storedHash);
        } catch (IllegalArgumentException e) {
            return false;
        }
        return MessageDigest.isEqual(sha256(offered), expected); // hashing first: the time does not depend on the key's length
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
