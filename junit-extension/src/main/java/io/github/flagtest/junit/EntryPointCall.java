package io.github.flagtest.junit;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * One call to a feature entry point in the current test, as {@link FlagTest#entryPointCalls(String)}
 * reports it and failure messages show it.
 *
 * @param flag the flag of the {@link FeatureEntryPoint} the target is registered for, if it is
 * @param target the mock's name (usually the field name)
 * @param method the method called
 * @param arguments the arguments passed
 * @param site where it was called from, e.g. {@code com.example.OrderService.place(OrderService.java:42)}
 * @param flagOn whether the flag was ON at the time of the call (the state the test set)
 * @param thread the calling thread's name, for entry points declared by type; empty for mocks
 *     (Mockito does not record threads)
 * @param lastRead what the code's most recent read of the flag before the call answered (ON is
 *     {@code true}); empty when the test never read it through flagtest before the call
 * @since 0.1.0
 */
public record EntryPointCall(
        Optional<String> flag,
        String target,
        String method,
        List<Object> arguments,
        String site,
        boolean flagOn,
        Optional<String> thread,
        Optional<Boolean> lastRead) {

    /**
     * A call whose thread is not known (a call on a mock or spy).
     *
     * @param flag the flag guarding the entry point; empty when the object is not registered for one
     * @param target the called object, as messages name it
     * @param method the called method's name
     * @param arguments the call's arguments
     * @param site the call site as {@code File.java:line}
     * @param flagOn whether the flag was ON at the call
     */
    public EntryPointCall(
            Optional<String> flag, String target, String method, List<Object> arguments, String site, boolean flagOn) {
        this(flag, target, method, arguments, site, flagOn, Optional.empty(), Optional.empty());
    }

    /**
     * A call without a read of its flag before it.
     *
     * @param flag the flag guarding the entry point; empty when the object is not registered for one
     * @param target the called object, as messages name it
     * @param method the called method's name
     * @param arguments the call's arguments
     * @param site the call site as {@code File.java:line}
     * @param flagOn whether the flag was ON at the call
     * @param thread the name of the calling thread, if known
     */
    public EntryPointCall(
            Optional<String> flag,
            String target,
            String method,
            List<Object> arguments,
            String site,
            boolean flagOn,
            Optional<String> thread) {
        this(flag, target, method, arguments, site, flagOn, thread, Optional.empty());
    }

    /**
     * Whether the feature was allowed to run: what the code last read of its flag (a cached ON stays
     * ON until the code reads again), or, when it never read it, the state set at the call.
     *
     * @return {@code true} if the call was allowed by its flag
     * @since 0.1.0
     */
    public boolean allowed() {
        return lastRead.orElse(flagOn);
    }

    /**
     * For example {@code loyalty.award("c-1", 120) at ...(OrderService.java:42) while loyalty-points=OFF
     * (the code last read it OFF)}, with {@code in thread "pool-1-thread-1"} before {@code while}
     * when the thread is known.
     */
    @Override
    public String toString() {
        String call = target + "." + method + "("
                + arguments.stream().map(EntryPointCall::format).collect(Collectors.joining(", ")) + ") at " + site
                + thread.map(name -> " in thread \"" + name + "\"").orElse("");
        return flag.map(name -> call + " while " + name + "=" + (flagOn ? "ON" : "OFF")
                        + lastRead.map(read -> " (the code last read it " + (read ? "ON" : "OFF") + ")")
                                .orElse(" (the code never read it through flagtest before this call)"))
                .orElse(call);
    }

    private static String format(Object value) {
        if (value instanceof String text) {
            return "\"" + text + "\"";
        }
        if (value instanceof Object[] array) {
            return "["
                    + java.util.Arrays.stream(array).map(EntryPointCall::format).collect(Collectors.joining(", "))
                    + "]";
        }
        if (value != null && value.getClass().isArray()) {
            List<String> parts = new java.util.ArrayList<>();
            for (int i = 0; i < java.lang.reflect.Array.getLength(value); i++) {
                parts.add(format(java.lang.reflect.Array.get(value, i)));
            }
            return "[" + String.join(", ", parts) + "]";
        }
        return String.valueOf(value);
    }
}
