package cn.talentpolicy.web;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.logging.Level;

/**
 * Headless Chromium from the system's packages (Debian's {@code chromium} and {@code chromium-driver}, which
 * ./test.sh installs when they are missing), driven through Selenium. Both paths are given explicitly, so
 * Selenium Manager never looks for (or downloads) a browser or driver. Override them with the system
 * properties {@code chromium.binary} and {@code chromium.driver}.
 *
 * <p>Without Chromium the browser tests fail, saying to run ./test.sh, unless SKIP_BROWSER_TESTS=1 is set,
 * which skips them.
 */
final class Browser implements AutoCloseable {

    static final Path BINARY = Path.of(System.getProperty("chromium.binary", "/usr/bin/chromium"));
    static final Path DRIVER = Path.of(System.getProperty("chromium.driver", "/usr/bin/chromedriver"));
    static final Path SCREENSHOTS = Path.of("target/screenshots");

    final ChromeDriver driver;
    private final ChromeDriverService service;
    private final Path profile;

    private Browser(ChromeDriverService service, ChromeDriver driver, Path profile) {
        this.service = service;
        this.driver = driver;
        this.profile = profile;
    }

    /** Starts a fresh headless Chromium with its own profile, or fails (or skips) saying what is missing. */
    static Browser start() {
        Assumptions.assumeFalse("1".equals(System.getenv("SKIP_BROWSER_TESTS")),
                "SKIP_BROWSER_TESTS=1: the browser tests of the checker page are skipped");
        if (!Files.isExecutable(BINARY) || !Files.isExecutable(DRIVER)) {
            Assertions.fail("The browser tests need Chromium at " + BINARY + " and its driver at " + DRIVER
                    + ", and one of them is missing. Run ./test.sh, which installs them (apt-get install chromium "
                    + "chromium-driver), or set SKIP_BROWSER_TESTS=1 to skip these tests.");
        }
        Path profile;
        try {
            profile = Files.createTempDirectory("chromium-profile-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BINARY.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--disable-extensions", "--force-device-scale-factor=1", "--window-size=1360,1000",
                "--lang=zh-CN", "--user-data-dir=" + profile.toAbsolutePath());
        // the console, so that a test can see what the page's Content-Security-Policy blocked
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort()
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        return new Browser(service, driver, profile);
    }

    /** What the browser's console said since the last call that names the Content-Security-Policy. */
    java.util.List<String> securityPolicyViolations() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream().map(LogEntry::getMessage)
                .filter(message -> message.contains("Content Security Policy")).toList();
    }

    /** Saves a screenshot of the whole page (not only the window) as target/screenshots/{name}.png. */
    Path screenshot(String name) {
        return screenshot(name, 12000);
    }

    /** Saves a screenshot of the page from its top, at most {@code maxHeight} pixels tall. */
    Path screenshot(String name, int maxHeight) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Map<String, Object> metrics = driver.executeCdpCommand("Page.getLayoutMetrics", Map.of());
            @SuppressWarnings("unchecked")
            Map<String, Number> size = (Map<String, Number>) metrics.get("cssContentSize");
            Map<String, Object> clip = Map.of("x", 0, "y", 0, "width", size.get("width").doubleValue(),
                    "height", Math.min(size.get("height").doubleValue(), maxHeight), "scale", 1);
            Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot",
                    Map.of("format", "png", "captureBeyondViewport", true, "clip", clip));
            Path file = SCREENSHOTS.resolve(name + ".png");
            Files.write(file, Base64.getDecoder().decode((String) shot.get("data")));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A screenshot of what the window shows (frames from other origins appear only in this kind). */
    Path windowScreenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path file = SCREENSHOTS.resolve(name + ".png");
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
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
            service.stop();
            org.springframework.util.FileSystemUtils.deleteRecursively(profile.toFile());
        }
    }
}
