package io.github.flagtest.e2e.harness;

import io.github.flagtest.e2e.InvocationResult;
import io.github.flagtest.shaded.jackson.core.JsonProcessingException;
import io.github.flagtest.shaded.jackson.databind.JsonNode;
import io.github.flagtest.shaded.jackson.databind.ObjectMapper;
import java.util.Optional;

/**
 * Tells a function that never started from one whose handler failed. Lambda answers an invocation
 * whose init failed with the init error: the Java runtime interface client reports a handler class
 * that cannot load as {@code "Error loading class <handler>: ..."} (its static initializer threw: a
 * framework that failed to start) or {@code "Class not found: <handler>"}, and a runtime that exited
 * as {@code Runtime.ExitError}, which on the function's first invocation can only be its start-up.
 * Quarkus's {@code QuarkusStreamHandler} keeps a failed boot to itself and answers every invocation
 * with an {@code IOException} whose message starts {@code "Quarkus bootstrap failed."}.
 */
final class StartFailures {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String QUARKUS_BOOT_FAILED = "Quarkus bootstrap failed.";

    private StartFailures() {}

    /** {@code errorType: errorMessage} of {@code result} if it is an init failure. */
    static Optional<String> initError(InvocationResult result, boolean firstInvocation) {
        if (result.functionError() == null || result.payload() == null) {
            return Optional.empty();
        }
        JsonNode error;
        try {
            error = JSON.readTree(result.payload());
        } catch (JsonProcessingException e) {
            return Optional.empty(); // not Lambda's error shape: the handler's own answer
        }
        if (error == null || !error.isObject()) {
            return Optional.empty();
        }
        String type = error.path("errorType").asText("");
        String message = error.path("errorMessage").asText("");
        boolean init = message.startsWith("Error loading class ")
                || message.startsWith("Class not found: ")
                || message.startsWith(QUARKUS_BOOT_FAILED)
                || (firstInvocation && type.equals("Runtime.ExitError"));
        return init ? Optional.of(type + ": " + message) : Optional.empty();
    }
}
