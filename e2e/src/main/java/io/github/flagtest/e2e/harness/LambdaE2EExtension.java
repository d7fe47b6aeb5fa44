package io.github.flagtest.e2e.harness;

import io.github.flagtest.core.FlagCatalog;
import io.github.flagtest.core.FlagState;
import io.github.flagtest.core.FlagTestException;
import io.github.flagtest.e2e.DeployedFunction;
import io.github.flagtest.e2e.ExpectedMiss;
import io.github.flagtest.e2e.LambdaE2E;
import io.github.flagtest.junit.FlagExtension;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.junit.platform.commons.support.AnnotationSupport;
import org.opentest4j.TestAbortedException;

/** The extension behind {@link LambdaE2E}: deploys once per class, applies each flag run, summarizes. */
public final class LambdaE2EExtension
        implements BeforeAllCallback,
                BeforeEachCallback,
                AfterEachCallback,
                AfterAllCallback,
                ParameterResolver,
                TestExecutionExceptionHandler {

    static final Namespace NAMESPACE = Namespace.create(LambdaE2EExtension.class);
    private static final String SESSION = "session";
    private static final String RUN = "run";
    private static final String MISS = "expected-miss";

    @Override
    public void beforeAll(ExtensionContext context) {
        if (context.getStore(NAMESPACE).get(SESSION, Deployment.class) != null) {
            return; // a @Nested class of an E2E class shares its deployment
        }
        Class<?> testClass = context.getRequiredTestClass();
        LambdaE2E e2e =
                AnnotationSupport.findAnnotation(testClass, LambdaE2E.class).orElseThrow();
        Path module = Path.of(System.getProperty("basedir", "")).toAbsolutePath();
        Optional<Path> functionPackage = FunctionPackages.choose(
                e2e, config(context, FunctionPackages.SETTING), module, testClass.getSimpleName());
        functionPackage.ifPresent(file -> System.out.println("flagtest e2e: " + testClass.getSimpleName() + " deploys "
                + (file.toAbsolutePath().startsWith(module) ? module.relativize(file.toAbsolutePath()) : file)));
        // a package's handler class need not be on the test class path: a missing one fails at start-up
        Handlers.check(e2e.handler(), testClass.getSimpleName(), testClass.getClassLoader(), functionPackage.isEmpty());
        FlagCatalog document = document(e2e, testClass);
        FunctionEnvironments environments = FunctionEnvironments.of(testClass);
        Backend backend = backend(context);
        Deployment deployment = new Deployment(
                context.getUniqueId(),
                () -> E2ESession.start(
                        context.getUniqueId(),
                        testClass,
                        e2e,
                        document,
                        backend,
                        key -> config(context, key),
                        environments,
                        functionPackage));
        context.getStore(NAMESPACE).put(SESSION, deployment);
        if (environments.isEmpty()) {
            deployment.session(); // now: nothing the class's @BeforeAll methods make is needed
        } // else at the first test, after the @BeforeAll methods that start what @FunctionEnvironment names
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        E2ESession session = session(context);
        FlagState desired = session.document.defaults().withAll(FlagExtension.flagState(context));
        String run = runLabel(context, desired);
        session.summary.run(run, desired);
        context.getStore(NAMESPACE).put(RUN, run);
        Optional<String> failedStart = session.function.startFailure();
        if (failedStart.isPresent()) {
            throw new TestAbortedException("not run: " + failedStart.get());
        }
        session.function.atBaseline(desired.equals(session.summary.baseline()));
        session.apply(desired);
    }

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable thrown) throws Throwable {
        E2ESession session = session(context);
        FlagState baseline = session.summary.baseline();
        FlagState current = session.function.flags().current();
        for (ExpectedMiss miss :
                AnnotationSupport.findRepeatableAnnotations(context.getRequiredTestMethod(), ExpectedMiss.class)) {
            boolean flagTurnedOn = current.isOn(miss.flag()) && !baseline.isOn(miss.flag());
            if (flagTurnedOn && !(thrown instanceof TestAbortedException)) {
                context.getStore(NAMESPACE).put(MISS, thrown.getMessage());
                throw new TestAbortedException(
                        "Expected miss with " + miss.flag() + " ON (" + miss.reason() + "); not failing the build: "
                                + thrown.getMessage(),
                        thrown);
            }
        }
        throw thrown;
    }

    @Override
    public void afterEach(ExtensionContext context) {
        String run = context.getStore(NAMESPACE).remove(RUN, String.class);
        if (run == null) {
            return; // beforeEach failed (the deployment, say): the test's own failure tells
        }
        E2ESession session = session(context);
        String miss = context.getStore(NAMESPACE).remove(MISS, String.class);
        Optional<Throwable> thrown = context.getExecutionException();
        Summary.Status status = miss != null
                ? Summary.Status.MISS
                : thrown.isEmpty()
                        ? Summary.Status.PASS
                        : thrown.get() instanceof TestAbortedException ? Summary.Status.SKIP : Summary.Status.FAIL;
        String message = miss != null ? miss : thrown.map(Throwable::getMessage).orElse(null);
        session.summary.result(run, testName(context), status, message);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        Deployment deployment = context.getStore(NAMESPACE).get(SESSION, Deployment.class);
        if (deployment == null || !deployment.owner().equals(context.getUniqueId())) {
            return;
        }
        Optional<E2ESession> started = deployment.started();
        if (started.isEmpty()) {
            return; // no test ran: nothing was deployed
        }
        E2ESession session = started.get();
        Path dir = Path.of(
                        context.getConfigurationParameter("flagtest.report.dir").orElse("target/flagtest"))
                .resolve("e2e");
        Path file = session.summary.write(dir);
        System.out.println(session.summary.table() + "  written to " + file);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == DeployedFunction.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return session(context).function;
    }

    private static E2ESession session(ExtensionContext context) {
        Deployment deployment = context.getStore(NAMESPACE).get(SESSION, Deployment.class);
        if (deployment == null) {
            throw new ExtensionConfigurationException(context.getDisplayName()
                    + ": the @LambdaE2E deployment is missing (did its set-up fail?); see the class's first failure");
        }
        return deployment.session();
    }

    /** The backend of this engine run: chosen, printed and started once, stopped when the run ends. */
    private static Backend backend(ExtensionContext context) {
        ExtensionContext.Store root = context.getRoot().getStore(NAMESPACE);
        String name = root.getOrComputeIfAbsent(
                "backend-name",
                key -> {
                    String chosen = Backends.choose(config(context, Backends.BACKEND));
                    System.out.println("flagtest e2e: backend " + chosen);
                    return chosen;
                },
                String.class);
        return root.getOrComputeIfAbsent(
                        "backend",
                        key -> new BackendResource(Backends.start(name, k -> config(context, k))),
                        BackendResource.class)
                .backend();
    }

    /** Keeps the backend in the root store, which JUnit closes at the end of the run. */
    // JUnit closes a store value once: as AutoCloseable from 5.13, as CloseableResource before
    @SuppressWarnings("deprecation")
    private record BackendResource(Backend backend) implements AutoCloseable, ExtensionContext.Store.CloseableResource {
        @Override
        public void close() {
            backend.close();
        }
    }

    /** A configuration parameter (or system property), then an environment variable. */
    private static Optional<String> config(ExtensionContext context, String key) {
        return context.getConfigurationParameter(key).or(() -> Optional.ofNullable(System.getenv(key)));
    }

    /** The display name of the class-template invocation (the matrix run) around {@code context}, if any. */
    private static String runLabel(ExtensionContext context, FlagState desired) {
        for (Optional<ExtensionContext> c = Optional.of(context);
                c.isPresent();
                c = c.get().getParent()) {
            String id = c.get().getUniqueId();
            if (id.substring(id.lastIndexOf("/[") + 1).startsWith("[class-template-invocation:")) {
                return c.get().getDisplayName();
            }
        }
        return desired.toString();
    }

    private static String testName(ExtensionContext context) {
        String method = context.getRequiredTestMethod().getName();
        String display = context.getDisplayName();
        return display.startsWith("[") ? method + " " + display : method;
    }

    private static FlagCatalog document(LambdaE2E e2e, Class<?> testClass) {
        if (e2e.flags().isBlank()) {
            return FlagCatalog.parse("{}", "no flag document");
        }
        try {
            return FlagCatalog.locate(e2e.flags(), testClass.getClassLoader());
        } catch (FlagTestException e) {
            throw new ExtensionConfigurationException(
                    "@LambdaE2E(flags = \"" + e2e.flags() + "\") on " + testClass.getSimpleName() + ": "
                            + e.getMessage(),
                    e);
        }
    }
}
