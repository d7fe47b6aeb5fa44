package io.github.flagtest.e2e;

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

    /** Whether the function's artifact is the test class path (embedded) rather than a zip of classes and jars. */
    boolean runsFromClassPath();

    /** The execution role for CreateFunction. */
    String role();

    /** The newest Lambda Java runtime it runs: {@code java25} unless an emulator lags behind. */
    default String maxRuntime() {
        return "java25";
    }

    @Override
    void close();
}
