package io.github.flagtest.junit.flags;

import io.github.flagtest.core.Evaluation;
import io.github.flagtest.core.FakeFlags;
import io.github.flagtest.core.Names;
import io.github.flagtest.core.Serve;
import io.github.flagtest.junit.WithFlag;
import io.github.flagtest.junit.context.Describe;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;
import org.opentest4j.AssertionFailedError;

/**
 * The check after each test for a typo between a pin and the code: a flag pinned by {@link
 * WithFlag} that the code never read, while it read an undeclared flag of a close name (a letter
 * more or less, other case, {@code -} for {@code _}). The test would be green for the wrong reason:
 * the code read its flag OFF whatever the pin said. A pinned flag the code had no need to read
 * ({@code a && b} with {@code a} OFF) is not a typo and passes.
 *
 * <p>Internal to flagtest's JUnit extension, public for its other rooms; not API.
 */
public final class MistypedPins {

    private MistypedPins() {}

    /** The failure of a test whose pin and read differ by a typo, if they do. */
    public static Optional<Throwable> check(ExtensionContext context, FakeFlags flags) {
        Set<String> undeclared = flags.undeclaredReads();
        if (undeclared.isEmpty()) {
            return Optional.empty();
        }
        Set<String> read = new LinkedHashSet<>();
        flags.evaluations().stream().map(Evaluation::flag).forEach(read::add);
        flags.serves().stream().map(Serve::flags).forEach(read::addAll);
        Map<String, String> typos = new LinkedHashMap<>();
        for (String pinned : pinned(context)) {
            if (read.contains(pinned)) {
                continue;
            }
            undeclared.stream()
                    .filter(name -> close(pinned, name))
                    .findFirst()
                    .ifPresent(name -> typos.put(pinned, name));
        }
        if (typos.isEmpty()) {
            return Optional.empty();
        }
        List<String> parts = new ArrayList<>();
        typos.forEach((pinned, name) -> parts.add("pinned '" + pinned + "' was never read; the code read '" + name
                + "', which no @WithFlag declares, so it answered OFF"));
        return Optional.of(new AssertionFailedError(Describe.test(context) + ": " + String.join("; ", parts)
                + ". Fix the name in @WithFlag or in the code so that both name the same flag"));
    }

    private static Set<String> pinned(ExtensionContext context) {
        Set<String> pinned = new LinkedHashSet<>();
        for (FlagResolver.Level level : FlagResolver.levels(context)) {
            AnnotationSupport.findRepeatableAnnotations(level.element(), WithFlag.class)
                    .forEach(pin -> pinned.add(pin.name()));
        }
        return pinned;
    }

    /**
     * Names a typo apart: equal but for case and {@code -}/{@code _}, or one edit apart (two for
     * names of ten characters or more); names shorter than five characters only by case and separator.
     */
    static boolean close(String a, String b) {
        String x = normal(a);
        String y = normal(b);
        int shorter = Math.min(x.length(), y.length());
        int edits = shorter >= 10 ? 2 : shorter >= 5 ? 1 : 0;
        return x.equals(y) || Names.distance(x, y) <= edits;
    }

    private static String normal(String name) {
        return name.toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
