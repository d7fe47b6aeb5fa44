package io.github.flagtest.report.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

@DisplayName("the report's colours follow the reader's light or dark preference")
@ExtendWith(ChromiumExtension.class)
class DarkModeTest {

    private ReportPage page;

    @AfterEach
    void noPreference() {
        if (page != null) {
            page.prefersColorScheme("");
        }
    }

    @Test
    @DisplayName("light: a white page with dark text")
    void light(ReportPage page) {
        this.page = page;
        page.prefersColorScheme("light");

        WebElement body = page.driver.findElement(By.tagName("body"));
        assertThat(page.computed(body, "background-color")).isEqualTo("rgb(255, 255, 255)");
        assertThat(page.computed(body, "color")).isEqualTo("rgb(29, 35, 48)");
    }

    @Test
    @DisplayName("dark: a dark page, light text, and states, signals and inputs in the dark palette")
    void dark(ReportPage page) {
        this.page = page;
        WebElement body = page.driver.findElement(By.tagName("body"));
        WebElement on = page.driver.findElement(By.cssSelector("#flags .state.on"));
        WebElement retire = page.driver.findElement(By.cssSelector("#flags .signal.retire"));
        WebElement filter = page.driver.findElement(By.id("filter"));
        page.prefersColorScheme("light");
        String onLight = page.computed(on, "color");
        String retireLight = page.computed(retire, "background-color");

        page.prefersColorScheme("dark");

        assertThat(page.computed(body, "background-color")).isEqualTo("rgb(15, 20, 25)");
        assertThat(page.computed(body, "color")).isEqualTo("rgb(229, 231, 235)");
        assertThat(page.computed(on, "color")).isEqualTo("rgb(74, 222, 128)").isNotEqualTo(onLight);
        assertThat(page.computed(retire, "background-color")).isNotEqualTo(retireLight);
        assertThat(page.computed(filter, "background-color")).isEqualTo("rgb(15, 20, 25)");
    }
}
