package org.stepgrad.web.pages;

import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.stepgrad.lesson.Catalog;
import org.stepgrad.lesson.Lesson;
import org.stepgrad.lesson.LessonLibrary;
import org.stepgrad.web.http.Assets;
import org.stepgrad.web.http.ByteCache;
import org.stepgrad.web.http.Cached;

/** {@code GET /}: the course in order, then the playground's examples. */
public final class IndexPage {
    /** A lesson in the index: its place, title, summary and address. */
    public record CourseEntry(String id, int number, String title, String summary, String href) {
    }

    /** A lesson file that did not load: where ("quotes.yaml:4:19") and why, for its author to fix. */
    public record BrokenEntry(String place, String message) {
    }

    private record Key(List<Loaded> course, List<org.stepgrad.lesson.LessonProblem> problems) {
    }

    private final LessonLibrary library;
    private final Templates templates;
    private final Assets assets;
    private final ByteCache<Key, Cached> pages = ByteCache.responses(4L << 20, k -> 0);

    public IndexPage(LessonLibrary library, Templates templates, Assets assets) {
        this.library = library;
        this.templates = templates;
        this.assets = assets;
    }

    public void index(Context ctx) {
        Catalog catalog = library.current();
        org.stepgrad.web.http.FrontCache.send(ctx, pages.get(new Key(Loaded.all(catalog.lessons()), catalog.problems()), k -> {
            List<CourseEntry> course = new ArrayList<>();
            for (Lesson l : catalog.lessons()) {
                course.add(new CourseEntry(l.id(), course.size() + 1, l.title(), l.summary(), "/lessons/" + l.id()));
            }
            List<BrokenEntry> broken = catalog.problems().stream().map(p -> new BrokenEntry(p.place(), p.message())).toList();
            return Cached.html(200, templates.render("index", Map.of("assets", assets,
                    "examples", PageController.examples(null), "course", course, "broken", broken)));
        }), () -> library.current() == catalog);
    }
}
