package io.github.flagtest.e2e.harness;

import io.github.flagtest.e2e.DeployedFunction;
import io.github.flagtest.e2e.FlagLocation;
import io.github.flagtest.e2e.FlagStore;
import io.github.flagtest.e2e.InvocationResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.opentest4j.AssertionFailedError;

/** The {@link DeployedFunction} of one E2E class. */
final class DeployedLambda implements DeployedFunction {

    private final String name;
    private final Deployer deployer;
    private final FlagStores.StoreBase store;
    private final FlagLocation location;
    private final String backend;
    private final Summary summary;
    /** How often the function polls its flags, where known (AppConfig extension, embedded AppConfig Data). */
    private final java.util.function.Supplier<java.util.Optional<Duration>> pollInterval;

    private final List<String> logs = new ArrayList<>(); // guarded by itself
    private volatile boolean atBaseline = true;
    private volatile boolean invoked;
    private volatile String startFailure; // why the function could not start at the baseline; null if it did

    DeployedLambda(
            String name,
            Deployer deployer,
            FlagStores.StoreBase store,
            FlagLocation location,
            String backend,
            Summary summary,
            java.util.function.Supplier<java.util.Optional<Duration>> pollInterval) {
        this.pollInterval = pollInterval;
        this.name = name;
        this.deployer = deployer;
        this.store = store;
        this.location = location;
        this.backend = backend;
        this.summary = summary;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public InvocationResult invoke(Object event) {
        Result result = deployer.invoke(name, Events.toJson(event));
        boolean first = !invoked;
        invoked = true;
        if (!result.logTail().isEmpty()) {
            synchronized (logs) {
                logs.addAll(Arrays.asList(result.logTail().split("\n")));
            }
        }
        if (atBaseline) {
            Optional<String> initError = StartFailures.initError(result, first);
            if (initError.isPresent()) {
                startFailure =
                        name + " failed to start at the baseline (" + initError.get() + "); fix its start-up first";
                throw new AssertionFailedError("flagtest e2e: " + name + " failed to start at the baseline, so no"
                        + " flag run of this class can tell anything: " + initError.get() + "\nits log:\n"
                        + result.logTail());
            }
        }
        return result;
    }

    /** Whether the coming invocations run with the class's first (baseline) flag state. */
    void atBaseline(boolean baseline) {
        atBaseline = baseline;
    }

    /** Why the function could not start at the baseline, if it could not. */
    Optional<String> startFailure() {
        return Optional.ofNullable(startFailure);
    }

    @Override
    public InvocationResult invoke(String json) {
        return invoke((Object) json);
    }

    @Override
    public FlagStore flags() {
        return store;
    }

    @Override
    public FlagLocation flagLocation() {
        return location;
    }

    @Override
    public String backend() {
        return backend;
    }

    @Override
    public List<String> logs() {
        synchronized (logs) {
            return List.copyOf(logs);
        }
    }

    @Override
    public InvocationResult invokeUntil(Object event, Predicate<InvocationResult> until, Duration timeout) {
        long changedAt = store.changedAtNanos();
        long deadline = System.nanoTime() + timeout.toNanos();
        Backoff backoff = new Backoff();
        int invocations = 0;
        InvocationResult last;
        while (true) {
            last = invoke(event);
            invocations++;
            if (until.test(last)) {
                long millis = Duration.ofNanos(System.nanoTime() - changedAt).toMillis();
                Summary.Drill drill = new Summary.Drill(name, millis, invocations, pollInterval.get());
                summary.drill(drill);
                System.out.println("flagtest kill-switch drill: " + drill.describe());
                return last;
            }
            long left = deadline - System.nanoTime();
            if (left <= 0 || !backoff.pause(Duration.ofNanos(left))) {
                break;
            }
        }
        throw new AssertionFailedError("Kill-switch drill: " + name + " did not show the new flag state "
                + store.current() + " within " + timeout + " (" + invocations
                + (invocations == 1 ? " invocation" : " invocations") + "); last payload: "
                + Backoff.shorten(last.payload()) + "\nits log:\n" + last.logTail());
    }
}
