package org.stepgrad.lesson;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where lessons come from. Inside the jar they are read once, from the files that
 * {@code lessons/index.txt} names. An author's folder (LESSONS_DIR) is read when the library
 * opens and then by a watcher thread, which rescans when the folder changes and at least every
 * {@link #RESCAN_MILLIS} ms, reloading just the files whose stamp changed. Requests only read the
 * last finished catalog: they never touch the disk or wait on a lock. A file that fails is logged
 * once, as one line {@code file:line:column: sentence}, kept as a {@link LessonProblem}, and left
 * out; the others are served.
 */
public final class LessonLibrary implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LessonLibrary.class);
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
    public static final String INDEX = "lessons/index.txt";
    static final long RESCAN_MILLIS = 1_000;
    /** Room for a deep but bounded parse; the bounds in the parsers are what keep it from overflowing. */
    private static final long LOADER_STACK = 4L << 20;

    private final LessonFolder folder;
    private final Map<String, Loaded> loaded = new HashMap<>(); // by file name; only the scanning thread touches it
    private final Object scanning = new Object(); // one scan at a time; requests never take it
    private volatile Catalog catalog;
    private volatile boolean closed;
    private Thread watcher;

    private LessonLibrary(Path dir) {
        this.folder = dir == null ? null : new LessonFolder(dir);
    }

    /** The lessons in {@code dir}, watched for changes, or those packaged in the jar when {@code dir} is null. */
    public static LessonLibrary open(Path dir) {
        LessonLibrary library = new LessonLibrary(dir);
        if (dir == null) {
            library.catalog = library.onLoaderThread(library::fromClasspath);
        } else {
            library.onLoaderThread(library::rescan);
            library.watch();
        }
        return library;
    }

    /** The lessons as last loaded; never waits. */
    public Catalog current() {
        return catalog;
    }

    /** Scans the folder now and returns the new catalog (for tests and tools; requests use {@link #current}). */
    Catalog refresh() {
        return folder == null ? catalog : onLoaderThread(this::rescan);
    }

    /** Stops watching the folder. */
    @Override
    public void close() {
        closed = true;
        Thread t = watcher;
        if (t != null) t.interrupt();
    }

    /** Runs a load on a thread with a known stack, whatever the caller's. */
    private Catalog onLoaderThread(java.util.function.Supplier<Catalog> load) {
        Catalog[] out = new Catalog[1];
        Thread t = new Thread(null, () -> out[0] = load.get(), "lesson-loader", LOADER_STACK);
        t.start();
        try {
            t.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return out[0] != null ? out[0] : catalog != null ? catalog : new Catalog(List.of(), List.of());
    }

    private void watch() {
        WatchService service = null;
        try {
            service = FileSystems.getDefault().newWatchService();
            folder.dir().register(service, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_DELETE,
                    StandardWatchEventKinds.ENTRY_MODIFY);
        } catch (IOException | UnsupportedOperationException e) {
            // no events (a missing folder, a file system without them): the timed rescan still sees every change
            if (service != null) close(service);
            service = null;
        }
        WatchService events = service;
        watcher = new Thread(null, () -> watchLoop(events), "lesson-watcher", LOADER_STACK);
        watcher.setDaemon(true);
        watcher.start();
    }

    private void watchLoop(WatchService events) {
        String lastFailure = null;
        try {
            while (!closed) {
                WatchKey key = events == null ? null : events.poll(RESCAN_MILLIS, TimeUnit.MILLISECONDS);
                if (events == null) Thread.sleep(RESCAN_MILLIS);
                if (key != null) {
                    key.pollEvents();
                    key.reset();
                }
                if (closed) break;
                try {
                    rescan();
                    lastFailure = null;
                } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
                    // the watcher keeps going, and says so once, not once a second
                    String failure = oneLine(e.toString());
                    if (!failure.equals(lastFailure)) LOG.error("{}: the lessons folder could not be rescanned: {}", folder.dir(), failure);
                    lastFailure = failure;
                }
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            // closed
        } finally {
            if (events != null) close(events);
        }
    }

    private static void close(WatchService service) {
        try {
            service.close();
        } catch (IOException e) {
            // nothing left to release
        }
    }

    private Catalog fromClasspath() {
        ClassLoader loader = LessonLibrary.class.getClassLoader();
        List<Lesson> lessons = new ArrayList<>();
        List<LessonProblem> problems = new ArrayList<>();
        String index = resource(loader, INDEX);
        if (index == null) {
            problems.add(new LessonProblem(INDEX, 1, 1, "the lesson index is missing, so no lessons are served"));
            return report(null, new Catalog(lessons, problems), Set.of());
        }
        for (String name : index.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList()) {
            String file = "lessons/" + name;
            String text = resource(loader, file);
            Loaded one = text == null
                    ? new Loaded(null, null, new LessonProblem(INDEX, 1, 1, "it names " + name + ", which is not in the jar"))
                    : load(name, file, text, null);
            if (one.lesson != null) lessons.add(one.lesson);
            if (one.problem != null) problems.add(one.problem);
        }
        return report(null, checkIds(lessons, problems), Set.of());
    }

    /** Reloads what changed and publishes the new catalog; the scanning lock keeps catalogs in order. */
    private Catalog rescan() {
        synchronized (scanning) {
            catalog = scanChanges(catalog);
            return catalog;
        }
    }

    private Catalog scanChanges(Catalog before) {
        Map<String, Path> files = new TreeMap<>();
        try {
            for (Path p : folder.list()) files.put(p.getFileName().toString(), p);
        } catch (IOException | SecurityException e) {
            loaded.clear();
            return report(before, new Catalog(List.of(), List.of(new LessonProblem(folder.dir().toString(), 1, 1,
                    "the lessons folder cannot be read (" + e.getClass().getSimpleName() + ")"))), Set.of());
        }
        loaded.keySet().retainAll(files.keySet());
        List<Lesson> lessons = new ArrayList<>();
        List<LessonProblem> problems = new ArrayList<>();
        Set<LessonProblem> fresh = new HashSet<>(); // from files read in this scan: logged even when the sentence is unchanged
        for (Map.Entry<String, Path> f : files.entrySet()) {
            LessonFolder.Stamp stamp = folder.stamp(f.getValue());
            Loaded one = loaded.get(f.getKey());
            if (one == null || !stamp.equals(one.stamp)) {
                one = read(f.getKey(), f.getValue(), stamp);
                loaded.put(f.getKey(), one);
                if (one.problem != null) fresh.add(one.problem);
            }
            if (one.lesson != null) lessons.add(one.lesson);
            if (one.problem != null) problems.add(one.problem);
        }
        return report(before, checkIds(lessons, problems), fresh);
    }

    private Loaded read(String name, Path path, LessonFolder.Stamp stamp) {
        String file = path.toString();
        if (!ID.matcher(name.replaceFirst("\\.ya?ml$", "")).matches()) return load(name, file, null, stamp); // load refuses the name; never opened
        LessonFolder.Read read = folder.read(path);
        if (read.problem() != null) return new Loaded(null, stamp, new LessonProblem(file, 1, 1, read.problem()));
        return load(name, file, read.text(), stamp);
    }

    /** One file's lesson or problem; nothing thrown while loading one file reaches the others. */
    private static Loaded load(String name, String file, String text, LessonFolder.Stamp stamp) {
        String id = name.replaceFirst("\\.ya?ml$", "");
        if (!ID.matcher(id).matches()) {
            return new Loaded(null, stamp, new LessonProblem(file, 1, 1, "the file name gives the lesson's address, so it uses "
                    + "only lower-case letters, digits and '-' (at most 64), such as chain-rule.yaml"));
        }
        try {
            return new Loaded(LessonParser.parse(id, file, text), stamp, null);
        } catch (LessonException e) {
            return new Loaded(null, stamp, new LessonProblem(file, e.line, e.column, e.getMessage()));
        } catch (RuntimeException e) {
            return new Loaded(null, stamp, new LessonProblem(file, 1, 1, "the lesson failed to load: " + e));
        } catch (StackOverflowError | OutOfMemoryError e) {
            // the last resort: the parsers' bounds should make this unreachable, and one file must never stop the others
            return new Loaded(null, stamp, new LessonProblem(file, 1, 1, "the lesson is too large or nested too deeply to load ("
                    + e.getClass().getSimpleName() + ")"));
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
                all.add(new LessonProblem(l.file(), 1, 1, "the lesson id '" + l.id() + "' is taken by " + earlier.file()));
            }
        }
        return new Catalog(kept, all);
    }

    /** Logs, one line each, the problems of files just read and any the previous catalog did not have. */
    private static Catalog report(Catalog before, Catalog now, Set<LessonProblem> fresh) {
        Set<LessonProblem> known = before == null ? Set.of() : new HashSet<>(before.problems());
        for (LessonProblem p : now.problems()) {
            if (fresh.contains(p) || !known.contains(p)) LOG.warn("{}", oneLine(p.describe()));
        }
        // a scan that changed nothing keeps the catalog, so the pages made from it stay current
        return before != null && sameLessons(before, now) && before.problems().equals(now.problems()) ? before : now;
    }

    /** The same loaded lessons, the very objects, in the same order. */
    private static boolean sameLessons(Catalog a, Catalog b) {
        if (a.lessons().size() != b.lessons().size()) return false;
        for (int i = 0; i < a.lessons().size(); i++) {
            if (a.lessons().get(i) != b.lessons().get(i)) return false;
        }
        return true;
    }

    /** A log line an author's file name or text cannot split or forge. */
    private static String oneLine(String s) {
        return s.replaceAll("\\p{Cntrl}", "?");
    }

    private static String resource(ClassLoader loader, String name) {
        try (InputStream in = loader.getResourceAsStream(name)) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return null;
        }
    }

    private record Loaded(Lesson lesson, LessonFolder.Stamp stamp, LessonProblem problem) {
    }
}
