package org.stepgrad.live;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.Optional;

/** A session's six-character join code, from an alphabet without look-alikes (no 0/O, 1/I/L, 5/S, 2/Z, 8/B). */
public final class JoinCode {
    static final String ALPHABET = "ACDEFGHJKMNPQRTUVWXY3467";
    public static final int LENGTH = 6;

    private JoinCode() {
    }

    public static String random(SecureRandom random) {
        StringBuilder code = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) code.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        return code.toString();
    }

    /** The code a person typed ("abc-d e f" counts), upper-cased, or empty when it cannot be one. */
    public static Optional<String> parse(String typed) {
        if (typed == null || typed.length() > 40) return Optional.empty();
        String code = typed.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
        if (code.length() != LENGTH) return Optional.empty();
        for (int i = 0; i < LENGTH; i++) {
            if (ALPHABET.indexOf(code.charAt(i)) < 0) return Optional.empty();
        }
        return Optional.of(code);
    }
}
