package io.github.flagtest.junit.inject;

import io.github.flagtest.core.FlagCatalog;
import io.github.flagtest.junit.FeatureEntryPoint;
import io.github.flagtest.junit.FlagClient;
import io.github.flagtest.junit.context.Describe;
import io.github.flagtest.junit.context.FlagDocuments;
import io.github.flagtest.junit.context.RunCache;
import io.github.flagtest.junit.context.Settings;
import io.github.flagtest.junit.current.TestFlags;
import io.github.flagtest.junit.entrypoint.MockEntryPoint;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.HierarchyTraversalMode;
import org.mockito.Mockito;

/**
 * Fills {@link FeatureEntryPoint} and {@link FlagClient} fields of the test instances before
 * {@code @BeforeEach} methods run, and clears what it filled after the test. A {@code @FlagClient}
 * field a framework already filled with a Mockito mock keeps that mock, programmed with the test's
 * flags.
 *
 * <p>Internal to flagtest's JUnit extension, public for its other rooms; not API.
 */
public final class TestFields {

    private TestFields() {}

    public static void inject(ExtensionContext context, TestFlags test) {
        for (Object instance : context.getRequiredTestInstances().getAllInstances()) {
            Plan plan = plan(context, instance.getClass());
            for (EntryPointField entry : plan.entryPoints()) {
                Field field = entry.field();
                Object current = read(field, instance);
                if (current == null) {
                    write(field, instance, Mocks.entryPoint(field.getType(), field.getName(), entry.where()));
                    test.onClose(() -> write(field, instance, null));
                } else if (!MockEntryPoint.isMockOrSpy(current)) {
                    throw MockEntryPoint.notAMock(entry.where(), current);
                }
                test.entryPoints()
                        .add(new MockEntryPoint(entry.annotation(), entry.declaredAt(), () -> read(field, instance)));
            }
            for (ClientField entry : plan.clients()) {
                Field field = entry.field();
                Object current = read(field, instance);
                if (current == null) {
                    write(
                            field,
                            instance,
                            Mocks.flagClient(field.getType(), field.getName(), test.flags(), entry.where()));
                    test.onClose(() -> write(field, instance, null));
                } else if (Mockito.mockingDetails(current).isMock()) {
                    // a framework's mock bean (@MockitoBean, @InjectMock, @MockBean): the code under test holds it
                    Mocks.program(current, test.flags(), entry.where());
                } else {
                    throw new ExtensionConfigurationException(entry.where() + ": the field already holds " + current
                            + "; leave it null, flagtest creates the flag client mock");
                }
                FlagClients.add(context, entry.where(), () -> read(field, instance));
            }
        }
    }

    /** The types of the {@link FlagClient} fields of {@code type}. */
    static List<Class<?>> flagClientTypes(ExtensionContext context, Class<?> type) {
        return plan(context, type).clients().stream()
                .<Class<?>>map(client -> client.field().getType())
                .toList();
    }

    /** The annotated fields of a test class, found and checked once per run rather than per test. */
    private static Plan plan(ExtensionContext context, Class<?> type) {
        return RunCache.get(
                context,
                new PlanKey(type),
                Plan.class,
                () -> Plan.of(type, Settings.of(context).catalog()));
    }

    private record PlanKey(Class<?> type) {}

    private record Plan(List<EntryPointField> entryPoints, List<ClientField> clients) {

        static Plan of(Class<?> type, Optional<FlagCatalog> catalog) {
            List<EntryPointField> entryPoints = new ArrayList<>();
            for (Field field : fields(type, FeatureEntryPoint.class)) {
                FeatureEntryPoint annotation = AnnotationSupport.findAnnotation(field, FeatureEntryPoint.class)
                        .orElseThrow();
                FlagDocuments.checkName(
                        annotation.value(), "@FeatureEntryPoint", "field " + Describe.field(field), catalog);
                String where = "@FeatureEntryPoint(\"" + annotation.value() + "\") on field " + Describe.field(field);
                refuseType(annotation, where);
                checkMethods(annotation, field.getType(), where);
                entryPoints.add(new EntryPointField(field, annotation, where, "field " + Describe.field(field)));
            }
            List<ClientField> clients = new ArrayList<>();
            for (Field field : fields(type, FlagClient.class)) {
                clients.add(new ClientField(field, "@FlagClient on field " + Describe.field(field)));
            }
            return new Plan(List.copyOf(entryPoints), List.copyOf(clients));
        }
    }

    private record EntryPointField(Field field, FeatureEntryPoint annotation, String where, String declaredAt) {}

    private record ClientField(Field field, String where) {}

    /** On a field or parameter the declared type is the entry point. */
    static void refuseType(FeatureEntryPoint annotation, String where) {
        if (annotation.type() != void.class) {
            throw new ExtensionConfigurationException(
                    where + ": type = " + annotation.type().getSimpleName()
                            + ".class is for a test class or method; on a field or parameter the declared type is the "
                            + "entry point, so remove type");
        }
    }

    static void checkMethods(FeatureEntryPoint annotation, Class<?> type, String where) {
        List<String> names =
                Arrays.stream(type.getMethods()).map(Method::getName).toList();
        for (String method : annotation.methods()) {
            if (!names.contains(method)) {
                throw new ExtensionConfigurationException(where + ": methods names '" + method + "', but "
                        + type.getSimpleName() + " has no public method of that name; use one of "
                        + Arrays.stream(type.getMethods())
                                .filter(m -> m.getDeclaringClass() != Object.class)
                                .map(Method::getName)
                                .distinct()
                                .sorted()
                                .toList());
            }
        }
    }

    private static List<Field> fields(Class<?> type, Class<? extends java.lang.annotation.Annotation> annotation) {
        List<Field> fields =
                AnnotationSupport.findAnnotatedFields(type, annotation, field -> true, HierarchyTraversalMode.TOP_DOWN);
        for (Field field : fields) {
            if (Modifier.isStatic(field.getModifiers()) || Modifier.isFinal(field.getModifiers())) {
                throw new ExtensionConfigurationException("@" + annotation.getSimpleName() + " on field "
                        + Describe.field(field) + ": the field is static or final; make it a non-final instance field");
            }
        }
        return fields;
    }

    static Object read(Field field, Object instance) {
        try {
            field.setAccessible(true);
            return field.get(instance);
        } catch (IllegalAccessException e) {
            throw new ExtensionConfigurationException("Cannot read field " + Describe.field(field) + ": " + e, e);
        }
    }

    private static void write(Field field, Object instance, Object value) {
        try {
            field.setAccessible(true);
            field.set(instance, value);
        } catch (IllegalAccessException e) {
            throw new ExtensionConfigurationException("Cannot set field " + Describe.field(field) + ": " + e, e);
        }
    }
}
