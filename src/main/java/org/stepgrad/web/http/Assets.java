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

    /** Long-cached: the URL changes whenever any byte does. */
    public static final Map<String, String> CACHE_HEADERS = Map.of("Cache-Control", "public, max-age=31536000, immutable");

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
        URL url = Assets.class.getClassLoader().getResource(FOLDER);
        if (url == null) throw new IllegalStateException(FOLDER + " is missing from the classpath");
        try {
            URI uri = url.toURI();
            if ("jar".equals(uri.getScheme())) {
                try (FileSystem jar = FileSystems.newFileSystem(uri, Map.of())) {
                    return hash(jar.provider().getPath(uri));
                } catch (java.nio.file.FileSystemAlreadyExistsException e) {
                    return hash(Path.of(uri)); // someone else opened the jar: use theirs, don't close it
                }
            }
            return hash(Path.of(uri));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String hash(Path folder) throws IOException {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(folder)) {
            files = walk.filter(Files::isRegularFile).sorted().toList(); // sorted: the same hash on every machine
        }
        for (Path file : files) {
            sha.update(folder.relativize(file).toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            try (InputStream in = Files.newInputStream(file)) {
                sha.update(in.readAllBytes());
            }
        }
        return HexFormat.of().formatHex(sha.digest()).substring(0, 12);
    }
}
