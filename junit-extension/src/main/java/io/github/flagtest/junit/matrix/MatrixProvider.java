package io.github.flagtest.junit.matrix;

import io.github.flagtest.core.FlagCatalog;
import io.github.flagtest.core.FlagDefinition;
import io.github.flagtest.core.FlagState;
import io.github.flagtest.core.Variants;
import io.github.flagtest.junit.FlagMatrix;
import io.github.flagtest.junit.classpath.ClassPathCheck;
import io.github.flagtest.junit.classpath.Library;
import io.github.flagtest.junit.context.Describe;
import io.github.flagtest.junit.context.E2EClass;
import io.github.flagtest.junit.context.FlagDocuments;
import io.github.flagtest.junit.context.Settings;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestTemplateInvocationContext;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Turns a {@link FlagMatrix} on a method or class into its runs, one per flag combination.
 *
 * <p>Internal to flagtest's JUnit extension, public for its other rooms; not API.
 */
public final class MatrixProvider {

    static final int MAX_ALL_COMBINATIONS = 10;

    private static final Set<String> OTHER_TEST_KINDS = Set.of(
            "org.junit.jupiter.api.Test",
            "org.junit.jupiter.api.RepeatedTest",
            "org.junit.jupiter.api.TestFactory",
            "org.junit.jupiter.params.ParameterizedTest");

    private MatrixProvider() {}

    public static boolean supports(AnnotatedElement element) {
        return AnnotationSupport.isAnnotated(element, FlagMatrix.class);
    }

    /**
     * The runs of the matrix on {@code element}, in order, kept in the store of the template's
     * {@code context}: invocation {@code #n} of that template is run {@code n - 1}.
     */
    public static List<MatrixRun> runs(ExtensionContext context, AnnotatedElement element) {
        FlagMatrix matrix =
                AnnotationSupport.findAnnotation(element, FlagMatrix.class).orElseThrow();
        String where = element instanceof Method method ? Describe.method(method) : Describe.type((Class<?>) element);
        if (element instanceof Method method) {
            checkNoOtherTestKind(method, where);
        }
        Settings settings = Settings.of(context);
        Optional<E2EClass> e2e = E2EClass.of(element, context);
        List<MatrixFlag> flags = matrix.value().length == 0 && e2e.isPresent()
                ? e2e.get().booleanFlags().stream().map(MatrixFlag::parse).toList()
                : flags(matrix, where, settings);
        List<FlagState> assignments = MatrixRuns.of(flags, matrix.strategy());
        Settings.Mode unreadMode =
                e2e.isPresent() ? Settings.Mode.OFF : settings.unread(); // reads happen in the function
        UnreadFlags unread =
                new UnreadFlags(where, flags.stream().map(MatrixFlag::name).toList(), unreadMode, assignments.size());
        unread.storeIn(context);
        boolean classLevel = element instanceof Class<?>;
        List<MatrixRun> runs = assignments.stream()
                .map(assignment -> new MatrixRun(where, matrix.strategy(), assignment, unread, classLevel))
                .toList();
        MatrixRun.storeIn(context, runs);
        return runs;
    }

    /**
     * Fails a class whose {@link FlagMatrix} did not make it a class template: JUnit older than 5.13,
     * or no {@code junit-jupiter-params}, drops the {@code @ParameterizedClass} it stands for, and
     * the class would otherwise run once with no matrix at all.
     */
    public static void verifyClassRunsAsTemplate(ExtensionContext context) {
        Class<?> testClass = context.getRequiredTestClass();
        String id = context.getUniqueId();
        String segment = id.substring(id.lastIndexOf("/[") + 1);
        if (!supports(testClass)
                || segment.startsWith("[class-template")
                || segment.startsWith("[nested-class-template")) {
            return; // the template itself, or one of its invocations
        }
        List<Library> jars = ClassPathCheck.junitJars();
        String found = jars.stream()
                .filter(jar -> jar.artifact().equals("junit-jupiter-api")
                        || jar.artifact().equals("junit-jupiter-params"))
                .map(jar -> jar.artifact() + " " + jar.version())
                .collect(java.util.stream.Collectors.joining(", "));
        boolean noParams = jars.stream().noneMatch(jar -> jar.artifact().equals("junit-jupiter-params"));
        String version = ClassPathCheck.builtWithJUnit();
        throw new ExtensionConfigurationException("@FlagMatrix on " + Describe.type(testClass)
                + " (a class-level matrix) needs JUnit Jupiter 5.13 or later with junit-jupiter-params, but this run has "
                + found + (noParams ? " and no junit-jupiter-params" : "")
                + ". Fix: import org.junit:junit-bom:" + version
                + " in <dependencyManagement> before any other BOM (with spring-boot-starter-parent: <junit-jupiter.version>"
                + version + "</junit-jupiter.version>) and depend on junit-jupiter; or put @FlagMatrix on the test"
                + " methods, which works from JUnit 5.10.");
    }

    private static List<MatrixFlag> flags(FlagMatrix matrix, String where, Settings settings) {
        if (matrix.value().length == 0) {
            throw new ExtensionConfigurationException(
                    "@FlagMatrix on " + where
                            + " lists no flag; name the flags to combine, e.g. @FlagMatrix({\"loyalty-points\", \"free-shipping\"})");
        }
        List<MatrixFlag> flags = new ArrayList<>();
        Set<String> names = new LinkedHashSet<>();
        for (String entry : matrix.value()) {
            MatrixFlag flag;
            try {
                flag = MatrixFlag.parse(entry);
            } catch (IllegalArgumentException e) {
                throw new ExtensionConfigurationException("@FlagMatrix on " + where + ": " + e.getMessage());
            }
            if (!names.add(flag.name())) {
                throw new ExtensionConfigurationException("@FlagMatrix on " + where + ": flag '" + flag.name()
                        + "' is listed twice; list each flag once");
            }
            FlagDocuments.checkName(flag.name(), "@FlagMatrix", where, settings.catalog());
            flags.add(
                    flag.values().equals(List.of(MatrixFlag.EVERY_VARIANT))
                            ? everyVariant(flag, where, settings)
                            : flag);
        }
        if (matrix.strategy() == FlagMatrix.Strategy.ALL_COMBINATIONS && flags.size() > MAX_ALL_COMBINATIONS) {
            throw new ExtensionConfigurationException("@FlagMatrix on " + where + " lists " + flags.size()
                    + " flags: ALL_COMBINATIONS would run the test " + Math.round(Math.pow(2, flags.size()))
                    + "+ times (at most " + MAX_ALL_COMBINATIONS
                    + " flags); use strategy = PAIRWISE, which covers every "
                    + "pair of flags in " + Pairwise.optimalRunCount(flags.size()) + " runs for on/off flags");
        }
        return flags;
    }

    /**
     * {@code "name=*"}: every variant of the multi-variant flag in the profile (or else the catalog),
     * the default first, each pinned so that its rules do not pick another.
     */
    private static MatrixFlag everyVariant(MatrixFlag flag, String where, Settings settings) {
        Optional<FlagCatalog> document = settings.profile().or(settings::catalog);
        Object value = document.flatMap(d -> d.get(flag.name()))
                .map(FlagDefinition::defaultValue)
                .orElse(null);
        if (!(value instanceof Variants variants)) {
            throw new ExtensionConfigurationException("@FlagMatrix on " + where + ": \"" + flag.name()
                    + "=*\" runs every variant of a multi-variant flag, but "
                    + document.map(d -> d.source() + " gives '" + flag.name() + "' no _variants")
                            .orElse("there is no flagtest.catalog or flagtest.profile document to take them from")
                    + "; list the variants instead, e.g. \"" + flag.name() + "=A|B\"");
        }
        List<Object> values = new ArrayList<>();
        values.add(variants.pinned(variants.defaultVariant().name()));
        variants.variants().stream()
                .filter(variant -> variant != variants.defaultVariant())
                .forEach(variant -> values.add(variants.pinned(variant.name())));
        return new MatrixFlag(flag.name(), List.copyOf(values));
    }

    private static void checkNoOtherTestKind(Method method, String where) {
        for (Annotation annotation : method.getAnnotations()) {
            String name = annotation.annotationType().getName();
            if (OTHER_TEST_KINDS.contains(name)) {
                String simple = annotation.annotationType().getSimpleName();
                String fix = simple.equals("Test")
                        ? "remove @Test: @FlagMatrix alone makes the method a test"
                        : "put @FlagMatrix on the class instead, which runs every @" + simple
                                + " under each combination";
                throw new ExtensionConfigurationException("@FlagMatrix on " + where + " cannot be combined with @"
                        + simple + " on the same method; " + fix);
            }
        }
    }

    /**
     * One run of a method matrix, named by the whole flag state of the test: the runs of the
     * class-level matrices around it ({@code enclosing}, outermost first), then its own, e.g. {@code
     * [loyalty-points=OFF, free-shipping=ON]}. Surefire's phrased XML name of the run is this name; a
     * class-level run has none there (JUnit reports it as {@code Class[1]}). {@link MatrixRun#around}
     * finds the rest by index.
     */
    public record Invocation(List<MatrixRun> enclosing, MatrixRun run) implements TestTemplateInvocationContext {

        public Invocation {
            enclosing = List.copyOf(enclosing);
        }

        @Override
        public String getDisplayName(int invocationIndex) {
            List<MatrixRun> all = new ArrayList<>(enclosing);
            all.add(run);
            return MatrixRun.state(all).toString();
        }
    }
}
