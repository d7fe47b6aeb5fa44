package io.github.flagtest.e2e.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("the embedded Lambda's Java runtime")
class LambdaJavaRuntimeTest {

    @Test
    @DisplayName("the function JVM is started so that Java 22+ and 24+ print no native-access or Unsafe warnings")
    void quietFunctionJvm() {
        assertThat(FunctionRuntime.quietOptions(17)).isEmpty();
        assertThat(FunctionRuntime.quietOptions(21)).isEmpty();
        assertThat(FunctionRuntime.quietOptions(22)).containsExactly("--enable-native-access=ALL-UNNAMED");
        assertThat(FunctionRuntime.quietOptions(25))
                .containsExactly("--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow");
    }

    @Test
    @DisplayName("a Java runtime older than the handler's class file fails each invocation as Lambda's does")
    void classVersion() {
        assertThat(LambdaRules.classVersionError("java17", "com.example.Handler", 65))
                .hasValueSatisfying(error -> assertThat(error)
                        .contains("\"errorType\":\"java.lang.UnsupportedClassVersionError\"")
                        .contains("class file version 65.0")
                        .contains("up to 61.0"));
        assertThat(LambdaRules.classVersionError("java21", "com.example.Handler", 65))
                .isEmpty();
    }
}
