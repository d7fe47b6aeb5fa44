package io.github.flagtest.junit.record;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.opentest4j.TestAbortedException;

/**
 * How a test ended, as its record says: {@code SUCCESSFUL}, {@code FAILED}, {@code ABORTED} or
 * {@code EXPECTED_MISS} (an E2E test's failure that {@code @ExpectedMiss} turned into an abort).
 *
 * <p>Internal to flagtest's JUnit extension, public for its other rooms; not API.
 */
public final class Outcomes {

    /** The E2E module's annotation and its container, by name: this module does not depend on it. */
    private static final Set<String> EXPECTED_MISS =
            Set.of("io.github.flagtest.e2e.ExpectedMiss", "io.github.flagtest.e2e.ExpectedMiss$List");

    private Outcomes() {}

    /** The result of the test of {@code context}, with flagtest's own checks' {@code failures}. */
    public static String result(ExtensionContext context, List<Throwable> failures) {
        Optional<Throwable> thrown = context.getExecutionException();
        if (thrown.isPresent()) {
            if (thrown.get() instanceof TestAbortedException aborted) {
                return expectedMiss(context, aborted) ? "EXPECTED_MISS" : "ABORTED";
            }
            return "FAILED";
        }
        return failures.isEmpty() ? "SUCCESSFUL" : "FAILED";
    }

    /** The E2E harness aborts an expected miss with the failure as its cause; a plain assumption has none. */
    private static boolean expectedMiss(ExtensionContext context, TestAbortedException aborted) {
        if (aborted.getCause() == null) {
            return false;
        }
        Optional<Method> method = context.getTestMethod();
        if (method.isEmpty()) {
            return false;
        }
        for (Annotation annotation : method.get().getAnnotations()) {
            if (EXPECTED_MISS.contains(annotation.annotationType().getName())) {
                return true;
            }
        }
        return false;
    }
}
