package io.github.flagtest.report.browser;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The flag report as a user sees it in the browser, by the page's ids, classes and data attributes:
 * {@code #filter}, {@code #candidates}, {@code #flags} (rows with {@code data-candidate}),
 * {@code article.flag} with its {@code details}.
 */
final class ReportPage {

    final ChromeDriver driver;

    ReportPage(ChromeDriver driver) {
        this.driver = driver;
    }

    /** Loads {@code page} and waits until it has loaded. */
    void open(Path page) {
        driver.get(page.toUri().toString());
    }

    /**
     * The cells' text of each row the browser renders, top to bottom: one round trip, as the
     * table has a dozen columns.
     */
    @SuppressWarnings("unchecked")
    List<List<String>> shownRows() {
        return (List<List<String>>) driver.executeScript("""
                return Array.from(document.querySelectorAll('#flags tbody tr'))
                    .filter(row => row.getClientRects().length > 0)
                    .map(row => Array.from(row.cells, cell => cell.innerText.trim()));""");
    }

    /** The flag names of the rows shown, top to bottom. */
    List<String> shownFlags() {
        return shownRows().stream().map(row -> row.get(0)).toList();
    }

    /** Every flag of the table, shown or not, in the table's order. */
    @SuppressWarnings("unchecked")
    List<String> allFlags() {
        return (List<String>)
                driver.executeScript(
                        "return Array.from(document.querySelectorAll('#flags tbody tr'), row => row.cells[0].textContent.trim());");
    }

    /** The shown cells of the column headed {@code header}, top to bottom. */
    List<String> column(String header) {
        int index = headers().indexOf(header);
        if (index < 0) {
            throw new AssertionError("no column '" + header + "' in " + headers());
        }
        return shownRows().stream().map(row -> row.get(index)).toList();
    }

    @SuppressWarnings("unchecked")
    List<String> headers() {
        return (List<String>) driver.executeScript(
                "return Array.from(document.querySelectorAll('#flags thead th'), th => th.textContent.trim());");
    }

    /** Clicks the header of the column headed {@code header}. */
    void sortBy(String header) {
        int index = headers().indexOf(header);
        if (index < 0) {
            throw new AssertionError("no column '" + header + "' in " + headers());
        }
        driver.findElements(By.cssSelector("#flags thead th")).get(index).click();
    }

    /** Types into the filter box as a user does, key by key. */
    void filter(String text) {
        WebElement box = driver.findElement(By.id("filter"));
        box.clear();
        box.sendKeys(text);
    }

    /** Empties the filter box with the keyboard (a script's {@code clear()} fires no input event). */
    void clearFilter() {
        WebElement box = driver.findElement(By.id("filter"));
        while (!box.getDomProperty("value").isEmpty()) {
            box.sendKeys(Keys.BACK_SPACE);
        }
    }

    WebElement candidatesOnly() {
        return driver.findElement(By.id("candidates"));
    }

    /** Flag name -> its row's {@code data-candidate}, in the table's order. */
    @SuppressWarnings("unchecked")
    Map<String, Boolean> candidateMarks() {
        List<List<String>> marks = (List<List<String>>) driver.executeScript("""
                return Array.from(document.querySelectorAll('#flags tbody tr'),
                    row => [row.cells[0].textContent.trim(), row.getAttribute('data-candidate')]);""");
        Map<String, Boolean> candidates = new LinkedHashMap<>();
        marks.forEach(mark -> candidates.put(mark.get(0), Boolean.parseBoolean(mark.get(1))));
        return candidates;
    }

    WebElement details(String flag) {
        return driver.findElement(By.cssSelector("article.flag#flag-" + flag));
    }

    /** A CSS property of an element as the browser computed it. */
    String computed(WebElement element, String property) {
        return (String) driver.executeScript(
                "return getComputedStyle(arguments[0]).getPropertyValue(arguments[1]);", element, property);
    }

    /** Emulates the reader's colour scheme preference ({@code dark}, {@code light}, or "" for none). */
    void prefersColorScheme(String scheme) {
        driver.executeCdpCommand(
                "Emulation.setEmulatedMedia",
                Map.of("features", List.of(Map.of("name", "prefers-color-scheme", "value", scheme))));
    }
}
