package org.stepgrad.live;

import org.stepgrad.support.Tee;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The presenter key never leaves in a page a student is sent, nor in the server's log: every
 * page and answer a student can reach is fetched and searched for it while the log is recorded.
 */
class LiveSecretsTest {
    @Test
    void the_key_is_in_no_html_a_student_gets_and_in_no_log_line() throws Exception {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        PrintStream err = System.err;
        PrintStream out = System.out;
        System.setErr(new PrintStream(new Tee(err, log), true, StandardCharsets.UTF_8));
        System.setOut(new PrintStream(new Tee(out, log), true, StandardCharsets.UTF_8));
        List<HttpResponse<String>> seen = new ArrayList<>();
        String key;
        try (LiveInstance app = LiveInstance.memory()) {
            JsonNode s = app.lesson("chain-rule");
            String code = s.get("code").asText();
            key = s.get("key").asText();
            HttpResponse<String> program = app.post("/api/sessions", LiveInstance.json(java.util.Map.of("source", "x = 3\ny = x * x")));
            String programCode = LiveInstance.parse(program.body()).get("code").asText();
            String programKey = LiveInstance.parse(program.body()).get("key").asText();
            // the teacher's own work, with the key in its header, and a few wrong tries
            assertEquals(204, app.step(code, key, 2).statusCode());
            assertEquals(403, app.step(code, key + "x", 3).statusCode());
            assertEquals(200, app.get("/api/sessions/" + code + "/answers?checkpoint=0", key).statusCode());
            assertEquals(400, app.post("/api/sessions/" + code + "/state", key, "{broken").statusCode());
            // what any student can fetch
            for (String path : new String[] {"/join", "/join/" + code, "/join/" + programCode, "/join/" + code.toLowerCase(),
                    "/lessons/chain-rule?live=" + code + "&step=2", "/playground?source=x+%3D+3%0Ay+%3D+x+*+x&live=" + programCode,
                    "/api/sessions/" + code, "/api/sessions/" + code + "/qr.svg", "/"}) {
                seen.add(app.get(path));
            }
            try (EventStream events = app.events(code)) {
                String data = events.next(java.time.Duration.ofSeconds(10)).data();
                assertFalse(data.contains(key));
            }
            for (HttpResponse<String> r : seen) {
                assertTrue(r.statusCode() < 400, r.uri() + " " + r.statusCode());
                assertFalse(r.body().contains(key), r.uri() + " holds the key");
                assertFalse(r.body().contains(programKey), r.uri() + " holds the program's key");
                assertFalse(r.body().contains(PresenterKey.hash(key)), r.uri() + " holds the key's hash");
                assertFalse(r.headers().map().toString().contains(key), r.uri() + " headers hold the key");
            }
        } finally {
            System.setErr(err);
            System.setOut(out);
        }
        String logged = log.toString(StandardCharsets.UTF_8);
        assertTrue(logged.contains("Javalin"), "the log was recorded");
        assertFalse(logged.contains(key), "the key is not logged");
    }
}
