package io.github.flagtest.junit;

import io.github.flagtest.core.FlagCatalog;
import io.github.flagtest.core.FlagState;
import io.github.flagtest.core.Variants;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Works out the flag state of one test. Precedence, strongest first: matrix assignments, the
 * method's {@link WithFlag}s, the innermost class's outwards, the profile, the catalog, OFF.
 */
final class FlagResolver {

    private FlagResolver() {}

    static FlagState resolve(ExtensionContext context, Settings settings, List<MatrixRun> matrixRuns) {
        FlagState state = settings.catalog().map(FlagCatalog::defaults).orElse(FlagState.empty());
        if (settings.profile().isPresent()) {
            state = state.withAll(settings.profile().get().defaults());
        }
        FlagState documents = state;
        Map<String, Level> pinnedWhere = new LinkedHashMap<>();
        for (Level level : levels(context)) {
            FlagState pins = cachedPins(context, level, settings.catalog());
            if (!matrixRuns.isEmpty()) {
                pins.flags().forEach(flag -> pinnedWhere.put(flag, level));
            }
            state = state.withAll(pins);
        }
        Map<String, String> matrixWhere = new LinkedHashMap<>();
        for (MatrixRun run : matrixRuns) {
            for (String flag : run.assignment().flags()) {
                if (pinnedWhere.containsKey(flag)) {
                    throw new ExtensionConfigurationException("@FlagMatrix on " + run.where() + ": flag '" + flag
                            + "' is also pinned by @WithFlag on "
                            + pinnedWhere.get(flag).name()
                            + "; remove it from the matrix or remove the @WithFlag");
                }
                String other = matrixWhere.put(flag, run.where());
                if (other != null) {
                    throw new ExtensionConfigurationException("@FlagMatrix on " + run.where() + ": flag '" + flag
                            + "' is also listed by the @FlagMatrix on " + other + "; list it in one matrix only");
                }
            }
            state = state.withAll(run.assignment());
        }
        FlagState resolved = pinVariants(state, documents);
        checkAttributes(context, settings, resolved);
        return resolved;
    }

    /** Pinned attribute values must meet the constraints the catalog or profile declares for them. */
    private static void checkAttributes(ExtensionContext context, Settings settings, FlagState state) {
        List<String> pinned = new ArrayList<>();
        for (Level level : levels(context)) {
            for (WithFlag pin : AnnotationSupport.findRepeatableAnnotations(level.element(), WithFlag.class)) {
                if (pin.attributes().length > 0) {
                    pinned.add(AttributePins.describe(pin) + " on " + level.name());
                }
            }
        }
        if (pinned.isEmpty()) {
            return;
        }
        for (FlagCatalog document : documents(settings)) {
            List<String> problems = document.problems(state);
            if (!problems.isEmpty()) {
                throw new ExtensionConfigurationException(String.join(", ", pinned) + ": " + String.join("; ", problems)
                        + " (constraints declared in " + document.source() + "); pin a value the constraints allow");
            }
        }
    }

    private static List<FlagCatalog> documents(Settings settings) {
        List<FlagCatalog> documents = new ArrayList<>();
        settings.catalog().ifPresent(documents::add);
        settings.profile().ifPresent(documents::add);
        return documents;
    }

    /**
     * A variant pinned by name (a {@code @WithFlag} value or a matrix entry) of a flag the documents
     * give {@code _variants}: that variant for every read, with its own {@code enabled} state.
     */
    private static FlagState pinVariants(FlagState state, FlagState documents) {
        FlagState pinned = state;
        for (String flag : state.flags()) {
            Object value = state.value(flag).orElseThrow();
            Object declared = documents.value(flag).orElse(null);
            if (value instanceof String name
                    && declared instanceof Variants variants
                    && variants.variant(name).isPresent()) {
                pinned = pinned.with(flag, AttributePins.onVariant(variants.pinned(name), state.attributes(flag)));
            }
        }
        return pinned;
    }

    /**
     * {@link #pins} of a level, worked out once per run: a class's pins are the same for each of its
     * tests, and annotation lookup is the larger part of resolving a test's flags.
     */
    private static FlagState cachedPins(ExtensionContext context, Level level, Optional<FlagCatalog> catalog) {
        return RunCache.get(context, new PinsKey(level.element()), FlagState.class, () -> pins(level, catalog));
    }

    /** The method's and each class's own pins; checks each level for contradictions and names. */
    static FlagState pins(Level level, Optional<FlagCatalog> catalog) {
        Map<String, Object> values = new LinkedHashMap<>();
        List<WithFlag> withAttributes = new ArrayList<>();
        for (WithFlag pin : AnnotationSupport.findRepeatableAnnotations(level.element(), WithFlag.class)) {
            Object value = valueOf(pin, level);
            checkName(pin.name(), "@WithFlag", level.name(), catalog);
            Object previous = values.putIfAbsent(pin.name(), value);
            if (previous != null && !previous.equals(value)) {
                throw new ExtensionConfigurationException("@WithFlag on " + level.name() + ": flag '" + pin.name()
                        + "' is pinned twice with different values (" + FlagState.describe(previous) + " and "
                        + FlagState.describe(value) + "); keep one of them");
            }
            if (pin.attributes().length > 0) {
                withAttributes.add(pin);
            }
        }
        FlagState pins = FlagState.of(values);
        for (WithFlag pin : withAttributes) {
            pins = AttributePins.apply(pins, pin, level.name(), catalog);
        }
        return pins;
    }

    static void checkName(String flag, String annotation, String where, Optional<FlagCatalog> catalog) {
        if (flag.isBlank()) {
            throw new ExtensionConfigurationException(
                    annotation + " on " + where + ": the flag name is blank; name the flag");
        }
        if (catalog.isPresent() && catalog.get().get(flag).isEmpty()) {
            FlagCatalog known = catalog.get();
            String hint = known.closestName(flag)
                    .map(name -> "did you mean '" + name + "'? ")
                    .orElse("");
            throw new ExtensionConfigurationException(annotation + " on " + where + ": flag '" + flag
                    + "' is not in the catalog " + known.source() + "; " + hint
                    + "fix the name or add the flag to the catalog");
        }
    }

    private static Object valueOf(WithFlag pin, Level level) {
        if (pin.value().isEmpty()) {
            return pin.enabled();
        }
        if (!pin.enabled()) {
            throw new ExtensionConfigurationException(
                    "@WithFlag(name = \"" + pin.name() + "\", value = \"" + pin.value()
                            + "\", enabled = false) on " + level.name()
                            + ": a variant is always ON; drop enabled = false, or drop value to pin the flag OFF");
        }
        return pin.value();
    }

    /** The classes from the outermost enclosing one inwards, then the method (if any). */
    static List<Level> levels(ExtensionContext context) {
        List<Level> levels = new ArrayList<>();
        for (Class<?> type = context.getRequiredTestClass(); type != null; type = enclosing(type)) {
            levels.add(0, new Level(type));
        }
        context.getTestMethod().ifPresent(method -> levels.add(new Level(method)));
        return levels;
    }

    private static Class<?> enclosing(Class<?> type) {
        return Modifier.isStatic(type.getModifiers()) ? null : type.getEnclosingClass();
    }

    /** One place where flags can be pinned: a class or a method. */
    record Level(AnnotatedElement element) {

        /** {@code OrderTest} or {@code OrderTest.places()}, for messages. */
        String name() {
            return element instanceof Class<?> type ? Describe.type(type) : Describe.method((Method) element);
        }
    }

    /** The store key of a level's pins. */
    private record PinsKey(AnnotatedElement element) {}
}
