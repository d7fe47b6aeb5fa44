package io.github.flagtest.report.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

@DisplayName("a flag's details in Chromium")
@ExtendWith(ChromiumExtension.class)
class FlagDetailsTest {

    @Test
    @DisplayName("a test class's list of tests is collapsed, opens on a click on its summary and closes on the next")
    void collapsible(ReportPage page) {
        WebElement details = page.details("loyalty-points").findElement(By.cssSelector("details"));
        WebElement summary = details.findElement(By.tagName("summary"));
        WebElement tests = details.findElement(By.tagName("ul"));
        assertThat(summary.getText()).startsWith("OrderHandlerTest (");
        assertThat(tests.isDisplayed()).isFalse();

        summary.click();

        assertThat(details.getDomProperty("open")).isEqualTo("true");
        assertThat(tests.isDisplayed()).isTrue();
        assertThat(tests.getText()).contains("OrderHandlerTest.placesAnOrder() [loyalty-points=ON, free-shipping=OFF]");

        summary.click();

        assertThat(tests.isDisplayed()).isFalse();
    }

    @Test
    @DisplayName("each test class of a flag opens on its own")
    void independent(ReportPage page) {
        List<WebElement> classes = page.details("legacy-rounding").findElements(By.cssSelector("details"));
        List<WebElement> all = page.driver.findElements(By.cssSelector("article.flag details"));
        assertThat(classes).isNotEmpty();

        classes.get(0).findElement(By.tagName("summary")).click();

        assertThat(all.stream().filter(d -> "true".equals(d.getDomProperty("open"))))
                .containsExactly(classes.get(0));
    }

    @Test
    @DisplayName("a flag's name in the table leads to its details, which are highlighted")
    void link(ReportPage page) {
        WebElement article = page.details("gift-wrap");
        String before = page.computed(article, "outline-style");

        page.driver.findElement(By.linkText("gift-wrap")).click();

        assertThat(page.driver.getCurrentUrl()).endsWith("#flag-gift-wrap");
        assertThat(before).isEqualTo("none");
        assertThat(page.computed(article, "outline-style")).isEqualTo("solid");
        Number top = (Number) page.driver.executeScript("return arguments[0].getBoundingClientRect().top;", article);
        assertThat(top.doubleValue()).isBetween(-1.0, 50.0);
    }
}
