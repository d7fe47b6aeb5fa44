package io.github.flagtest.junit.classpath;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("class path check")
class ClassPathCheckTests {

    static Library jar(String artifact, String version) {
        return new Library(artifact, version, "/m2/" + artifact + "-" + version + ".jar");
    }

    @Nested
    @DisplayName("JUnit jars")
    class JUnit {

        @Test
        @DisplayName("one release (Platform 1.x counts as Jupiter 5.x) passes")
        void aligned() {
            assertThat(ClassPathCheck.junitProblem(List.of(
                            jar("junit-jupiter-api", "5.12.2"),
                            jar("junit-jupiter-engine", "5.12.2"),
                            jar("junit-platform-commons", "1.12.2"),
                            jar("junit-platform-launcher", "1.12.2"))))
                    .isEmpty();
            assertThat(ClassPathCheck.junitProblem(
                            List.of(jar("junit-jupiter-api", "6.1.3"), jar("junit-platform-engine", "6.1.3"))))
                    .isEmpty();
        }

        @Test
        @DisplayName("a mix names every jar, where it came from and the junit-bom fix")
        void mixed() {
            Optional<String> problem = ClassPathCheck.junitProblem(List.of(
                    jar("junit-jupiter-api", "5.9.2"),
                    jar("junit-jupiter-engine", "5.9.2"),
                    jar("junit-platform-launcher", "1.14.4")));

            assertThat(problem)
                    .get(org.assertj.core.api.InstanceOfAssertFactories.STRING)
                    .contains("JUnit Jupiter 5.10 or later, with every JUnit jar from one release")
                    .contains("junit-jupiter-api 5.9.2 (/m2/junit-jupiter-api-5.9.2.jar)")
                    .contains("junit-platform-launcher 1.14.4")
                    .contains("aws-lambda-java-tests 1.1.x")
                    .contains("JUnit 5.14 and 5.9 are mixed: an explicit <version> on junit-jupiter-api,"
                            + " junit-jupiter-engine beats an imported junit-bom (drop those <version> elements")
                    .contains("import org.junit:junit-bom:" + ClassPathCheck.builtWithJUnit())
                    .contains("<junit-jupiter.version>");
        }

        @Test
        @DisplayName("below 5.10 is named even when aligned")
        void old() {
            assertThat(ClassPathCheck.junitProblem(
                            List.of(jar("junit-jupiter-api", "5.9.2"), jar("junit-platform-commons", "1.9.2"))))
                    .get(org.assertj.core.api.InstanceOfAssertFactories.STRING)
                    .startsWith("flagtest needs JUnit Jupiter 5.10 or later, but");
        }

        @Test
        @DisplayName("the versions flagtest was built with come from the build, not from code")
        void builtWith() {
            assertThat(ClassPathCheck.builtWithJUnit()).matches("\\d+\\.\\d+\\.\\d+");
        }
    }

    @Nested
    @DisplayName("Mockito and byte-buddy")
    class Mockito {

        @Test
        @DisplayName("a byte-buddy older than the one the Mockito line was built with is named with the fix")
        void oldByteBuddy() {
            assertThat(ClassPathCheck.mockitoProblem(
                            Optional.of(jar("mockito-core", "5.24.0")), Optional.of(jar("byte-buddy", "1.12.21"))))
                    .get(org.assertj.core.api.InstanceOfAssertFactories.STRING)
                    .contains("mockito-core 5.24.0 needs byte-buddy 1.17 or later")
                    .contains("byte-buddy 1.12.21 (/m2/byte-buddy-1.12.21.jar)")
                    .contains("assertj-core");
        }

        @Test
        @DisplayName(
                "matching lines pass: Mockito 4.11 with 1.12, 5.11 with 1.14, 5.24 with 1.18; unknown versions pass")
        void matching() {
            assertThat(ClassPathCheck.mockitoProblem(
                            Optional.of(jar("mockito-core", "4.11.0")), Optional.of(jar("byte-buddy", "1.12.19"))))
                    .isEmpty();
            assertThat(ClassPathCheck.mockitoProblem(
                            Optional.of(jar("mockito-core", "5.11.0")), Optional.of(jar("byte-buddy", "1.14.12"))))
                    .isEmpty();
            assertThat(ClassPathCheck.mockitoProblem(
                            Optional.of(jar("mockito-core", "5.24.0")), Optional.of(jar("byte-buddy", "1.18.3"))))
                    .isEmpty();
            assertThat(ClassPathCheck.mockitoProblem(
                            Optional.of(jar("mockito-core", Library.UNKNOWN)),
                            Optional.of(jar("byte-buddy", "1.10.0"))))
                    .isEmpty();
        }

        @Test
        @DisplayName("Mockito below 4.11 is named")
        void oldMockito() {
            assertThat(ClassPathCheck.mockitoProblem(Optional.of(jar("mockito-core", "3.12.4")), Optional.empty()))
                    .get(org.assertj.core.api.InstanceOfAssertFactories.STRING)
                    .contains("flagtest needs Mockito 4.11 or later");
        }
    }

    @Test
    @DisplayName("a library's version comes from its jar: this build's JUnit and Mockito")
    void versionsFromJars() {
        assertThat(Library.of("junit-jupiter-api", "org.junit.jupiter.api.Test"))
                .get()
                .extracting(Library::version)
                .isEqualTo(ClassPathCheck.builtWithJUnit());
        assertThat(Library.of("byte-buddy", "net.bytebuddy.ByteBuddy")
                        .orElseThrow()
                        .version())
                .matches("1\\.\\d+\\.\\d+");
        assertThat(Library.of("nothing", "com.example.Absent")).isEmpty();
    }
}
