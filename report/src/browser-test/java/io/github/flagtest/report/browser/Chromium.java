package io.github.flagtest.report.browser;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The system's headless Chromium driven through the system's chromedriver: nothing is looked up or
 * downloaded (Selenium Manager is never asked, since the driver's path is given). One fresh profile
 * directory per browser, deleted on close.
 */
final class Chromium implements AutoCloseable {

    static final String BROWSER_PROPERTY = "flagtest.chromium";
    static final String DRIVER_PROPERTY = "flagtest.chromedriver";
    static final Path DEFAULT_BROWSER = Path.of("/usr/bin/chromium");
    static final Path DEFAULT_DRIVER = Path.of("/usr/bin/chromedriver");
    static final int WIDTH = 1280;
    static final int HEIGHT = 1000;

    final ChromeDriver driver;
    private final TempDirectory profile;

    private Chromium(ChromeDriver driver, TempDirectory profile) {
        this.driver = driver;
        this.profile = profile;
    }

    /** The browser and driver named by the system properties, else Debian's. */
    static Chromium start() {
        return start(
                Path.of(System.getProperty(BROWSER_PROPERTY, DEFAULT_BROWSER.toString())),
                Path.of(System.getProperty(DRIVER_PROPERTY, DEFAULT_DRIVER.toString())));
    }

    static Chromium start(Path browser, Path driver) {
        requireExecutable(browser, "Chromium", BROWSER_PROPERTY);
        requireExecutable(driver, "chromedriver", DRIVER_PROPERTY);
        TempDirectory profile = TempDirectory.create("flagtest-chromium-");
        ChromeOptions options = new ChromeOptions()
                .setBinary(browser.toFile())
                .addArguments(
                        "--headless",
                        "--no-sandbox",
                        "--disable-gpu",
                        "--disable-quic",
                        "--no-first-run",
                        "--disable-background-networking",
                        "--disable-component-update",
                        "--disable-sync",
                        "--disable-dev-shm-usage",
                        "--hide-scrollbars",
                        "--force-device-scale-factor=1",
                        "--lang=en-US",
                        "--window-size=" + WIDTH + "," + HEIGHT,
                        "--user-data-dir=" + profile.path());
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(driver.toFile())
                .usingAnyFreePort()
                .build();
        try {
            ChromeDriver chrome = new ChromeDriver(service, options);
            chrome.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
            return new Chromium(chrome, profile);
        } catch (RuntimeException e) {
            service.stop();
            profile.close();
            throw e;
        }
    }

    private static void requireExecutable(Path file, String what, String property) {
        if (!Files.isExecutable(file)) {
            throw new IllegalStateException(what + " was not found at " + file
                    + ": the browser tests (-Pbrowser) drive the system's headless Chromium. Install it with"
                    + " `sudo apt-get install -y chromium chromium-driver` (Debian/Ubuntu), or point -D" + property
                    + " at the executable.");
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            profile.close();
        }
    }
}
