package org.stepgrad.web;

import java.nio.file.Path;

/**
 * What the app is built from: where lessons live (null: the ones inside the jar), and the
 * public origin links are made for (null: each request's own scheme and host), such as
 * {@code https://stepgrad.example}.
 */
public record Settings(Path lessonsDir, String publicUrl) {
    public Settings {
        if (publicUrl != null) {
            publicUrl = publicUrl.trim();
            while (publicUrl.endsWith("/")) publicUrl = publicUrl.substring(0, publicUrl.length() - 1);
            if (publicUrl.isEmpty()) publicUrl = null;
        }
    }

    public Settings(Path lessonsDir) {
        this(lessonsDir, null);
    }

    public static Settings defaults() {
        return new Settings(null, null);
    }
}
