package io.github.flagtest.junit;

import io.github.flagtest.core.Evaluation;
import io.github.flagtest.core.FakeFlags;
import io.github.flagtest.core.FlagState;
import io.github.flagtest.junit.classpath.ClassPathCheck;
import io.github.flagtest.junit.context.Describe;
import io.github.flagtest.junit.context.Settings;
import io.github.flagtest.junit.context.Stores;
import io.github.flagtest.junit.current.EntryPoint;
import io.github.flagtest.junit.current.TestFlags;
import io.github.flagtest.junit.entrypoint.EntryPointCheck;
import io.github.flagtest.junit.entrypoint.TypeEntryPoints;
import io.github.flagtest.junit.flags.FlagResolver;
import io.github.flagtest.junit.flags.MistypedPins;
import io.github.flagtest.junit.flags.OpenFeatureSupport;
import io.github.flagtest.junit.flags.UndeclaredReads;
import io.github.flagtest.junit.inject.FlagClientTypes;
import io.github.flagtest.junit.inject.FlagClients;
import io.github.flagtest.junit.inject.ParameterSupport;
import io.github.flagtest.junit.inject.TestFields;
import io.github.flagtest.junit.matrix.MatrixProvider;
import io.github.flagtest.junit.matrix.MatrixRun;
import io.github.flagtest.junit.matrix.UnreadFlags;
import io.github.flagtest.junit.record.Outcomes;
import io.github.flagtest.junit.record.Recorder;
import io.github.flagtest.junit.record.TestRecord;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestTemplateInvocationContext;
import org.junit.jupiter.api.extension.TestTemplateInvocationContextProvider;

/**
 * The JUnit Jupiter extension behind {@link WithFlag}, {@link FlagMatrix}, {@link
 * FeatureEntryPoint} and {@link FlagClient}; those annotations register it, so tests rarely name it.
 * Register it by hand ({@code @ExtendWith(FlagExtension.class)}) to get {@code FakeFlags} and
 * {@code FlagState} parameters in a test that pins no flag.
 *
 * <p>A thin facade: each concern (flag resolution, matrices, entry points, flag clients,
 * OpenFeature, run records) lives in a room of its own under this package (the package
 * documentation is the map). It implements only JUnit interfaces of JUnit 5.10 or older, so it
 * loads on every supported JUnit; a class-level {@link FlagMatrix} runs through JUnit's own {@code
 * @ParameterizedClass} (5.13+).
 *
 * @since 0.1.0
 */
public class FlagExtension
        implements BeforeAllCallback,
                BeforeEachCallback,
                AfterAllCallback,
                AfterEachCallback,
                ParameterResolver,
                TestTemplateInvocationContextProvider {

    /** Created by JUnit. */
    public FlagExtension() {}

    /**
     * The flag state flagtest gives the test (or class template invocation) of {@code context}: its
     * matrix assignments, pins, profile and catalog defaults. For other extensions, such as the E2E
     * harness, that need the state without depending on callback order.
     *
     * @param context the test's or class template invocation's context
     * @return the state the test starts with
     * @throws org.junit.jupiter.api.extension.ExtensionConfigurationException on misuse, as for tests
     */
    public static FlagState flagState(ExtensionContext context) {
        return FlagResolver.resolve(context, Settings.of(context), MatrixRun.around(context));
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        ClassPathCheck.verify(Describe.type(context.getRequiredTestClass()));
        MatrixProvider.verifyClassRunsAsTemplate(context);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        ClassPathCheck.verify(Describe.test(context));
        Settings settings = Settings.of(context);
        List<MatrixRun> matrixRuns = MatrixRun.around(context);
        FlagState state = FlagResolver.resolve(context, settings, matrixRuns);
        List<String> skip = new ArrayList<>(settings.callSiteSkip());
        FlagClientTypes.of(context).forEach(type -> skip.add(type.getName()));
        TestFlags test = new TestFlags(new FakeFlags(state, skip), matrixRuns);
        context.getStore(Stores.NAMESPACE).put(TestFlags.class, test);
        OpenFeatureSupport.install(context);
        TestFields.inject(context, test);
        TypeEntryPoints.register(context, test);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        TestFlags test = context.getStore(Stores.NAMESPACE).remove(TestFlags.class, TestFlags.class);
        if (test == null) {
            return; // beforeEach failed before the test was set up; nothing to check
        }
        List<Throwable> failures = new ArrayList<>();
        Map<EntryPoint, List<EntryPointCall>> calls = new LinkedHashMap<>();
        try {
            Settings settings = Settings.of(context);
            for (EntryPoint entryPoint : test.entryPoints()) {
                List<EntryPointCall> own = entryPoint.calls(test.timeline());
                calls.put(entryPoint, own);
                EntryPointCheck.failure(
                                entryPoint,
                                own,
                                test.initial(),
                                test.flags().evaluations(entryPoint.flag()).size())
                        .ifPresent(failures::add);
            }
            MistypedPins.check(context, test.flags()).ifPresent(failures::add);
            UndeclaredReads.check(context, settings, test.flags()).ifPresent(failures::add);
            FlagClients.unused(context, test).ifPresent(failures::add);
            List<Evaluation> evaluations = test.flags().evaluations();
            Set<String> read = new java.util.HashSet<>();
            evaluations.forEach(evaluation -> read.add(evaluation.flag()));
            // a flag served in a whole document may have been read: a matrix over it is not pointless
            test.flags().serves().forEach(serve -> read.addAll(serve.flags()));
            // a test that failed before reading any flag says nothing about what the code reads
            boolean counts = !read.isEmpty() || context.getExecutionException().isEmpty();
            for (MatrixRun run : test.matrixRuns()) {
                if (counts) {
                    run.unread().ran(read);
                }
                if (!run.classLevel()) {
                    run.unread().completed().ifPresent(failures::add);
                }
            }
            Optional<Recorder> recorder = Recorder.of(context, settings);
            if (recorder.isPresent()) {
                String result = Outcomes.result(context, failures);
                String failure = failure(context, failures);
                recorder.get()
                        .write(json ->
                                TestRecord.write(json, context, settings, test, evaluations, calls, result, failure));
            }
        } finally {
            test.close();
        }
        if (!failures.isEmpty()) {
            Throwable first = failures.get(0);
            failures.subList(1, failures.size()).forEach(first::addSuppressed);
            if (first instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw (Error) first;
        }
    }

    private static String failure(ExtensionContext context, List<Throwable> failures) {
        return context.getExecutionException()
                .or(() -> failures.stream().findFirst())
                .map(Throwable::getMessage)
                .orElse(null);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        Optional<ExtensionConfigurationException> failure =
                UnreadFlags.ownedBy(context).flatMap(UnreadFlags::finished);
        if (failure.isPresent()) {
            throw failure.get();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return ParameterSupport.supports(parameterContext.getParameter());
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        Parameter parameter = parameterContext.getParameter();
        TestFlags test = extensionContext.getStore(Stores.NAMESPACE).get(TestFlags.class, TestFlags.class);
        if (test == null) {
            throw new ParameterResolutionException(parameter.getType().getSimpleName() + " parameter '"
                    + parameter.getName() + "' of " + parameterContext.getDeclaringExecutable()
                    + ": flagtest gives one per test; ask for it in a test, @BeforeEach or @AfterEach method");
        }
        return ParameterSupport.resolve(parameterContext, extensionContext, test);
    }

    @Override
    public boolean supportsTestTemplate(ExtensionContext context) {
        return context.getTestMethod().filter(MatrixProvider::supports).isPresent();
    }

    @Override
    public Stream<TestTemplateInvocationContext> provideTestTemplateInvocationContexts(ExtensionContext context) {
        List<MatrixRun> enclosing = MatrixRun.around(context);
        return MatrixProvider.runs(context, context.getRequiredTestMethod()).stream()
                .map(run -> new MatrixProvider.Invocation(enclosing, run));
    }
}
