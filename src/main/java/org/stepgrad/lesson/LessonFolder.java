package org.stepgrad.lesson;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * An author's lesson folder, read without trusting it: only regular files of at most
 * {@link #MAX_BYTES}, a symbolic link only when its real path stays inside the folder, and every
 * read in a worker thread given {@link #READ_SECONDS}, so a pipe or a slow disk costs a sentence,
 * never a stuck server.
 */
final class LessonFolder {
    static final int MAX_BYTES = 1 << 20;
    static final int READ_SECONDS = 5;

    private static final ExecutorService READERS = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "lesson-file-reader");
        t.setDaemon(true); // a read stuck on a pipe must not keep the JVM alive
        return t;
    });

    private final Path dir;

    LessonFolder(Path dir) {
        this.dir = dir;
    }

    Path dir() {
        return dir;
    }

    /** A file as last seen: enough to tell that it changed without opening it. */
    record Stamp(long modified, long size, Object key, String target) {
    }

    /** What reading one file gave: its text, or why it was not read (a sentence for line 1, column 1). */
    record Read(String text, String problem) {
        static Read refused(String problem) {
            return new Read(null, problem);
        }
    }

    /** The folder's *.yaml and *.yml names with their paths, by name; an unreadable folder throws. */
    List<Path> list() throws IOException {
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir, "*.{yaml,yml}")) {
            for (Path p : stream) files.add(p);
        }
        return files;
    }

    /** The file's stamp, and its link target's when it is a link, read without following anything into a read. */
    Stamp stamp(Path p) {
        try {
            BasicFileAttributes own = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            if (!own.isSymbolicLink()) return new Stamp(own.lastModifiedTime().toMillis(), own.size(), own.fileKey(), null);
            String target = p.toRealPath().toString();
            BasicFileAttributes real = Files.readAttributes(p, BasicFileAttributes.class);
            return new Stamp(real.lastModifiedTime().toMillis(), real.size(), real.fileKey(), target);
        } catch (IOException | SecurityException e) {
            return new Stamp(-1, -1, null, e.getClass().getSimpleName());
        }
    }

    /** The file's text, or a sentence saying why it is not read. */
    Read read(Path p) {
        Path real;
        BasicFileAttributes attributes;
        try {
            BasicFileAttributes own = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            real = p;
            if (own.isSymbolicLink()) {
                real = p.toRealPath();
                Path inside = dir.toRealPath();
                if (!real.startsWith(inside)) {
                    // the target stays unnamed: the sentence is shown on the course's index, to anyone
                    return Read.refused("it is a symbolic link to a file outside the lessons folder; "
                            + "links are followed only when they stay inside it");
                }
            }
            attributes = Files.readAttributes(real, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException | SecurityException e) {
            return Read.refused("the file cannot be read (" + e.getClass().getSimpleName() + ")");
        }
        if (attributes.isDirectory()) return Read.refused("it is a folder, not a lesson file");
        if (!attributes.isRegularFile()) {
            return Read.refused("it is not a regular file (a pipe, a device or a socket), so it is not read");
        }
        if (attributes.size() > MAX_BYTES) return Read.refused(tooLarge(attributes.size()));
        Path target = real;
        Future<Read> reading = READERS.submit(() -> readBounded(target));
        try {
            return reading.get(READ_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            reading.cancel(true);
            return Read.refused("the file could not be read within " + READ_SECONDS + " seconds, so it is left out");
        } catch (InterruptedException e) {
            reading.cancel(true);
            Thread.currentThread().interrupt();
            return Read.refused("the server stopped while reading the file");
        } catch (Exception e) {
            return Read.refused("the file cannot be read (" + e.getClass().getSimpleName() + ")");
        }
    }

    /** At most MAX_BYTES + 1 bytes, so a file that grew after its size was checked is still refused by size. */
    private static Read readBounded(Path p) throws IOException {
        byte[] bytes;
        try (InputStream in = Channels.newInputStream(Files.newByteChannel(p, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS))) {
            bytes = in.readNBytes(MAX_BYTES + 1);
        }
        if (bytes.length > MAX_BYTES) {
            return Read.refused("the file grew past " + String.format("%,d", MAX_BYTES) + " bytes while it was read; a lesson file holds at most that (1 MB)");
        }
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
            return new Read(text, null);
        } catch (CharacterCodingException e) {
            return Read.refused("the file is not UTF-8 text");
        }
    }

    private static String tooLarge(long bytes) {
        return "the file is " + String.format("%,d", bytes) + " bytes; a lesson file holds at most "
                + String.format("%,d", MAX_BYTES) + " (1 MB)";
    }
}
