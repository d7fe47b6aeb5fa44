package io.github.flagtest.core;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The fake flag provider of one test: answers reads from a {@link FlagState}, records every read as
 * an {@link Evaluation}, and lets the test flip flags mid-test (a kill-switch test). Thread-safe.
 *
 * <p>A flag the state does not declare is <em>undeclared</em>: {@link #isEnabled(String)} answers
 * OFF, the production-safe default, {@link #value(String, Class, Object)} the caller's fallback,
 * and the name is listed by {@link #undeclaredReads()}.
 *
 * <pre>{@code
 * FakeFlags flags = new FakeFlags(FlagState.of(Map.of("loyalty-points", true)));
 * handler.handle(order, flags);
 * flags.disable("loyalty-points"); // kill switch
 * }</pre>
 *
 * @since 0.1.0
 */
public final class FakeFlags implements FlagReader {

    private final Object lock = new Object();
    private final CallSites callSites;
    private final List<Consumer<FlagState>> listeners = new CopyOnWriteArrayList<>();
    private final List<Consumer<Evaluation>> readListeners = new CopyOnWriteArrayList<>();
    private final List<Evaluation> evaluations = new ArrayList<>(); // guarded by lock
    private final List<Serve> serves = new ArrayList<>(); // guarded by lock
    private final Set<String> undeclared = new LinkedHashSet<>(); // guarded by lock
    private Instant lastTime = Instant.EPOCH; // guarded by lock
    private volatile FlagState state;

    /**
     * A fake that answers from {@code initial}.
     *
     * @param initial the state the fake starts with
     */
    public FakeFlags(FlagState initial) {
        this(initial, List.of());
    }

    /**
     * A fake that answers from {@code initial} and also skips frames of classes whose names start
     * with one of {@code callSiteSkipPrefixes} (a team's own flag wrapper) when it records call sites.
     *
     * @param initial the state the fake starts with
     * @param callSiteSkipPrefixes class name prefixes whose frames are never a call site
     */
    public FakeFlags(FlagState initial, Collection<String> callSiteSkipPrefixes) {
        this.state = Objects.requireNonNull(initial, "initial");
        this.callSites = new CallSites(List.copyOf(callSiteSkipPrefixes));
    }

    @Override
    public boolean isEnabled(String flag) {
        return isEnabled(flag, Map.of());
    }

    /**
     * Whether {@code flag} is ON; {@code context} (for example a user id) is recorded with the read.
     *
     * @param flag the flag name
     * @param context the evaluation context
     * @return whether the flag is ON
     */
    public boolean isEnabled(String flag, Map<String, ?> context) {
        Objects.requireNonNull(flag, "flag");
        Objects.requireNonNull(context, "context");
        FlagState current = state;
        Answer answer = Answer.of(flag, current.value(flag).orElse(Boolean.FALSE), context);
        boolean on = FlagState.isOnValue(answer.value());
        record(flag, on, answer.variant(), context, current.declares(flag));
        return on;
    }

    /**
     * The value of {@code flag} as {@code type}: Boolean (ON/OFF), String (the variant, or
     * "true"/"false"), a Number type parsed from the variant, or Object (the raw value). An
     * undeclared flag answers {@code fallback}.
     *
     * @param <T> the value's type
     * @param flag the flag name
     * @param type the type to answer as
     * @param fallback the answer for an undeclared flag
     * @return the flag's value as {@code type}, or {@code fallback}
     * @throws FlagTestException if the flag's value cannot be given as {@code type}
     */
    public <T> T value(String flag, Class<T> type, T fallback) {
        return value(flag, type, fallback, Map.of());
    }

    /**
     * As {@link #value(String, Class, Object)}, with an evaluation context that is recorded.
     *
     * @param <T> the value's type
     * @param flag the flag name
     * @param type the type to answer as
     * @param fallback the answer for an undeclared flag
     * @param context the evaluation context
     * @return the flag's value as {@code type}, or {@code fallback}
     */
    public <T> T value(String flag, Class<T> type, T fallback, Map<String, ?> context) {
        return read(flag, type, fallback, context).value();
    }

    /**
     * One recorded read, with what it was served: the value, and for a multi-variant flag the
     * variant and whether a rule chose it (one evaluation of the rules, for the OpenFeature provider).
     */
    <T> Read<T> read(String flag, Class<T> type, T fallback, Map<String, ?> context) {
        Objects.requireNonNull(flag, "flag");
        Objects.requireNonNull(type, "type");
        FlagState current = state;
        boolean declared = current.declares(flag);
        if (!declared) {
            record(flag, fallback, null, context, false);
            return new Read<>(fallback, false, null, false, false);
        }
        Object value = current.value(flag).orElseThrow();
        Answer answer = Answer.of(flag, value, context);
        T converted = FlagValues.convert(flag, answer.value(), type);
        record(flag, converted, answer.variant(), context, true);
        boolean targeted = value instanceof Variants;
        boolean matched = value instanceof Variants variants
                && !answer.variant().equals(variants.defaultVariant().name());
        return new Read<>(converted, true, answer.variant(), targeted, matched);
    }

    /**
     * What one read was served; {@code variant} is null for an on/off flag, {@code targeted} tells a
     * multi-variant flag (rules evaluated) from a pinned value.
     */
    record Read<T>(T value, boolean declared, String variant, boolean targeted, boolean ruleMatched) {}

    /**
     * The attribute values {@code flag} is served, as AppConfig serves them: an ON flag's (or the
     * served variant's) attribute values, none for an OFF or undeclared flag. Recorded as a read of
     * the flag.
     *
     * <pre>{@code
     * int max = (Integer) flags.attributes("checkout").getOrDefault("maxItems", 10);
     * }</pre>
     *
     * @param flag the flag name
     * @return the attribute values by name; empty when none
     * @since 0.1.0
     */
    public Map<String, Object> attributes(String flag) {
        return attributes(flag, Map.of());
    }

    /**
     * As {@link #attributes(String)}, with an evaluation context that is recorded and picks the variant.
     *
     * @param flag the flag name
     * @param context the evaluation context
     * @return the attribute values by name; empty when none
     */
    public Map<String, Object> attributes(String flag, Map<String, ?> context) {
        Objects.requireNonNull(flag, "flag");
        Objects.requireNonNull(context, "context");
        FlagState current = state;
        if (!current.declares(flag)) {
            record(flag, Boolean.FALSE, null, context, false);
            return Map.of();
        }
        Object value = current.value(flag).orElseThrow();
        Answer answer = Answer.of(flag, value, context);
        record(flag, answer.value(), answer.variant(), context, true);
        if (!FlagState.isOnValue(answer.value())) {
            return Map.of(); // AppConfig serves a disabled flag without its attribute values
        }
        if (value instanceof Variants variants) {
            return variants.variant(answer.variant()).orElseThrow().attributes();
        }
        return current.attributes(flag);
    }

    /**
     * One attribute value of {@code flag} as {@code type} (String, Boolean, a Number type, List or
     * Object), or {@code fallback} when the flag is OFF, undeclared or lacks the attribute. Recorded
     * as a read of the flag.
     *
     * <pre>{@code
     * int maxItems = flags.attribute("checkout", "maxItems", Integer.class, 10);
     * }</pre>
     *
     * @param <T> the attribute value's type
     * @param flag the flag name
     * @param name the attribute name
     * @param type the type to answer as
     * @param fallback the answer when the flag does not serve the attribute
     * @return the attribute value as {@code type}, or {@code fallback}
     * @throws FlagTestException if the value cannot be given as {@code type}
     * @since 0.1.0
     */
    public <T> T attribute(String flag, String name, Class<T> type, T fallback) {
        return attribute(flag, name, type, fallback, Map.of());
    }

    /**
     * As {@link #attribute(String, String, Class, Object)}, with an evaluation context.
     *
     * @param <T> the attribute value's type
     * @param flag the flag name
     * @param name the attribute name
     * @param type the type to answer as
     * @param fallback the answer when the flag does not serve the attribute
     * @param context the evaluation context
     * @return the attribute value as {@code type}, or {@code fallback}
     */
    public <T> T attribute(String flag, String name, Class<T> type, T fallback, Map<String, ?> context) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Object value = attributes(flag, context).get(name);
        return value == null ? fallback : FlagValues.attribute(flag, name, value, type);
    }

    /**
     * Sets attribute {@code name} of {@code flag} to {@code value} from now on (a String, Number,
     * Boolean or List of them); the flag must be declared and not multi-variant.
     *
     * @param flag the flag name
     * @param name the attribute name
     * @param value the new value
     * @since 0.1.0
     */
    public void setAttribute(String flag, String name, Object value) {
        change(current -> current.withAttribute(flag, name, value));
    }

    /**
     * Turns {@code flag} ON from now on.
     *
     * @param flag the flag name
     */
    public void enable(String flag) {
        set(flag, true);
    }

    /**
     * Turns {@code flag} OFF from now on.
     *
     * @param flag the flag name
     */
    public void disable(String flag) {
        set(flag, false);
    }

    /**
     * Sets {@code flag} to {@code value} (Boolean or variant String) from now on.
     *
     * @param flag the flag name
     * @param value {@code Boolean} for ON/OFF, a {@code String} for a variant
     */
    public void set(String flag, Object value) {
        change(current -> current.with(flag, value));
    }

    private void change(java.util.function.UnaryOperator<FlagState> change) {
        FlagState next;
        synchronized (lock) {
            next = change.apply(state);
            state = next;
        }
        for (Consumer<FlagState> listener : listeners) {
            listener.accept(next);
        }
    }

    /**
     * The current state, after any flips.
     *
     * @return the current state
     */
    public FlagState state() {
        return state;
    }

    /**
     * Every read so far, in read order.
     *
     * @return the reads, unmodifiable
     */
    public List<Evaluation> evaluations() {
        synchronized (lock) {
            return List.copyOf(evaluations);
        }
    }

    /**
     * The reads of {@code flag} so far, in read order.
     *
     * @param flag the flag name
     * @return the reads of {@code flag}, unmodifiable
     */
    public List<Evaluation> evaluations(String flag) {
        synchronized (lock) {
            return evaluations.stream().filter(e -> e.flag().equals(flag)).toList();
        }
    }

    /**
     * Names read while the state did not declare them, in first-read order.
     *
     * @return the undeclared names read
     */
    public Set<String> undeclaredReads() {
        synchronized (lock) {
            return Collections.unmodifiableSet(new LinkedHashSet<>(undeclared));
        }
    }

    /**
     * Calls {@code listener} with the new state after each {@code enable}, {@code disable} or
     * {@code set}, on the thread that changed it.
     *
     * @param listener called with each new state
     */
    public void onChange(Consumer<FlagState> listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /**
     * Calls {@code listener} with each read right after it is recorded, on the reading thread: how
     * flagtest judges an entry-point call by what the code last read.
     *
     * @param listener called with each recorded read
     * @since 0.1.0
     */
    public void onRead(Consumer<Evaluation> listener) {
        readListeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /**
     * The whole documents served over HTTP so far, in serve order. They are not reads: {@link
     * #evaluations()} holds only reads flagtest can attribute to a flag.
     *
     * @return the documents served, unmodifiable
     * @since 0.1.0
     */
    public List<Serve> serves() {
        synchronized (lock) {
            return List.copyOf(serves);
        }
    }

    /**
     * Records what {@link AppConfigEndpoint} served: a document asked for by flag name ({@code
     * byName}: the agent path's {@code ?flag=}) as one read of each named flag, a whole document as
     * a {@link Serve}.
     * The call site names the operation and the profile, e.g. {@code appconfig:orders/dev/flags}.
     */
    void recordServed(FlagState served, String operation, boolean byName, Map<String, String> context, String profile) {
        if (!byName) {
            synchronized (lock) {
                serves.add(new Serve(profile, operation, served.flags(), now()));
            }
            return;
        }
        StackTraceElement site = new StackTraceElement(AppConfigEndpoint.class.getName(), operation, profile, -1);
        served.asMap().forEach((flag, value) -> {
            Answer answer = Answer.of(flag, value, context);
            append(flag, answer.value(), answer.variant(), context, site, state.declares(flag));
        });
    }

    /** What a read gets: the value (Variants resolved for the context) and the variant served, if any. */
    private record Answer(Object value, String variant) {
        static Answer of(String flag, Object declared, Map<String, ?> context) {
            if (declared instanceof Variants variants) {
                Variants.Variant served = variants.variantFor(context, flag);
                return new Answer(Variants.valueOf(served), served.name());
            }
            return new Answer(declared, declared instanceof String pinned ? pinned : null);
        }
    }

    private void record(String flag, Object value, String variant, Map<String, ?> context, boolean declared) {
        StackTraceElement site = callSites.find();
        append(flag, value, variant, context, site, declared);
    }

    private void append(
            String flag,
            Object value,
            String variant,
            Map<String, ?> context,
            StackTraceElement site,
            boolean declared) {
        Map<String, ?> contextCopy =
                context.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(context));
        String thread = Thread.currentThread().getName();
        Evaluation evaluation;
        synchronized (lock) {
            evaluation = new Evaluation(flag, value, contextCopy, site, thread, now(), variant);
            evaluations.add(evaluation);
            if (!declared) {
                undeclared.add(flag);
            }
        }
        for (Consumer<Evaluation> listener : readListeners) {
            listener.accept(evaluation);
        }
    }

    /** The time of a new record, never earlier than the previous one; call with the lock held. */
    private Instant now() {
        Instant now = Instant.now();
        if (now.isBefore(lastTime)) {
            now = lastTime;
        }
        lastTime = now;
        return now;
    }

    @Override
    public String toString() {
        return "FakeFlags" + state;
    }
}
