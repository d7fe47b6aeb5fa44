package io.github.flagtest.spring;

import io.github.flagtest.core.FakeFlags;
import io.github.flagtest.core.FlagTestException;
import io.github.flagtest.junit.FlagTest;
import org.springframework.core.Ordered;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestContextAnnotationUtils;
import org.springframework.test.context.TestExecutionListener;

/**
 * Tells a {@link FlagEndpoint} context's endpoint which flagtest test runs: from just before the test
 * method (after every {@code beforeEach}, when flagtest has set the test's flags) to just after it.
 * Registered in {@code META-INF/spring.factories}; internal, not API.
 */
public final class FlagEndpointListener implements TestExecutionListener, Ordered {

    private static final String FLAGS = FlagEndpointListener.class.getName() + ".flags";

    /** Created by Spring's {@code SpringFactoriesLoader}. */
    public FlagEndpointListener() {}

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    @Override
    public void beforeTestExecution(TestContext testContext) {
        if (!TestContextAnnotationUtils.hasAnnotation(testContext.getTestClass(), FlagEndpoint.class)) {
            return;
        }
        FakeFlags flags;
        try {
            flags = FlagTest.currentFlags();
        } catch (FlagTestException notAFlagtestTest) {
            return; // a plain Spring test in this class: the endpoint serves every flag OFF
        }
        testContext
                .getApplicationContext()
                .getBean(ContextEndpoint.BEAN, ContextEndpoint.class)
                .testStarted(flags);
        testContext.setAttribute(FLAGS, flags);
    }

    @Override
    public void afterTestExecution(TestContext testContext) {
        Object flags = testContext.removeAttribute(FLAGS);
        if (flags instanceof FakeFlags fake) {
            testContext
                    .getApplicationContext()
                    .getBean(ContextEndpoint.BEAN, ContextEndpoint.class)
                    .testFinished(fake);
        }
    }
}
