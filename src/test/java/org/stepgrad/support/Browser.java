package org.stepgrad.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven by Selenium, with a fresh profile. Tests do not start their
 * own: {@link BrowserFixture} starts one per test JVM and resets it before each test.
 */
public final class Browser implements AutoCloseable {
    private static final String CHROMIUM = "/usr/bin/chromium";
    private static final String CHROMEDRIVER = "/usr/bin/chromedriver";

    private final ChromeDriver driver;
    private final Path profile;

    private Browser(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    /** A browser of its own, for a test that needs several windows at once (a teacher and students); others share BrowserFixture's. */
    public static Browser start() {
        try {
            Path profile = Files.createTempDirectory("stepgrad-chromium-");
            ChromeOptions options = new ChromeOptions();
            options.setBinary(CHROMIUM);
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-quic", "--no-first-run", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync", "--hide-scrollbars",
                    "--force-device-scale-factor=1", "--user-data-dir=" + profile);
            // keep the console, so tests can fail on script errors and CSP violations
            org.openqa.selenium.logging.LoggingPreferences logs = new org.openqa.selenium.logging.LoggingPreferences();
            logs.enable(org.openqa.selenium.logging.LogType.BROWSER, java.util.logging.Level.ALL);
            options.setCapability("goog:loggingPrefs", logs);
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(new java.io.File(CHROMEDRIVER))
                    .usingAnyFreePort()
                    .build();
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
            driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
            Browser browser = new Browser(driver, profile);
            browser.size(1280, 800);
            return browser;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The console messages at SEVERE level since the last call: script errors, CSP refusals, failed loads. */
    public java.util.List<String> consoleErrors() {
        return driver.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= java.util.logging.Level.SEVERE.intValue())
                .map(e -> e.getMessage())
                .toList();
    }

    public ChromeDriver driver() {
        return driver;
    }

    /** Sets the viewport (not the window) to this size, so screenshots are exactly it. */
    public void size(int width, int height) {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", java.util.Map.of(
                "width", width, "height", height, "deviceScaleFactor", 1, "mobile", false));
        driver.manage().window().setSize(new Dimension(width, height + 100));
    }

    /** A phone's viewport of this size: the page's viewport meta honoured, touch events on, coarse pointer. */
    public void phone(int width, int height) {
        size(width, height);
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", java.util.Map.of(
                "width", width, "height", height, "deviceScaleFactor", 1, "mobile", true));
        driver.executeCdpCommand("Emulation.setTouchEmulationEnabled", java.util.Map.of("enabled", true, "maxTouchPoints", 5));
    }

    /**
     * Emulates a CSS media type ("print", or "" for the screen) and a colour scheme ("dark", "light",
     * or "" for the machine's), as a page's media queries see them.
     */
    public void media(String type, String colorScheme) {
        driver.executeCdpCommand("Emulation.setEmulatedMedia", java.util.Map.of("media", type,
                "features", java.util.List.of(java.util.Map.of("name", "prefers-color-scheme", "value", colorScheme))));
    }

    /** Back to a desktop screen: no phone, no touch, the screen medium in the machine's colours. */
    public void desktop() {
        driver.executeCdpCommand("Emulation.setTouchEmulationEnabled", java.util.Map.of("enabled", false));
        media("", "");
        size(1280, 800);
    }

    public WebDriverWait waiting() {
        return new WebDriverWait(driver, Duration.ofSeconds(10));
    }

    public Path screenshot(Path file) {
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (Stream<Path> walk = Files.walk(profile)) {
                walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException ignored) {
                // a leftover temp profile is harmless
            }
        }
    }
}
