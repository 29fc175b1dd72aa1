package org.stepgrad.lesson;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where lessons come from. Inside the jar they are read once, from the files that
 * {@code lessons/index.txt} names. From an author's folder (LESSONS_DIR) every request first
 * compares each file's modification time and size with what was loaded, cheaply, and reloads
 * just the files that changed: an edit shows on the next reload of the page. A file that fails
 * is logged as {@code file:line:column: sentence} and left out; the others are served.
 */
public final class LessonLibrary {
    private static final Logger LOG = LoggerFactory.getLogger(LessonLibrary.class);
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
    public static final String INDEX = "lessons/index.txt";

    private final Path dir;
    private final Map<String, Loaded> loaded = new HashMap<>(); // by file name
    private volatile Catalog catalog;
    private boolean folderUnreadable; // guarded by scan's callers: open() and synchronized current()

    private LessonLibrary(Path dir) {
        this.dir = dir;
    }

    /** The lessons in {@code dir}, or those packaged in the jar when {@code dir} is null. */
    public static LessonLibrary open(Path dir) {
        LessonLibrary library = new LessonLibrary(dir);
        library.catalog = dir == null ? library.fromClasspath() : library.scan();
        return library;
    }

    /** The lessons as they are now: for a folder, any changed file is reloaded first. */
    public Catalog current() {
        if (dir == null) return catalog;
        synchronized (this) {
            catalog = scan();
            return catalog;
        }
    }

    private Catalog fromClasspath() {
        ClassLoader loader = LessonLibrary.class.getClassLoader();
        List<Lesson> lessons = new ArrayList<>();
        List<LessonProblem> problems = new ArrayList<>();
        String index = resource(loader, INDEX);
        if (index == null) {
            problems.add(report(new LessonProblem(INDEX, 1, 1, "the lesson index is missing, so no lessons are served")));
            return new Catalog(lessons, problems);
        }
        for (String name : index.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList()) {
            String file = "lessons/" + name;
            String text = resource(loader, file);
            Loaded one = text == null
                    ? new Loaded(null, null, report(new LessonProblem(INDEX, 1, 1, "it names " + name + ", which is not in the jar")))
                    : load(name, file, text, null);
            if (one.lesson != null) lessons.add(one.lesson);
            if (one.problem != null) problems.add(one.problem);
        }
        return checkIds(lessons, problems);
    }

    private Catalog scan() {
        Map<String, Path> files = new TreeMap<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir, "*.{yaml,yml}")) {
            for (Path p : stream) files.put(p.getFileName().toString(), p);
        } catch (IOException e) {
            // every request rescans: say it once, not once a request, until the folder comes back
            if (!folderUnreadable) LOG.warn("{}: the lessons folder cannot be read: {}", dir, e.toString());
            folderUnreadable = true;
            return new Catalog(List.of(), List.of(new LessonProblem(dir.toString(), 1, 1, "the lessons folder cannot be read")));
        }
        folderUnreadable = false;
        loaded.keySet().retainAll(files.keySet());
        List<Lesson> lessons = new ArrayList<>();
        List<LessonProblem> problems = new ArrayList<>();
        for (Map.Entry<String, Path> f : files.entrySet()) {
            Stamp stamp = stamp(f.getValue());
            Loaded one = loaded.get(f.getKey());
            if (one == null || !stamp.equals(one.stamp)) {
                one = read(f.getKey(), f.getValue(), stamp);
                loaded.put(f.getKey(), one);
            }
            if (one.lesson != null) lessons.add(one.lesson);
            if (one.problem != null) problems.add(one.problem);
        }
        return checkIds(lessons, problems);
    }

    private Loaded read(String name, Path path, Stamp stamp) {
        String text;
        try {
            text = Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return new Loaded(null, stamp, report(new LessonProblem(path.toString(), 1, 1, "the file cannot be read as UTF-8 text")));
        }
        return load(name, path.toString(), text, stamp);
    }

    private static Loaded load(String name, String file, String text, Stamp stamp) {
        String id = name.replaceFirst("\\.ya?ml$", "");
        if (!ID.matcher(id).matches()) {
            return new Loaded(null, stamp, report(new LessonProblem(file, 1, 1, "the file name gives the lesson's address, so it uses "
                    + "only lower-case letters, digits and '-', such as chain-rule.yaml")));
        }
        try {
            return new Loaded(LessonParser.parse(id, file, text), stamp, null);
        } catch (LessonException e) {
            return new Loaded(null, stamp, report(new LessonProblem(file, e.line, e.column, e.getMessage())));
        } catch (RuntimeException e) {
            LOG.error("{}: the lesson failed to load", file, e);
            return new Loaded(null, stamp, new LessonProblem(file, 1, 1, "the lesson failed to load: " + e));
        }
    }

    private static Catalog checkIds(List<Lesson> lessons, List<LessonProblem> problems) {
        Map<String, Lesson> seen = new HashMap<>();
        List<Lesson> kept = new ArrayList<>();
        List<LessonProblem> all = new ArrayList<>(problems);
        for (Lesson l : lessons) {
            Lesson earlier = seen.putIfAbsent(l.id(), l);
            if (earlier == null) {
                kept.add(l);
            } else {
                all.add(report(new LessonProblem(l.file(), 1, 1, "the lesson id '" + l.id() + "' is taken by " + earlier.file())));
            }
        }
        return new Catalog(kept, all);
    }

    private static LessonProblem report(LessonProblem problem) {
        LOG.warn("{}", problem.describe());
        return problem;
    }

    private static Stamp stamp(Path p) {
        try {
            BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
            return new Stamp(a.lastModifiedTime().toMillis(), a.size());
        } catch (IOException e) {
            return new Stamp(-1, -1);
        }
    }

    private static String resource(ClassLoader loader, String name) {
        try (InputStream in = loader.getResourceAsStream(name)) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return null;
        }
    }

    private record Stamp(long modified, long size) {
    }

    private record Loaded(Lesson lesson, Stamp stamp, LessonProblem problem) {
    }
}
