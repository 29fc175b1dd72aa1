package org.stepgrad.scratch;

import org.junit.jupiter.api.Test;
import org.stepgrad.support.Browser;

/** Scratch probe, not committed. */
class ProbeTest {
    @Test
    void probe() throws Exception {
        String url = System.getProperty("probe.url");
        String script = System.getProperty("probe.js", "return 1;");
        try (Browser b = Browser.start()) {
            b.size(1280, 800);
            b.driver().manage().timeouts().scriptTimeout(java.time.Duration.ofSeconds(60));
            b.driver().get(url);
            Thread.sleep(Long.getLong("probe.wait", 3000));
            Object r = b.driver().executeAsyncScript("const done = arguments[arguments.length - 1]; (async () => { " + script + " })().then(done, (e) => done('ERR ' + e));");
            System.out.println("PROBE RESULT: " + r);
            System.out.println("PROBE CONSOLE: " + b.consoleErrors());
            if (System.getProperty("probe.shot") != null) b.screenshot(java.nio.file.Path.of(System.getProperty("probe.shot")));
        }
    }
}
