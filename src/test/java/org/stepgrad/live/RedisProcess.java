package org.stepgrad.live;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real redis-server (Debian's /usr/bin/redis-server) on a free port, for one test class.
 * {@code persistent} keeps an append-only file in a temp folder, so a restart finds its data.
 */
public final class RedisProcess implements AutoCloseable {
    private static final String SERVER = "/usr/bin/redis-server";

    private final int port;
    private final Path dir;
    private final boolean persistent;
    private Process process;

    private RedisProcess(int port, Path dir, boolean persistent) {
        this.port = port;
        this.dir = dir;
        this.persistent = persistent;
    }

    public static RedisProcess start(boolean persistent) {
        try {
            int port;
            try (ServerSocket s = new ServerSocket(0)) {
                port = s.getLocalPort();
            }
            RedisProcess redis = new RedisProcess(port, Files.createTempDirectory("stepgrad-redis-"), persistent);
            redis.launch();
            return redis;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String url() {
        return "redis://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    private void launch() throws IOException {
        List<String> cmd = new ArrayList<>(List.of(SERVER, "--port", String.valueOf(port), "--bind", "127.0.0.1",
                "--dir", dir.toString(), "--save", ""));
        if (persistent) cmd.addAll(List.of("--appendonly", "yes", "--appendfsync", "always"));
        else cmd.addAll(List.of("--appendonly", "no"));
        process = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(dir.resolve("redis.log").toFile()).start();
        for (int i = 0; i < 200; i++) {
            if ("+PONG".equals(command("PING"))) return;
            sleep(25);
        }
        throw new IllegalStateException("redis-server did not answer on port " + port + ": " + Files.readString(dir.resolve("redis.log")));
    }

    /** Stops the server as a crash would (no final save), leaving its append-only file. */
    public void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Starts it again on the same port, from the same folder. */
    public void restart() {
        try {
            launch();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One inline command, answered by its first reply line, or null when nothing answers. */
    public String command(String inline) {
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(2000);
            OutputStream out = s.getOutputStream();
            out.write((inline + "\r\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = s.getInputStream();
            StringBuilder line = new StringBuilder();
            int c;
            while ((c = in.read()) >= 0 && c != '\n') if (c != '\r') line.append((char) c);
            return line.toString();
        } catch (IOException e) {
            return null;
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        kill();
        try (var walk = Files.walk(dir)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a leftover temp folder is harmless
        }
    }
}
