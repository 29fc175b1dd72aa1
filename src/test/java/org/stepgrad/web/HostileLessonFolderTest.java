package org.stepgrad.web;

import org.stepgrad.support.Tee;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.RandomAccessFile;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stepgrad.support.TestServer;

/**
 * The server started on a LESSONS_DIR that holds one good lesson beside every hostile file a
 * reviewer wrote: it starts, serves the good lesson and the index throughout, and logs each
 * broken file once, as one line with its place and a sentence, with no stack trace.
 */
class HostileLessonFolderTest {
    private static final String HEAD = "title: x\nsummary: y\n";
    private static final String PROGRAM = "program: |\n  a = 2\n  b = a * 3\n";

    /** Each hostile file by name, with words its one log line says. */
    private static final Map<String, String> EXPECTED = Map.ofEntries(
            Map.entry("quotes.yaml", "nests block quotes and lists"),
            Map.entry("lists.yaml", "nests block quotes and lists"),
            Map.entry("strong.yaml", "opens emphasis"),
            Map.entry("degree.yaml", "the degree must be between 0 and 9"),
            Map.entry("layers.yaml", "each layer holds between 1 and 16 neurons"),
            Map.entry("huge.yaml", "a lesson file holds at most 1,048,576"),
            Map.entry("zero.yaml", "outside the lessons folder"),
            Map.entry("x.yaml", "not a regular file"),
            Map.entry("away.yaml", "outside the lessons folder"),
            Map.entry("Bad_Name.yaml", "only lower-case letters, digits and '-'"));

    @Test
    void a_folder_of_hostile_files_leaves_the_good_lesson_served_and_logs_each_file_once_without_a_stack_trace(
            @TempDir Path dir, @TempDir Path outside) throws Exception {
        Files.copy(Path.of("lessons/chain-rule.yaml"), dir.resolve("chain-rule.yaml"));
        Files.writeString(dir.resolve("quotes.yaml"), HEAD + "intro: |\n  " + ">".repeat(50_000) + "\n" + PROGRAM);
        Files.writeString(dir.resolve("lists.yaml"), HEAD + "intro: |\n  " + "- ".repeat(3_000) + "x\n" + PROGRAM);
        Files.writeString(dir.resolve("strong.yaml"), HEAD + "intro: |\n  " + "**".repeat(10_000) + "x" + "**".repeat(10_000) + "\n" + PROGRAM);
        Files.writeString(dir.resolve("degree.yaml"), HEAD + "model: {type: polynomial, degree: 1000000000, points: [[0, 1]]}\n");
        Files.writeString(dir.resolve("layers.yaml"), HEAD + "model: {type: network, layers: [30000, 30000], activation: sigmoid, inputs: [1], targets: [1]}\n");
        try (RandomAccessFile f = new RandomAccessFile(dir.resolve("huge.yaml").toFile(), "rw")) {
            f.setLength(3L << 30); // sparse
        }
        Files.createSymbolicLink(dir.resolve("zero.yaml"), Path.of("/dev/zero"));
        assertEquals(0, new ProcessBuilder("mkfifo", dir.resolve("x.yaml").toString()).start().waitFor());
        Files.createSymbolicLink(dir.resolve("away.yaml"), Files.writeString(outside.resolve("good.yaml"), HEAD + PROGRAM));
        StringBuilder nodes = new StringBuilder(HEAD + "program: |\n  x0 = 1\n");
        for (int i = 1; i < 25_000; i++) nodes.append("  x").append(i).append(" = x").append(i - 1).append(" + 1\n");
        nodes.append("  out = x24999 * 2\n");
        Files.writeString(dir.resolve("nodes.yaml"), nodes);
        Files.writeString(dir.resolve("Bad_Name.yaml"), HEAD + PROGRAM);
        Files.writeString(dir.resolve("links.yaml"), "title: Links\nsummary: y\nintro: |\n"
                + "  [kept](https://example.org/kept) [here](/lessons/chain-rule) [a](/\\evil.example/x) [b](//evil.example/y)\n"
                + "  [c](data:text/html,x) [d](javascript:alert(1)) ![e](https://tracker.example/pixel.png) ![f](data:image/png,x)\n" + PROGRAM);

        ByteArrayOutputStream log = new ByteArrayOutputStream();
        PrintStream original = System.err;
        System.setErr(new PrintStream(new Tee(original, log), true, StandardCharsets.UTF_8));
        try (TestServer server = TestServer.start(new Settings(dir))) {
            answersFast(server, dir);
            Thread.sleep(2_500); // let the watcher rescan the folder twice: nothing is logged again
            answersFast(server, dir);
        } finally {
            System.setErr(original);
        }

        List<String> lines = log.toString(StandardCharsets.UTF_8).lines().toList();
        for (Map.Entry<String, String> e : EXPECTED.entrySet()) {
            String file = dir.resolve(e.getKey()).toString();
            List<String> mine = lines.stream().filter(l -> l.contains(file + ":")).toList();
            assertEquals(1, mine.size(), e.getKey() + " is logged once: " + mine);
            assertTrue(mine.get(0).matches(".*" + java.util.regex.Pattern.quote(file) + ":\\d+:\\d+: .+"), mine.get(0));
            assertTrue(mine.get(0).contains(e.getValue()), mine.get(0));
        }
        assertTrue(lines.stream().noneMatch(l -> l.startsWith("\tat ") || l.contains("Exception") || l.contains("Error:")
                || l.contains("StackOverflow") || l.contains("OutOfMemory")), "no stack trace in the log:\n" + String.join("\n", lines));
    }

    /** The index, the good lesson's page and its JSON, each with a client timeout so a hang fails the test (generous: the machine is shared). */
    private static void answersFast(TestServer server, Path dir) throws Exception {
        for (String path : List.of("/", "/lessons/chain-rule", "/lessons/chain-rule?step=3", "/api/lessons/chain-rule", "/api/lessons",
                "/lessons/nodes?step=25000")) {
            HttpResponse<String> r = server.http().send(HttpRequest.newBuilder(URI.create(server.url(path)))
                    .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            assertEquals(200, r.statusCode(), path + ": " + r.body());
        }
        // the page and the API's intro.html keep the same links: the web and this site, never another host or a data: URL
        String api = server.get("/api/lessons/links").body();
        String page = server.get("/lessons/links").body();
        for (String body : List.of(api, page)) {
            assertTrue(body.contains("https://example.org/kept") && body.contains("/lessons/chain-rule"), body);
            for (String gone : List.of("evil.example", "data:", "javascript:", "tracker.example")) assertTrue(!body.contains(gone), gone + " in " + body);
        }
        // each broken file is shown where its author looks: on the index, and at the address it would have had
        String index = server.get("/").body();
        assertTrue(index.contains("Lesson files that did not load"), index);
        assertTrue(index.contains("quotes.yaml:4:") && index.contains("layers.yaml:3:") && index.contains("nests block quotes and lists"), index);
        assertTrue(!index.contains(dir.toString()) && !index.contains("/dev/zero"), "no path of the server's disk on the page");
        HttpResponse<String> broken = server.get("/lessons/layers");
        assertEquals(404, broken.statusCode());
        assertTrue(broken.body().contains("The lesson file layers.yaml:3:") && broken.body().contains("each layer holds between 1 and 16 neurons"), broken.body());
        HttpResponse<String> list = server.get("/api/lessons");
        // a 50,001-node lesson is no longer refused: pages draw it one group at a time
        assertTrue(list.body().contains("\"chain-rule\"") && list.body().contains("\"links\"") && list.body().contains("\"nodes\""), list.body());
    }
}
