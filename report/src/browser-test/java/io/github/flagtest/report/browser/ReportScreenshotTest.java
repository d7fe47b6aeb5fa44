package io.github.flagtest.report.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's screenshots of the sample report, written to {@code target/screenshots}, or to the
 * directory {@code -Dflagtest.screenshots} names:
 *
 * <pre>{@code
 * mvn -B -q -Pbrowser -pl report -am package -Dtest=ReportScreenshotTest -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dflagtest.screenshots=$PWD/docs/images
 * }</pre>
 */
@DisplayName("the README's screenshots of the sample report")
@ExtendWith(ChromiumExtension.class)
class ReportScreenshotTest {

    static final String PROPERTY = "flagtest.screenshots";
    /** Wide enough for the flag table with three deployed columns beside the profiles. */
    static final int WIDTH = 1600;

    static final long MAX_BYTES = 300 * 1024;

    @Test
    @DisplayName("flag-report.png: the tiles, every flag and the coverage grid of a test run's report")
    void report(ReportPage page, @TempDir Path dir) throws Exception {
        page.open(SampleReport.write(dir, false));

        Path file = capture(page, "flag-report.png", "grid");

        assertReadable(file);
    }

    @Test
    @DisplayName("flag-inventory.png: the same report with the accounts read and a column per deployment")
    void inventory(ReportPage page) throws Exception {
        Path file = capture(page, "flag-inventory.png", "flags");

        assertReadable(file);
    }

    /** The page from its top to the end of the element {@code lastId}, as wide as its content. */
    private static Path capture(ReportPage page, String name, String lastId) throws Exception {
        String target = System.getProperty(PROPERTY, "");
        Path file = (target.isBlank() ? Path.of("target", "screenshots") : Path.of(target)).resolve(name);
        byte[] png;
        try {
            page.driver.executeCdpCommand(
                    "Emulation.setDeviceMetricsOverride",
                    Map.of("width", WIDTH, "height", 1000, "deviceScaleFactor", 1, "mobile", false));
            @SuppressWarnings("unchecked")
            Map<String, Object> clip = new HashMap<>((Map<String, Object>) page.driver.executeScript("""
                    const main = document.querySelector('main').getBoundingClientRect();
                    const last = document.getElementById(arguments[0]).getBoundingClientRect();
                    const table = document.getElementById('flags').getBoundingClientRect();
                    const left = Math.max(0, main.left - 8);
                    return {x: left, y: 0, width: Math.max(main.right, table.right) + 8 - left,
                            height: last.bottom + window.scrollY + 16};""", lastId));
            clip.put("scale", 1);
            Map<String, Object> shot = page.driver.executeCdpCommand(
                    "Page.captureScreenshot", Map.of("format", "png", "captureBeyondViewport", true, "clip", clip));
            png = Base64.getDecoder().decode((String) shot.get("data"));
        } finally {
            page.driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        }
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.write(file, png);
        return file;
    }

    private static void assertReadable(Path file) throws Exception {
        BufferedImage image = ImageIO.read(file.toFile());
        assertThat(image.getWidth()).isBetween(1000, WIDTH);
        assertThat(image.getHeight()).isGreaterThan(600);
        assertThat(Files.size(file)).isLessThan(MAX_BYTES);
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 7) {
            for (int x = 0; x < image.getWidth(); x += 7) {
                colours.add(image.getRGB(x, y));
            }
        }
        assertThat(colours).as("colours of a rendered page, not a blank one").hasSizeGreaterThan(20);
    }
}
