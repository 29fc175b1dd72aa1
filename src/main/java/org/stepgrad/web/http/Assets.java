package org.stepgrad.web.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Fingerprints web/static: one hash over every file's path and bytes goes into the URL
 * (/static/&lt;hash&gt;/stepper.js), so assets can be cached for a year and a new release is
 * fetched at once. Putting the hash in the folder, not a query string, carries it into the
 * relative imports between ES modules.
 */
public record Assets(String base) {
    public static final String FOLDER = "web/static";

    public static Assets load() {
        return new Assets("/static/" + fingerprint());
    }

    public String css() {
        return base + "/stepgrad.css";
    }

    public String stepper() {
        return base + "/stepper.js";
    }

    public String playground() {
        return base + "/playground.js";
    }

    static String fingerprint() {
        return hash(files());
    }

    /** Every file of web/static by its path inside it, in sorted order: the same hash on every machine. */
    static java.util.SortedMap<String, byte[]> files() {
        URL url = Assets.class.getClassLoader().getResource(FOLDER);
        if (url == null) throw new IllegalStateException(FOLDER + " is missing from the classpath");
        try {
            URI uri = url.toURI();
            if ("jar".equals(uri.getScheme())) {
                try (FileSystem jar = FileSystems.newFileSystem(uri, Map.of())) {
                    return read(jar.provider().getPath(uri));
                } catch (java.nio.file.FileSystemAlreadyExistsException e) {
                    return read(Path.of(uri)); // someone else opened the jar: use theirs, don't close it
                }
            }
            return read(Path.of(uri));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static java.util.SortedMap<String, byte[]> read(Path folder) throws IOException {
        java.util.SortedMap<String, byte[]> files = new java.util.TreeMap<>();
        List<Path> paths;
        try (Stream<Path> walk = Files.walk(folder)) {
            paths = walk.filter(Files::isRegularFile).toList();
        }
        for (Path file : paths) {
            try (InputStream in = Files.newInputStream(file)) {
                files.put(folder.relativize(file).toString().replace('\\', '/'), in.readAllBytes());
            }
        }
        return files;
    }

    static String hash(java.util.SortedMap<String, byte[]> files) {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            sha.update(file.getKey().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            sha.update(file.getValue());
        }
        return HexFormat.of().formatHex(sha.digest()).substring(0, 12);
    }
}
