package io.github.flagtest.junit;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

/** Runs fixture classes on the Jupiter engine; run records are off unless a test turns them on. */
final class FlagTestKit {

    private FlagTestKit() {}

    static EngineExecutionResults run(Class<?> fixture) {
        return run(fixture, Map.of());
    }

    static EngineExecutionResults run(Class<?> fixture, Map<String, String> configuration) {
        return builder(configuration).selectors(selectClass(fixture)).execute();
    }

    static EngineExecutionResults runMethod(Class<?> fixture, String method) {
        java.lang.reflect.Method found = java.util.Arrays.stream(fixture.getDeclaredMethods())
                .filter(m -> m.getName().equals(method))
                .findFirst()
                .orElseThrow();
        return builder(Map.of()).selectors(selectMethod(fixture, found)).execute();
    }

    static EngineExecutionResults runNested(List<Class<?>> enclosing, Class<?> nested) {
        return builder(Map.of())
                .selectors(DiscoverySelectors.selectNestedClass(enclosing, nested))
                .execute();
    }

    private static EngineTestKit.Builder builder(Map<String, String> configuration) {
        Map<String, String> parameters = new HashMap<>();
        parameters.put("flagtest.report", "false");
        parameters.putAll(configuration);
        return EngineTestKit.engine("junit-jupiter").configurationParameters(parameters);
    }

    /** The message of the throwable of a failed-test event. */
    static String message(Event event) {
        return event.getPayload(org.junit.platform.engine.TestExecutionResult.class)
                .flatMap(org.junit.platform.engine.TestExecutionResult::getThrowable)
                .map(Throwable::getMessage)
                .orElse("");
    }
}
