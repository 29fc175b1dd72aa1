package org.stepgrad;

import io.javalin.Javalin;
import java.nio.file.Path;
import org.stepgrad.web.App;
import org.stepgrad.web.Settings;
import org.stepgrad.web.Warmup;
import org.stepgrad.web.http.Readiness;

/**
 * Starts Stepgrad: PORT (default 7070), LESSONS_DIR (default: the lessons inside the jar) and
 * PUBLIC_URL (the origin links and embeds are made for, e.g. https://stepgrad.example; default:
 * each request's own) and REDIS_URL (default: live sessions in this process). /ready turns 200
 * once the warm-up has rendered every lesson.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        String port = System.getenv().getOrDefault("PORT", "7070");
        String lessons = System.getenv("LESSONS_DIR");
        Settings settings = new Settings(lessons == null || lessons.isBlank() ? null : Path.of(lessons), System.getenv("PUBLIC_URL"));
        Readiness readiness = Readiness.warming();
        Javalin app = App.create(settings, readiness, org.stepgrad.web.live.LiveOptions.fromEnvironment(System.getenv())).start(Integer.parseInt(port.trim()));
        Warmup.inBackground("http://127.0.0.1:" + app.port(), readiness);
    }
}
