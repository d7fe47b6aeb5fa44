package io.github.flagtest.spring;

import io.github.flagtest.junit.current.CurrentFlags;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;

/**
 * Points a context's {@link FlagEndpoint} at the test about to run, and back at no test after it
 * (registered in spring.factories; does nothing for contexts without the endpoint). Runs on the
 * test's thread after every {@code beforeEach} callback, when flagtest has set up the test's flags.
 */
final class FlagEndpointListener implements TestExecutionListener {

    @Override
    public void beforeTestExecution(TestContext test) {
        running(test).ifPresent(running -> running.set(CurrentFlags.get().orElse(null)));
    }

    @Override
    public void afterTestExecution(TestContext test) {
        running(test).ifPresent(running -> running.set(null));
    }

    private static java.util.Optional<RunningTestFlags> running(TestContext test) {
        if (!test.hasApplicationContext()) {
            return java.util.Optional.empty();
        }
        ApplicationContext context = test.getApplicationContext();
        return context.containsBean(FlagEndpointCustomizer.BEAN)
                ? java.util.Optional.of(context.getBean(FlagEndpointCustomizer.BEAN, RunningTestFlags.class))
                : java.util.Optional.empty();
    }
}
