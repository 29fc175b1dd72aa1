package org.stepgrad.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.javalin.Javalin;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.stepgrad.web.App;
import org.stepgrad.web.Settings;

/**
 * A class of 300 connecting at once must fit in the listening socket's queue, or the kernel
 * drops SYNs and those browsers wait a second for their retry (the cold burst's p99). The
 * kernel itself is asked: for a listening socket, {@code ss} reports the backlog as Send-Q.
 */
class AcceptQueueTest {
    @Test
    void theListeningSocketHoldsAWholeClass() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/ss")) || Files.isExecutable(Path.of("/bin/ss")), "needs ss (iproute2)");
        Javalin app = App.create(Settings.defaults()).start("127.0.0.1", 0);
        try {
            List<String> lines = ss(app.port());
            assertEquals(1, lines.size(), "one listening socket on the app's port: " + lines);
            String[] cols = lines.get(0).trim().split("\\s+"); // State Recv-Q Send-Q Local Peer
            int backlog = Integer.parseInt(cols[2]);
            int somaxconn = Integer.parseInt(Files.readAllLines(Path.of("/proc/sys/net/core/somaxconn")).get(0).trim());
            assertEquals(Math.min(App.ACCEPT_QUEUE, somaxconn), backlog, "the backlog the kernel was given");
            assertTrue(backlog >= 300 || somaxconn < 300, "a class of 300 fits in a backlog of " + backlog);
        } finally {
            app.stop();
        }
    }

    private static List<String> ss(int port) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("ss", "-Hltn", "sport = :" + port).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(10, TimeUnit.SECONDS), "ss finished");
        return out.lines().filter(l -> l.startsWith("LISTEN")).toList();
    }
}
