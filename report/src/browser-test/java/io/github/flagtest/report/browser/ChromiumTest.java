package io.github.flagtest.report.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("without Chromium the browser tests fail and say how to install it")
class ChromiumTest {

    @Test
    @DisplayName("a missing browser names the path, the Debian packages and the property")
    void missingBrowser(@TempDir Path dir) {
        assertThatThrownBy(() -> Chromium.start(dir.resolve("chromium"), Chromium.DEFAULT_DRIVER))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Chromium was not found at " + dir.resolve("chromium"))
                .hasMessageContaining("apt-get install -y chromium chromium-driver")
                .hasMessageContaining("-Dflagtest.chromium");
    }

    @Test
    @DisplayName("a missing chromedriver names it and its property")
    void missingDriver(@TempDir Path dir) throws Exception {
        Path browser = Files.createFile(dir.resolve("chromium"));
        assertThat(browser.toFile().setExecutable(true)).isTrue();

        assertThatThrownBy(() -> Chromium.start(browser, dir.resolve("chromedriver")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("chromedriver was not found at " + dir.resolve("chromedriver"))
                .hasMessageContaining("apt-get install -y chromium chromium-driver")
                .hasMessageContaining("-Dflagtest.chromedriver");
    }
}
