package io.github.flagtest.e2e;

import io.github.flagtest.core.FlagCatalog;
import io.github.flagtest.core.FlagState;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One E2E class's deployment: its flag store, its function, its summary. Closing deletes what was
 * deployed (the backend itself is shared by the engine run).
 */
// JUnit closes a store value once: as AutoCloseable from 5.13, as CloseableResource before
@SuppressWarnings("deprecation")
final class E2ESession implements AutoCloseable, ExtensionContext.Store.CloseableResource {

    final String owner;
    final FlagCatalog document;
    final Summary summary;
    final DeployedLambda function;
    private final Deployer deployer;
    private final FlagStores.StoreBase store;
    private final Map<String, String> environment;
    private final String functionName;
    private int restarts;

    private E2ESession(
            String owner,
            FlagCatalog document,
            Summary summary,
            Deployer deployer,
            FlagStores.StoreBase store,
            Map<String, String> environment,
            String functionName,
            String backend) {
        this.owner = owner;
        this.document = document;
        this.summary = summary;
        this.deployer = deployer;
        this.store = store;
        this.environment = environment;
        this.functionName = functionName;
        this.function = new DeployedLambda(functionName, deployer, store, backend, summary);
    }

    static E2ESession start(String owner, Class<?> testClass, LambdaE2E e2e, FlagCatalog document, Backend backend) {
        String runId = UUID.randomUUID().toString().substring(0, 8);
        String prefix = name("flagtest-" + runId + "-" + testClass.getSimpleName());
        Deployer deployer = new Deployer(backend, runId);
        try {
            FlagStores.Created store = deployer.flagStore(prefix, document.defaults());
            Map<String, String> environment = new LinkedHashMap<>(environment(e2e, testClass));
            environment.putAll(store.functionEnvironment());
            byte[] code = backend.runsFromClassPath()
                    ? Artifacts.classPathZip(Artifacts.testClassPath())
                    : Artifacts.lambdaZip(Artifacts.runtimeEntries(Artifacts.testClassPath()));
            deployer.createFunction(prefix, e2e.handler(), environment, e2e.timeoutSeconds(), e2e.memoryMb(), code);
            Summary summary = new Summary(testClass.getName(), backend.name());
            return new E2ESession(
                    owner, document, summary, deployer, store.store(), environment, prefix, backend.name());
        } catch (RuntimeException e) {
            try {
                deployer.close();
            } catch (RuntimeException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
    }

    /**
     * Deploys {@code desired} to the flag store if it differs from what is there, and updates the
     * function so that it starts a fresh execution environment.
     */
    synchronized void apply(FlagState desired) {
        if (desired.equals(store.current())) {
            return;
        }
        store.write(desired);
        Map<String, String> next = new LinkedHashMap<>(environment);
        next.put("FLAGTEST_RUN", Integer.toString(++restarts));
        deployer.updateEnvironment(functionName, next);
    }

    private static Map<String, String> environment(LambdaE2E e2e, Class<?> testClass) {
        Map<String, String> environment = new LinkedHashMap<>();
        for (String entry : e2e.environment()) {
            int equals = entry.indexOf('=');
            if (equals <= 0) {
                throw new ExtensionConfigurationException("@LambdaE2E(environment = \"" + entry + "\") on "
                        + testClass.getSimpleName() + ": each entry must be KEY=value");
            }
            environment.put(entry.substring(0, equals), entry.substring(equals + 1));
        }
        return environment;
    }

    /** Lambda, AppConfig and SSM all accept [a-zA-Z0-9-_] up to 64 characters. */
    static String name(String raw) {
        String cleaned = raw.replaceAll("[^A-Za-z0-9-]", "-").toLowerCase(Locale.ROOT);
        return cleaned.length() <= 64 ? cleaned : cleaned.substring(0, 64);
    }

    @Override
    public void close() {
        deployer.close();
    }
}
