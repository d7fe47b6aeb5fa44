package io.github.flagtest.e2e.embedded;

import io.github.flagtest.e2e.embedded.AwsHttp.AwsError;
import io.github.flagtest.shaded.jackson.core.JsonProcessingException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import software.amazon.awssdk.services.lambda.model.Runtime;

/**
 * What AWS Lambda refuses, refused by the embedded backend the same way (error type, HTTP status,
 * a message naming the rule), so that "green on embedded" means "green on AWS":
 *
 * <ul>
 *   <li>the runtime is one of Lambda's identifiers (the API's {@code Runtime} enum, as the AWS SDK
 *       carries it: an unknown one is a {@code ValidationException});
 *   <li>environment variables take at most 4 KB, measured as Lambda measures them;
 *   <li>a handler compiled for a newer Java than the function's runtime fails at its first
 *       invocation with {@code UnsupportedClassVersionError}, as it does on Lambda.
 * </ul>
 *
 * Sources: https://docs.aws.amazon.com/lambda/latest/dg/lambda-runtimes.html (runtime identifiers),
 * https://docs.aws.amazon.com/lambda/latest/dg/gettingstarted-limits.html (4 KB environment, 50 MB
 * zipped and 250 MB unzipped packages), https://docs.aws.amazon.com/lambda/latest/api/API_CreateFunction.html.
 */
final class LambdaRules {

    /** The Java runtimes the embedded backend can run: its function JVM is the test JVM, Java 17 or later. */
    static final List<String> EMBEDDED_RUNTIMES = List.of("java17", "java21", "java25");

    static final int ENVIRONMENT_LIMIT = 4 * 1024;

    /** Class-file major version of each Java runtime's Java release. */
    private static final Map<String, Integer> CLASS_VERSIONS =
            Map.of("java8", 52, "java8.al2", 52, "java11", 55, "java17", 61, "java21", 65, "java25", 69);

    private LambdaRules() {}

    static void checkRuntime(String runtime) {
        Set<String> known = new java.util.TreeSet<>();
        Runtime.knownValues().forEach(value -> known.add(value.toString()));
        if (!known.contains(runtime)) {
            throw AwsError.badRequest(
                    "ValidationException",
                    "1 validation error detected: Value '" + runtime
                            + "' at 'runtime' failed to satisfy constraint: Member must satisfy enum value set: "
                            + known);
        }
        if (!EMBEDDED_RUNTIMES.contains(runtime)) {
            throw AwsError.badRequest(
                    "InvalidParameterValueException",
                    "flagtest's embedded Lambda runs the runtimes " + EMBEDDED_RUNTIMES + ", not " + runtime
                            + " (it starts functions on the test JVM); set flagtest.e2e.runtime to one of them");
        }
    }

    /** Lambda's 4 KB limit on a function's environment variables, measured as their JSON. */
    static void checkEnvironment(Map<String, String> variables) {
        String measured;
        try {
            measured = AwsHttp.JSON.writeValueAsString(new TreeMap<>(variables));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Environment variables cannot be written as JSON", e);
        }
        if (measured.getBytes(StandardCharsets.UTF_8).length > ENVIRONMENT_LIMIT) {
            throw AwsError.badRequest(
                    "InvalidParameterValueException",
                    "Lambda was unable to configure your environment variables because the environment variables"
                            + " you have provided exceeded the 4KB limit. String measured: " + measured);
        }
    }

    /**
     * The error a Java runtime gives a handler class compiled for a newer Java, if it would; as the
     * RIC reports an init failure.
     */
    static Optional<String> classVersionError(String runtime, String handlerClass, int classMajor) {
        Integer supported = CLASS_VERSIONS.get(runtime);
        if (supported == null || classMajor <= supported) {
            return Optional.empty();
        }
        String message = handlerClass.replace('.', '/') + " has been compiled by a more recent version of the Java"
                + " Runtime (class file version " + classMajor + ".0), this version of the Java Runtime only recognizes"
                + " class file versions up to " + supported + ".0";
        return Optional.of(
                "{\"errorMessage\":\"" + message + "\",\"errorType\":\"java.lang.UnsupportedClassVersionError\"}");
    }
}
