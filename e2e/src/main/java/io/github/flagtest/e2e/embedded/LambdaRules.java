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
 *   <li>environment variable keys match the model's {@code EnvironmentVariableName} pattern ({@code
 *       ValidationException}) and are none of the keys Lambda reserves for its runtime ({@code
 *       InvalidParameterValueException}, Lambda's message);
 *   <li>environment variables take at most 4 KB, measured as Lambda measures them;
 *   <li>a handler compiled for a newer Java than the function's runtime fails at its first
 *       invocation with {@code UnsupportedClassVersionError}, as it does on Lambda.
 * </ul>
 *
 * Sources: https://docs.aws.amazon.com/lambda/latest/dg/lambda-runtimes.html (runtime identifiers),
 * https://docs.aws.amazon.com/lambda/latest/dg/gettingstarted-limits.html (4 KB environment, 50 MB
 * zipped and 250 MB unzipped packages), https://docs.aws.amazon.com/lambda/latest/api/API_CreateFunction.html,
 * https://docs.aws.amazon.com/lambda/latest/dg/configuration-envvars.html#configuration-envvars-runtime
 * (reserved keys).
 */
final class LambdaRules {

    /** The Java runtimes the embedded backend can run: its function JVM is the test JVM, Java 17 or later. */
    static final List<String> EMBEDDED_RUNTIMES = List.of("java17", "java21", "java25");

    static final int ENVIRONMENT_LIMIT = 4 * 1024;

    /** The Lambda model's {@code EnvironmentVariableName} pattern (API_Environment, Variables). */
    static final java.util.regex.Pattern KEY = java.util.regex.Pattern.compile("[a-zA-Z]([a-zA-Z0-9_])+");

    /**
     * The keys Lambda sets for its runtimes and refuses in a function's configuration. {@code TZ},
     * {@code LANG}, {@code PATH} and the X-Ray settings are defined too, but may be set.
     */
    static final Set<String> RESERVED = Set.of(
            "_HANDLER",
            "_X_AMZN_TRACE_ID",
            "AWS_DEFAULT_REGION",
            "AWS_REGION",
            "AWS_EXECUTION_ENV",
            "AWS_LAMBDA_FUNCTION_NAME",
            "AWS_LAMBDA_FUNCTION_MEMORY_SIZE",
            "AWS_LAMBDA_FUNCTION_VERSION",
            "AWS_LAMBDA_INITIALIZATION_TYPE",
            "AWS_LAMBDA_LOG_GROUP_NAME",
            "AWS_LAMBDA_LOG_STREAM_NAME",
            "AWS_ACCESS_KEY",
            "AWS_ACCESS_KEY_ID",
            "AWS_SECRET_ACCESS_KEY",
            "AWS_SESSION_TOKEN",
            "AWS_LAMBDA_RUNTIME_API",
            "LAMBDA_TASK_ROOT",
            "LAMBDA_RUNTIME_DIR");

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

    /**
     * A function's environment variables as Lambda checks them: keys by the model's pattern, then
     * the reserved keys (every one used, in the request's order), then the 4 KB limit.
     */
    static void checkEnvironment(Map<String, String> variables) {
        if (!variables.keySet().stream().allMatch(key -> KEY.matcher(key).matches())) {
            throw AwsError.badRequest(
                    "ValidationException",
                    "1 validation error detected: Value at 'environment.variables' failed to satisfy constraint:"
                            + " Map keys must satisfy constraint: [Member must satisfy regular expression pattern: "
                            + KEY.pattern() + "]");
        }
        List<String> reserved =
                variables.keySet().stream().filter(RESERVED::contains).toList();
        if (!reserved.isEmpty()) {
            throw AwsError.badRequest(
                    "InvalidParameterValueException",
                    "Lambda was unable to configure your environment variables because the environment variables"
                            + " you have provided contains reserved keys that are currently not supported for"
                            + " modification. Reserved keys used in this request: " + String.join(", ", reserved));
        }
        checkSize(variables);
    }

    /** Lambda's 4 KB limit on a function's environment variables, measured as their JSON. */
    private static void checkSize(Map<String, String> variables) {
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
