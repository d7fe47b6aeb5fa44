package io.github.flagtest.junit.flags;

import io.github.flagtest.junit.classpath.Library;
import io.github.flagtest.junit.context.Stores;
import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Connects OpenFeature when {@code dev.openfeature:sdk} 1.6 or later is on the class path; without
 * it, nothing here loads an OpenFeature class. An older SDK lacks what the routing provider needs
 * ({@code setProviderAndWait}): OpenFeature support is then off, with one warning, and every other
 * test runs as usual.
 *
 * <p>Internal to flagtest's JUnit extension, public for its other rooms; not API.
 */
public final class OpenFeatureSupport {

    private static final System.Logger LOG = System.getLogger("io.github.flagtest");

    static final String CLIENT_TYPE = "dev.openfeature.sdk.Client";

    static final int[] MIN_SDK = {1, 6};

    private static final boolean AVAILABLE = supported(Library.of("sdk", "dev.openfeature.sdk.OpenFeatureAPI"));

    private OpenFeatureSupport() {}

    /** Installs the routing provider once per engine run; it is removed when the run ends. */
    public static void install(ExtensionContext context) {
        if (AVAILABLE) {
            context.getRoot()
                    .getStore(Stores.NAMESPACE)
                    .getOrComputeIfAbsent(
                            OpenFeatureRouting.class, key -> OpenFeatureRouting.install(), OpenFeatureRouting.class);
        }
    }

    public static boolean isClient(Class<?> type) {
        return AVAILABLE && type.getName().equals(CLIENT_TYPE);
    }

    /** Whether flagtest can drive this OpenFeature SDK; logs once why not when it is present but too old. */
    static boolean supported(Optional<Library> sdk) {
        if (sdk.isEmpty()) {
            return false;
        }
        Optional<String> problem = problem(sdk.get());
        problem.ifPresent(text -> LOG.log(System.Logger.Level.WARNING, text));
        return problem.isEmpty();
    }

    static Optional<String> problem(Library sdk) {
        if (sdk.atLeast(MIN_SDK[0], MIN_SDK[1]) && hasProviderAndWait()) {
            return Optional.empty();
        }
        return Optional.of("flagtest: OpenFeature support is off: " + sdk
                + " is older than 1.6, the oldest OpenFeature SDK flagtest supports. Tests that use OpenFeature"
                + " read the SDK's own provider, and an OpenFeature Client parameter cannot be resolved; other"
                + " tests are not affected. Fix: upgrade dev.openfeature:sdk to 1.6 or later.");
    }

    private static boolean hasProviderAndWait() {
        try {
            Class<?> api = Class.forName(
                    "dev.openfeature.sdk.OpenFeatureAPI", false, OpenFeatureSupport.class.getClassLoader());
            Class<?> provider = Class.forName("dev.openfeature.sdk.FeatureProvider", false, api.getClassLoader());
            api.getMethod("setProviderAndWait", String.class, provider);
            return true;
        } catch (ClassNotFoundException | NoSuchMethodException | LinkageError e) {
            return false;
        }
    }

    /** An OpenFeature client that answers from the flags of the test on the calling thread. */
    public static Object client() {
        return OpenFeatureRouting.client();
    }
}
