package io.github.flagtest.e2e.harness;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.flagtest.e2e.fixtures.GreetingHandler;
import java.net.URL;
import java.net.URLClassLoader;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

@DisplayName("the handler named in @LambdaE2E")
class HandlersTest {

    static final String HANDLER = GreetingHandler.class.getName() + "::handleRequest";

    @Test
    @DisplayName("a class that is not there: check the package and class name")
    void missingClass() {
        assertThatThrownBy(() -> Handlers.check(
                        "com.example.Nope::handleRequest", "ATest", getClass().getClassLoader(), true))
                .isInstanceOf(ExtensionConfigurationException.class)
                .hasMessageContaining("no class com.example.Nope on the test class path");
    }

    @Test
    @DisplayName("a class whose aws-lambda-java-core interface is missing (a Spring Cloud Function project without"
            + " it): names the missing class and the dependency, not 'no class'")
    void missingLambdaCore() throws Exception {
        URL testClasses =
                GreetingHandler.class.getProtectionDomain().getCodeSource().getLocation();
        try (URLClassLoader withoutCore =
                new URLClassLoader(new URL[] {testClasses}, ClassLoader.getPlatformClassLoader())) {
            assertThatThrownBy(() -> Handlers.check(HANDLER, "ATest", withoutCore, true))
                    .isInstanceOf(ExtensionConfigurationException.class)
                    .hasMessageContaining(
                            GreetingHandler.class.getName() + " is on the test class path but cannot be loaded")
                    .hasMessageContaining("com/amazonaws/services/lambda/runtime/RequestHandler")
                    .hasMessageContaining("declare com.amazonaws:aws-lambda-java-core")
                    .hasMessageNotContaining("no class");
        }
    }
}
