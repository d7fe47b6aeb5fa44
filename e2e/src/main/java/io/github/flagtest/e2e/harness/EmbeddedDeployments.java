package io.github.flagtest.e2e.harness;

import io.github.flagtest.core.FlagState;
import io.github.flagtest.e2e.FlagStore;
import io.github.flagtest.e2e.InvocationResult;
import io.github.flagtest.e2e.embedded.AppCds;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The documented internal entry point for flagtest's own benchmarks: functions deployed on the
 * embedded backend the way {@code @LambdaE2E} deploys them (an AppConfig flag store, the test class
 * path as the function's code), driven without JUnit. Not API: it may change in any release.
 *
 * <pre>{@code
 * try (EmbeddedDeployments embedded = EmbeddedDeployments.start()) {
 *     FlagStore flags = embedded.deploy("fn", "com.example.Handler::handleRequest", FlagState.empty());
 *     embedded.invoke("fn", "{}".getBytes());
 * }
 * }</pre>
 */
public final class EmbeddedDeployments implements AutoCloseable {

    private final EmbeddedBackend backend;
    private final Deployer deployer;
    private final Map<String, Map<String, String>> environments = new HashMap<>(); // guarded by itself

    private EmbeddedDeployments(EmbeddedBackend backend) {
        this.backend = backend;
        this.deployer = new Deployer(backend, "bench");
    }

    /** An embedded backend; class-data sharing as {@code flagtest.e2e.*} system properties say. */
    public static EmbeddedDeployments start() {
        return new EmbeddedDeployments(
                new EmbeddedBackend(AppCds.from(name -> Optional.ofNullable(System.getProperty(name)))));
    }

    /** Deploys {@code handler} as function {@code name} (java17, 256 MB, 30 s) with its flags in AppConfig. */
    public FlagStore deploy(String name, String handler, FlagState flags) {
        FlagStores.Created store = deployer.flagStore(FlagStores.APPCONFIG, name, FlagStores.DEFAULT_ENV_PREFIX, flags);
        Map<String, String> environment = new HashMap<>(E2ESession.locationVariables(store.location()));
        synchronized (environments) {
            environments.put(name, environment);
        }
        deployer.createFunction(
                name,
                "java17",
                List.of(),
                handler,
                Map.copyOf(environment),
                30,
                256,
                Artifacts.classPathZip(Artifacts.testClassPath()));
        return store.store();
    }

    /** One synchronous invocation. */
    public InvocationResult invoke(String name, byte[] event) {
        return deployer.invoke(name, event);
    }

    /** A fresh execution environment for {@code name}, as each matrix run gets (a configuration update). */
    public void restart(String name, String marker) {
        Map<String, String> environment;
        synchronized (environments) {
            environment = environments.get(name);
            environment.put("FLAGTEST_RUN", marker);
            environment = Map.copyOf(environment);
        }
        deployer.updateEnvironment(name, environment);
    }

    @Override
    public void close() {
        try {
            deployer.close();
        } finally {
            backend.close();
        }
    }
}
