package io.github.flagtest.e2e.harness;

import io.github.flagtest.core.FlagCatalog;
import io.github.flagtest.core.FlagState;
import io.github.flagtest.e2e.FlagLocation;
import io.github.flagtest.e2e.LambdaE2E;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
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
    private final Map<String, String> environment; // what the function always gets; flags of an env store apart
    private final String functionName;
    private final java.util.concurrent.atomic.AtomicInteger restarts = new java.util.concurrent.atomic.AtomicInteger();
    private final FunctionPackages.Unpacked unpacked; // null unless the embedded backend runs a package

    private E2ESession(
            String owner,
            FlagCatalog document,
            Summary summary,
            Deployer deployer,
            FlagStores.StoreBase store,
            FlagLocation location,
            Map<String, String> environment,
            String functionName,
            String backend,
            java.util.function.Supplier<Optional<java.time.Duration>> pollInterval,
            FunctionPackages.Unpacked unpacked) {
        this.owner = owner;
        this.unpacked = unpacked;
        this.document = document;
        this.summary = summary;
        this.deployer = deployer;
        this.store = store;
        this.environment = environment;
        this.functionName = functionName;
        this.function = new DeployedLambda(functionName, deployer, store, location, backend, summary, pollInterval);
        if (store instanceof FlagStores.EnvStore env) {
            env.onChange(this::restartWith);
        }
    }

    static E2ESession start(
            String owner,
            Class<?> testClass,
            LambdaE2E e2e,
            FlagCatalog document,
            Backend backend,
            Function<String, Optional<String>> config,
            FunctionEnvironments functionEnvironment,
            Optional<java.nio.file.Path> functionPackage) {
        String runId = UUID.randomUUID().toString().substring(0, 8);
        String prefix = name("flagtest-" + runId + "-" + testClass.getSimpleName());
        String kind = FlagStores.kind(config.apply(FlagStores.SETTING));
        String envPrefix = config.apply(FlagStores.ENV_PREFIX_SETTING).orElse(FlagStores.DEFAULT_ENV_PREFIX);
        Map<String, String> declared = environment(e2e, testClass); // checked before anything is created
        Map<String, String> owned = functionEnvironment.call(declared); // the test's own services, say
        List<String> layers = java.util.Arrays.stream(e2e.layers())
                .map(layer ->
                        layer.equals(LambdaE2E.APPCONFIG_EXTENSION) ? backend.appConfigExtensionLayer(config) : layer)
                .toList();
        Deployer deployer = new Deployer(backend, runId);
        FunctionPackages.Unpacked unpacked = null;
        try {
            FlagStores.Created store = deployer.flagStore(kind, prefix, envPrefix, document, document.defaults());
            FlagReadBack.check(backend, store.location(), document.defaults());
            Map<String, String> environment = new LinkedHashMap<>(locationVariables(store.location()));
            environment.putAll(Placeholders.resolve(declared, store.location(), testClass.getSimpleName()));
            environment.putAll(owned);
            Map<String, String> initial = new LinkedHashMap<>(environment);
            initial.putAll(store.store().functionEnvironment());
            String runtime = Deployer.runtime(
                    config.apply(Deployer.RUNTIME_SETTING), e2e.handler(), testClass.getClassLoader(), backend);
            byte[] code;
            if (functionPackage.isPresent() && backend.runsFromClassPath()) {
                unpacked = new FunctionPackages.Unpacked(functionPackage.get());
                code = Artifacts.classPathZip(unpacked.classPath());
            } else if (functionPackage.isPresent()) {
                code = java.nio.file.Files.readAllBytes(functionPackage.get());
            } else {
                code = backend.runsFromClassPath()
                        ? Artifacts.classPathZip(Artifacts.testClassPath())
                        : Artifacts.lambdaZip(
                                Artifacts.packaged(e2e.handler(), backend.name(), Artifacts.testClassPath()));
            }
            deployer.createFunction(
                    prefix, runtime, layers, e2e.handler(), initial, e2e.timeoutSeconds(), e2e.memoryMb(), code);
            Summary summary = new Summary(testClass.getName(), backend.name());
            return new E2ESession(
                    owner,
                    document,
                    summary,
                    deployer,
                    store.store(),
                    store.location(),
                    environment,
                    prefix,
                    backend.name(),
                    pollInterval(layers, environment, store.location(), backend),
                    unpacked);
        } catch (RuntimeException | java.io.IOException e) {
            try {
                deployer.close();
            } catch (RuntimeException cleanup) {
                e.addSuppressed(cleanup);
            }
            if (unpacked != null) {
                unpacked.close();
            }
            if (e instanceof java.io.IOException io) {
                throw new java.io.UncheckedIOException(
                        "flagtest e2e: cannot read the function package " + functionPackage.orElseThrow() + ": " + io,
                        io);
            }
            throw (RuntimeException) e;
        }
    }

    /**
     * How often the function polls its flags, where flagtest can tell: the AppConfig extension's
     * {@code AWS_APPCONFIG_EXTENSION_POLL_INTERVAL_SECONDS} (45 by default), else the interval of the
     * function's AppConfig Data session as the backend saw it (embedded); asked when a drill ends.
     */
    private static java.util.function.Supplier<Optional<java.time.Duration>> pollInterval(
            List<String> layers, Map<String, String> environment, FlagLocation location, Backend backend) {
        boolean extension = layers.stream().anyMatch(layer -> layer.contains(":layer:AWS-AppConfig-Extension"));
        if (extension) {
            String seconds = environment.getOrDefault("AWS_APPCONFIG_EXTENSION_POLL_INTERVAL_SECONDS", "45");
            Optional<java.time.Duration> interval = seconds.matches("\\d+")
                    ? Optional.of(java.time.Duration.ofSeconds(Long.parseLong(seconds)))
                    : Optional.empty();
            return () -> interval;
        }
        return () ->
                location.applicationId().isEmpty() ? Optional.empty() : backend.pollInterval(location.applicationId());
    }

    /** The variables that tell a function where its flags are, as flagtest's samples read them. */
    static Map<String, String> locationVariables(FlagLocation location) {
        return switch (location.store()) {
            case FlagStores.APPCONFIG ->
                Map.of(
                        "FLAGTEST_APPCONFIG_APPLICATION", location.application(),
                        "FLAGTEST_APPCONFIG_ENVIRONMENT", location.environment(),
                        "FLAGTEST_APPCONFIG_PROFILE", location.profile(),
                        // some emulators (Floci) look AppConfig Data sessions up by ID only
                        "FLAGTEST_APPCONFIG_APPLICATION_ID", location.applicationId(),
                        "FLAGTEST_APPCONFIG_ENVIRONMENT_ID", location.environmentId(),
                        "FLAGTEST_APPCONFIG_PROFILE_ID", location.profileId());
            case FlagStores.SSM -> Map.of("FLAGTEST_SSM_PARAMETER", location.parameter());
            default -> Map.of();
        };
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
        if (!(store instanceof FlagStores.EnvStore)) { // an env store restarts the function as it writes
            restartWith(desired);
        }
    }

    /**
     * Updates the function's configuration, so Lambda starts a fresh execution environment. Takes no
     * session lock: an env store calls it while its own lock is held.
     */
    private void restartWith(FlagState flags) {
        Map<String, String> next = new LinkedHashMap<>(environment);
        if (store instanceof FlagStores.EnvStore env) {
            next.putAll(env.variables(flags));
        }
        next.put("FLAGTEST_RUN", Integer.toString(restarts.incrementAndGet()));
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
        try {
            deployer.close();
        } finally {
            if (unpacked != null) {
                unpacked.close(); // after the function that ran from it is gone
            }
        }
    }
}
