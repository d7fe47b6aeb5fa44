package io.github.flagtest.report.browser;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Resolves a {@link ReportPage} parameter: one Chromium for the whole run (kept in the root store,
 * so JUnit quits it after the last test, failed or not) and the sample report, written once into a temporary directory.
 */
final class ChromiumExtension implements ParameterResolver {

    private static final Namespace NAMESPACE = Namespace.create(ChromiumExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == ReportPage.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Chromium chromium = context.getRoot()
                .getStore(NAMESPACE)
                .getOrComputeIfAbsent(Chromium.class, key -> Chromium.start(), Chromium.class);
        TempDirectory sample = context.getRoot()
                .getStore(NAMESPACE)
                .getOrComputeIfAbsent(
                        SampleReport.class, key -> TempDirectory.create("flagtest-report-"), TempDirectory.class);
        Path page = sample.path().resolve("index.html");
        if (!Files.exists(page)) {
            SampleReport.write(sample.path());
        }
        ReportPage report = new ReportPage(chromium.driver);
        report.open(page);
        return report;
    }
}
