package org.stepgrad.support;

import java.util.Map;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The app on a random port and one headless Chromium, started once per test JVM and shared by
 * every browser test class:
 * <pre>{@code
 * @RegisterExtension
 * static final BrowserFixture fixture = BrowserFixture.withJavaScript();
 * static final TestServer server = fixture.server();
 * static final Browser browser = fixture.browser();
 * }</pre>
 * Before each test the browser is put back as a fresh profile would be: a 1280×800 desktop screen,
 * scripts on (or off, for {@link #withoutJavaScript()}), no cookies or storage for the app's
 * origin, the top frame, an empty console log. Both stop when the whole run ends.
 */
public final class BrowserFixture implements BeforeAllCallback, BeforeEachCallback {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(BrowserFixture.class);
    private static Shared shared; // one per JVM, guarded by the class lock

    private final boolean javascript;

    private BrowserFixture(boolean javascript) {
        this.javascript = javascript;
    }

    public static BrowserFixture withJavaScript() {
        return new BrowserFixture(true);
    }

    /** Scripts off in the page, to check what the server renders on its own. */
    public static BrowserFixture withoutJavaScript() {
        return new BrowserFixture(false);
    }

    public TestServer server() {
        return shared().server;
    }

    public Browser browser() {
        return shared().browser;
    }

    private static synchronized Shared shared() {
        if (shared == null) shared = new Shared(TestServer.start(), Browser.start());
        return shared;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        // the root store closes its AutoCloseable values once, when the engine finishes the run
        context.getRoot().getStore(NAMESPACE).computeIfAbsent(Shared.class, k -> shared(), Shared.class);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        Shared s = shared();
        var driver = s.browser.driver();
        driver.switchTo().defaultContent();
        driver.get("about:blank");
        driver.executeCdpCommand("Emulation.setScriptExecutionDisabled", Map.of("value", !javascript));
        driver.executeCdpCommand("Network.clearBrowserCookies", Map.of());
        driver.executeCdpCommand("Storage.clearDataForOrigin", Map.of("origin", s.server.url(""), "storageTypes", "all"));
        s.browser.desktop(); // an earlier test may have left a phone, touch, print or dark mode on
        s.browser.consoleErrors(); // drain what earlier tests logged
    }

    private static final class Shared implements AutoCloseable {
        final TestServer server;
        final Browser browser;

        Shared(TestServer server, Browser browser) {
            this.server = server;
            this.browser = browser;
        }

        @Override
        public void close() {
            synchronized (BrowserFixture.class) {
                try {
                    browser.close();
                } finally {
                    server.stop();
                    shared = null;
                }
            }
        }
    }
}
