package org.stepgrad.web;

import java.nio.file.Path;

/** What the app is built from: where lessons live (null: the ones inside the jar). */
public record Settings(Path lessonsDir) {
    public static Settings defaults() {
        return new Settings(null);
    }
}
