package io.github.flagtest.junit.entrypoint;

import io.github.flagtest.core.FlagCatalog;
import io.github.flagtest.junit.FeatureEntryPoint;
import io.github.flagtest.junit.context.Describe;
import io.github.flagtest.junit.context.FlagDocuments;
import io.github.flagtest.junit.context.RunCache;
import io.github.flagtest.junit.context.Settings;
import io.github.flagtest.junit.current.EntryPoint;
import io.github.flagtest.junit.current.TestFlags;
import io.github.flagtest.junit.instrument.CallHook;
import io.github.flagtest.junit.instrument.Instrumenter;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;
import org.mockito.Mockito;

/**
 * Registers the {@link FeatureEntryPoint}s declared with a {@code type} on the test classes and the
 * test method: checks them once per run, instruments each type once per JVM and listens to its
 * calls for the duration of the test.
 *
 * <p>Internal to flagtest's JUnit extension, public for its other rooms; not API.
 */
public final class TypeEntryPoints {

    private TypeEntryPoints() {}

    public static void register(ExtensionContext context, TestFlags test) {
        List<Declared> declared = new ArrayList<>();
        for (Object instance : context.getRequiredTestInstances().getAllInstances()) {
            declared.addAll(declaredOn(context, instance.getClass(), "class " + Describe.type(instance.getClass())));
        }
        context.getTestMethod()
                .ifPresent(method -> declared.addAll(declaredOn(context, method, "method " + Describe.method(method))));
        for (Declared entry : declared) {
            refuseFieldOfSameType(entry, test);
            TypeEntryPoint entryPoint = new TypeEntryPoint(
                    entry.annotation(),
                    entry.declaredAt(),
                    test,
                    Settings.of(context).callSiteSkip());
            AutoCloseable listening = CallHook.register(entryPoint);
            test.onClose(() -> close(listening));
            test.entryPoints().add(entryPoint);
        }
    }

    private record Declared(FeatureEntryPoint annotation, String declaredAt) {}

    private record Key(AnnotatedElement element) {}

    private record Checked(List<Declared> entries) {}

    private static List<Declared> declaredOn(ExtensionContext context, AnnotatedElement element, String where) {
        return RunCache.get(
                        context,
                        new Key(element),
                        Checked.class,
                        () -> check(element, where, Settings.of(context).catalog()))
                .entries();
    }

    private static Checked check(AnnotatedElement element, String where, Optional<FlagCatalog> catalog) {
        List<Declared> entries = new ArrayList<>();
        for (FeatureEntryPoint annotation :
                AnnotationSupport.findRepeatableAnnotations(element, FeatureEntryPoint.class)) {
            FlagDocuments.checkName(annotation.value(), "@FeatureEntryPoint", where, catalog);
            Class<?> type = annotation.type();
            String described = "@FeatureEntryPoint(\"" + annotation.value() + "\") on " + where;
            if (type == void.class) {
                throw new ExtensionConfigurationException(described + ": on a test class or method, name the "
                        + "entry point's type, e.g. @FeatureEntryPoint(value = \"" + annotation.value()
                        + "\", type = LoyaltyLedger.class); or put the annotation on a field or parameter");
            }
            String declaredAt = where + ", type " + type.getSimpleName();
            checkMethods(annotation, type, described);
            try {
                Instrumenter.watch(type);
            } catch (IllegalArgumentException | IllegalStateException e) {
                throw new ExtensionConfigurationException(described + ": " + e.getMessage(), e);
            }
            entries.add(new Declared(annotation, declaredAt));
        }
        return new Checked(List.copyOf(entries));
    }

    /** Every name in {@code methods} must be a non-private, non-native method of the type or its supertypes. */
    private static void checkMethods(FeatureEntryPoint annotation, Class<?> type, String where) {
        Set<String> names = new LinkedHashSet<>();
        Set<String> nativeOnly = new LinkedHashSet<>();
        Set<String> withBody = new LinkedHashSet<>();
        for (Method method : methods(type)) {
            names.add(method.getName());
            if (Modifier.isNative(method.getModifiers())) {
                nativeOnly.add(method.getName());
            } else {
                withBody.add(method.getName());
            }
        }
        nativeOnly.removeAll(withBody);
        for (String method : annotation.methods()) {
            if (!names.contains(method)) {
                throw new ExtensionConfigurationException(where + ": methods names '" + method + "', but "
                        + type.getSimpleName() + " has no non-private method of that name; use one of "
                        + names.stream().sorted().toList());
            }
            if (nativeOnly.contains(method)) {
                throw new ExtensionConfigurationException(where + ": " + type.getSimpleName() + "." + method
                        + " is native, so flagtest cannot instrument it; name the Java method that calls it");
            }
        }
    }

    private static List<Method> methods(Class<?> type) {
        List<Method> methods = new ArrayList<>(List.of(type.getMethods()));
        for (Class<?> at = type; at != null && at != Object.class; at = at.getSuperclass()) {
            for (Method method : at.getDeclaredMethods()) {
                if (!Modifier.isPrivate(method.getModifiers())) {
                    methods.add(method);
                }
            }
        }
        methods.removeIf(method -> method.getDeclaringClass() == Object.class || method.isSynthetic());
        return methods;
    }

    /**
     * Field and type entry points on one type would see each call twice. A mock of a supertype (the
     * interface the type implements) is another object, so it may sit beside the type.
     */
    private static void refuseFieldOfSameType(Declared entry, TestFlags test) {
        Class<?> type = entry.annotation().type();
        for (EntryPoint other : test.entryPoints()) {
            if (other instanceof MockEntryPoint mocked) {
                Optional<Class<?>> mockedType = Optional.ofNullable(
                                mocked.target().get())
                        .map(target -> Mockito.mockingDetails(target)
                                .getMockCreationSettings()
                                .getTypeToMock());
                // a mock or spy of the type (or a subtype) is an instance of it: its calls would count twice
                if (mockedType.filter(type::isAssignableFrom).isPresent()) {
                    throw new ExtensionConfigurationException(
                            "@FeatureEntryPoint(\"" + entry.annotation().value()
                                    + "\") on " + entry.declaredAt() + ": " + type.getSimpleName()
                                    + " is also the type of the entry point " + mocked.describe()
                                    + "; keep one of them (the field for a mock you pass in, the type for objects the "
                                    + "code builds itself)");
                }
            }
        }
    }

    private static void close(AutoCloseable listening) {
        try {
            listening.close();
        } catch (Exception e) {
            throw new IllegalStateException(e); // CallHook's handle throws nothing
        }
    }
}
