package io.github.flagtest.e2e.harness;

import java.util.regex.Pattern;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

/** Checks an E2E handler string before anything is deployed. */
final class Handlers {

    private static final Pattern HANDLER = Pattern.compile(
            "[\\p{javaJavaIdentifierStart}][\\p{javaJavaIdentifierPart}.$]*(::[\\p{javaJavaIdentifierStart}][\\p{javaJavaIdentifierPart}]*)?");

    private Handlers() {}

    static void check(String handler, String where, ClassLoader loader) {
        check(handler, where, loader, true);
    }

    /** Checks the handler's form, and that its class is on the test class path if {@code onClassPath}. */
    static void check(String handler, String where, ClassLoader loader, boolean onClassPath) {
        if (!HANDLER.matcher(handler).matches() || !handler.contains("::")) {
            throw new ExtensionConfigurationException("@LambdaE2E(handler = \"" + handler + "\") on " + where
                    + ": the handler must be \"pkg.Class::method\", e.g. \"com.example.OrderHandler::handleRequest\"");
        }
        String className = handler.substring(0, handler.indexOf("::"));
        if (!onClassPath) {
            return;
        }
        try {
            Class.forName(className, false, loader);
        } catch (ClassNotFoundException e) {
            throw new ExtensionConfigurationException(
                    "@LambdaE2E(handler = \"" + handler + "\") on " + where + ": no class " + className
                            + " on the test class path; check the package and class name",
                    e);
        } catch (LinkageError e) { // the class is there, but something it extends or implements is not
            String missing = String.valueOf(e.getMessage()).replace('/', '.');
            throw new ExtensionConfigurationException(
                    "@LambdaE2E(handler = \"" + handler + "\") on " + where + ": " + className
                            + " is on the test class path but cannot be loaded: " + e
                            + (missing.startsWith("com.amazonaws.services.lambda.runtime.")
                                    ? "; declare com.amazonaws:aws-lambda-java-core (Lambda's runtime has its own"
                                            + " copy, but the function compiles and loads against it)"
                                    : "; add the dependency that has " + missing),
                    e);
        }
    }
}
