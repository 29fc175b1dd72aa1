package org.stepgrad;

import java.nio.file.Path;
import org.stepgrad.web.App;
import org.stepgrad.web.Settings;
import org.stepgrad.web.Warmup;

/** Starts Stepgrad: PORT (default 7070), LESSONS_DIR (default: the lessons inside the jar), REDIS_URL (default: live sessions in memory). */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        String port = System.getenv().getOrDefault("PORT", "7070");
        String lessons = System.getenv("LESSONS_DIR");
        Settings settings = new Settings(lessons == null || lessons.isBlank() ? null : Path.of(lessons));
        App.create(settings, org.stepgrad.web.live.LiveOptions.fromEnvironment(System.getenv())).start(Integer.parseInt(port.trim()));
        Warmup.inBackground();
    }
}
