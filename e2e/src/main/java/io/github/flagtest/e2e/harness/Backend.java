package io.github.flagtest.e2e.harness;

/**
 * Where E2E functions run. Every backend is reached through the same SDK clients ({@link
 * ClientSettings}); they differ in how they start, whether they have AppConfig, what the function's
 * artifact is, and how they stop.
 */
interface Backend extends AutoCloseable {

    /** {@code embedded}, {@code localstack}, {@code floci}, {@code endpoint} or {@code aws}. */
    String name();

    /** How the deployer's clients reach it. */
    ClientSettings clientSettings();

    /** Whether to store flags in AppConfig (else an SSM parameter). */
    boolean appConfig();

    /**
     * Whether its AppConfig Data serves a hosted version as uploaded instead of AWS's retrieval
     * form (Floci): then flagtest uploads the retrieval form, which is what a function reads on AWS.
     */
    default boolean servesHostedVersionAsUploaded() {
        return false;
    }

    /** Whether the function's artifact is the test class path (embedded) rather than a zip of classes and jars. */
    boolean runsFromClassPath();

    /** The execution role for CreateFunction. */
    String role();

    /**
     * The layer ARN of AWS's AppConfig extension here; by default none (an emulator cannot run AWS's
     * layer), which stops a class that asks for it with the alternatives.
     */
    default String appConfigExtensionLayer(java.util.function.Function<String, java.util.Optional<String>> config) {
        throw new org.junit.jupiter.api.extension.ExtensionConfigurationException("flagtest e2e: the " + name()
                + " backend cannot run AWS's AppConfig Lambda extension, so a function that reads its flags through"
                + " the agent path (@LambdaE2E(layers = LambdaE2E.APPCONFIG_EXTENSION)) cannot run here; use the"
                + " embedded backend (which runs an extension of its own) or aws");
    }

    /** How often functions reading {@code application} through AppConfig Data poll, where the backend can tell. */
    default java.util.Optional<java.time.Duration> pollInterval(String application) {
        return java.util.Optional.empty();
    }

    /**
     * The whole log of an invocation ({@code requestId}), where the backend keeps it; else the
     * Invoke API's log tail (its last 4 KB) is all there is.
     */
    default java.util.Optional<java.util.List<String>> invocationLog(String function, String requestId) {
        return java.util.Optional.empty();
    }

    /** Whether functions log to CloudWatch Logs here: then flagtest owns their log groups (short retention, deleted). */
    default boolean logGroups() {
        return false;
    }

    /** The newest Lambda Java runtime it runs: {@code java25} unless an emulator lags behind. */
    default String maxRuntime() {
        return "java25";
    }

    @Override
    void close();
}
