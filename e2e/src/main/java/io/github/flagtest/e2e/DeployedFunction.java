package io.github.flagtest.e2e;

import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;

/**
 * A function deployed by {@link LambdaE2E}, as a test parameter.
 *
 * <pre>{@code
 * InvocationResult result = orders.invoke(event);             // any object, serialized as Lambda would
 * orders.flags().disable("loyalty-points");                    // in the real flag store
 * orders.invokeUntil(event, r -> !r.payload().contains("points"), Duration.ofSeconds(30)); // kill-switch drill
 * }</pre>
 *
 * @since 0.1.0
 */
public interface DeployedFunction {

    /**
     * The deployed function's name.
     *
     * @return the function name
     */
    String name();

    /**
     * Invokes the function with {@code event}: aws-lambda-java-events types are serialized with the
     * Lambda runtime's own serializer, other objects with Jackson, and a String is sent as raw JSON.
     * A handler exception is a result with {@link InvocationResult#functionError()} set, never an
     * exception here.
     *
     * @param event the event, an object or a JSON {@code String}
     * @return the invocation's result
     */
    InvocationResult invoke(Object event);

    /**
     * Invokes the function with raw JSON.
     *
     * @param json the event as JSON text
     * @return the invocation's result
     */
    InvocationResult invoke(String json);

    /**
     * The function's flags in the real flag store (AppConfig, SSM or its environment).
     *
     * @return the flag store the function reads
     */
    FlagStore flags();

    /**
     * Where the flags were deployed: the AppConfig application, environment and profile (names
     * and IDs), the SSM parameter, or the environment variables' prefix.
     *
     * @return where the flags were deployed
     * @since 0.1.0
     */
    FlagLocation flagLocation();

    /**
     * The backend: {@code embedded}, {@code localstack}, {@code floci}, {@code endpoint} or {@code aws}.
     *
     * @return the backend's name
     */
    String backend();

    /**
     * The function's log lines so far, across invocations.
     *
     * @return the log lines, oldest first
     */
    List<String> logs();

    /**
     * The kill-switch drill: invokes until {@code until} holds (the function sees the new flag
     * state) or {@code timeout} passes, pausing between invocations (50 ms, doubling up to 2 s);
     * prints and records the time from the last flag change to the first matching result.
     *
     * @param event the event of every invocation
     * @param until the condition the result must meet
     * @param timeout how long to keep invoking
     * @return the first result that meets {@code until}
     * @throws AssertionError if the function did not show the new state in time
     */
    InvocationResult invokeUntil(Object event, Predicate<InvocationResult> until, Duration timeout);
}
