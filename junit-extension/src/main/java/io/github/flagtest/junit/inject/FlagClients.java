package io.github.flagtest.junit.inject;

import io.github.flagtest.junit.FlagMatrix;
import io.github.flagtest.junit.WithFlag;
import io.github.flagtest.junit.context.Stores;
import io.github.flagtest.junit.current.TestFlags;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;
import org.mockito.Mockito;
import org.opentest4j.AssertionFailedError;

/**
 * The {@code @FlagClient} mocks of one test, and the after-test check that a test which pins flags
 * reached one of them: a mock never called while the test read no flag means the code under test
 * holds another instance (usually a framework's bean), so the pins changed nothing.
 *
 * <p>Internal to flagtest's JUnit extension, public for its other rooms; not API.
 */
public final class FlagClients {

    private record Client(String where, Supplier<Object> mock) {}

    private final List<Client> clients = new CopyOnWriteArrayList<>();

    private FlagClients() {}

    static void add(ExtensionContext context, String where, Supplier<Object> mock) {
        context.getStore(Stores.NAMESPACE)
                .getOrComputeIfAbsent(FlagClients.class, key -> new FlagClients(), FlagClients.class)
                .clients
                .add(new Client(where, mock));
    }

    /**
     * The failure of a test that passed, pins flags, read none and never called its flag clients;
     * empty otherwise. Forgets the test's clients.
     */
    public static Optional<AssertionFailedError> unused(ExtensionContext context, TestFlags test) {
        FlagClients registered = context.getStore(Stores.NAMESPACE).remove(FlagClients.class, FlagClients.class);
        if (registered == null
                || registered.clients.isEmpty()
                || context.getExecutionException().isPresent()
                || !pinsFlags(context, test)
                || !test.flags().evaluations().isEmpty()
                || !test.flags().serves().isEmpty()) {
            return Optional.empty();
        }
        for (Client client : registered.clients) {
            Object mock = client.mock().get();
            if (mock == null || !Mockito.mockingDetails(mock).getInvocations().isEmpty()) {
                return Optional.empty();
            }
        }
        Client first = registered.clients.get(0);
        String type = Mockito.mockingDetails(first.mock().get())
                .getMockCreationSettings()
                .getTypeToMock()
                .getSimpleName();
        return Optional.of(new AssertionFailedError(first.where()
                + ": the test pins flags (" + test.initial() + ") but read no flag, and this " + type
                + " mock was never called, so the code under test holds another " + type
                + " instance (a framework's bean?) and the pins changed nothing. Hand the code under test this mock: "
                + "pass it in, or put it in the framework's context with @MockitoBean @FlagClient (Spring), "
                + "@FlagClientBean (flagtest-spring), @InjectMock @FlagClient (Quarkus) or @MockBean @FlagClient "
                + "(Micronaut)"));
    }

    private static boolean pinsFlags(ExtensionContext context, TestFlags test) {
        if (!test.matrixRuns().isEmpty()) {
            return true;
        }
        boolean onMethod = context.getTestMethod()
                .map(method -> !AnnotationSupport.findRepeatableAnnotations(method, WithFlag.class)
                                .isEmpty()
                        || AnnotationSupport.isAnnotated(method, FlagMatrix.class))
                .orElse(false);
        return onMethod
                || context.getRequiredTestInstances().getAllInstances().stream()
                        .anyMatch(instance -> !AnnotationSupport.findRepeatableAnnotations(
                                        instance.getClass(), WithFlag.class)
                                .isEmpty());
    }
}
