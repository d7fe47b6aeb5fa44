package io.github.flagtest.junit;

import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Connects OpenFeature when {@code dev.openfeature:sdk} is on the class path; without it, nothing
 * here loads an OpenFeature class.
 */
final class OpenFeatureSupport {

    static final String CLIENT_TYPE = "dev.openfeature.sdk.Client";

    private static final boolean AVAILABLE = isPresent("dev.openfeature.sdk.OpenFeatureAPI");

    private OpenFeatureSupport() {}

    /** Installs the routing provider once per engine run; it is removed when the run ends. */
    static void install(ExtensionContext context) {
        if (AVAILABLE) {
            context.getRoot()
                    .getStore(FlagExtension.NAMESPACE)
                    .getOrComputeIfAbsent(
                            OpenFeatureRouting.class, key -> OpenFeatureRouting.install(), OpenFeatureRouting.class);
        }
    }

    static boolean isClient(Class<?> type) {
        return AVAILABLE && type.getName().equals(CLIENT_TYPE);
    }

    /** An OpenFeature client that answers from the flags of the test on the calling thread. */
    static Object client() {
        return OpenFeatureRouting.client();
    }

    private static boolean isPresent(String className) {
        try {
            Class.forName(className, false, OpenFeatureSupport.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
