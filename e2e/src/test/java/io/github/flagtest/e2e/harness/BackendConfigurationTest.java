package io.github.flagtest.e2e.harness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.github.flagtest.e2e.embedded.AppCds;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.regions.Region;

/** Backend choice and configuration, tested without Docker or an AWS account. */
class BackendConfigurationTest {

    @Nested
    @DisplayName("flagtest.e2e.backend")
    class Choice {

        @ParameterizedTest(name = "setting={0} -> {1}")
        @DisplayName("auto (the default) is embedded on every machine; others only when named")
        @CsvSource({
            "auto, embedded",
            ", embedded",
            "EMBEDDED, embedded",
            "localstack, localstack",
            "floci, floci",
            "aws, aws",
            "endpoint, endpoint"
        })
        void chooses(String setting, String expected) {
            assertThat(Backends.choose(Optional.ofNullable(setting))).isEqualTo(expected);
        }

        @Test
        @DisplayName("endpoint needs AWS_ENDPOINT_URL, aws needs a role: both say so")
        void missingSettings() {
            assertThatThrownBy(() -> Backends.start("endpoint", key -> Optional.empty()))
                    .isInstanceOf(ExtensionConfigurationException.class)
                    .hasMessageContaining("needs AWS_ENDPOINT_URL");
            assertThatThrownBy(() -> Backends.start("aws", key -> Optional.empty()))
                    .isInstanceOf(ExtensionConfigurationException.class)
                    .hasMessageContaining("flagtest.e2e.role");
        }
    }

    @Nested
    @DisplayName("LocalStack and Floci containers")
    class Containers {

        @Test
        @DisplayName(
                "LocalStack with a token is the paid image with AppConfig; without one the community image, without")
        void localstackToken() {
            ContainerSettings withToken = ContainerSettings.localstack(Optional.empty(), Optional.of("ls-secret-123"));
            ContainerSettings without = ContainerSettings.localstack(Optional.empty(), Optional.empty());

            assertThat(withToken.environment()).containsEntry("LOCALSTACK_AUTH_TOKEN", "ls-secret-123");
            assertThat(withToken.image()).isEqualTo("localstack/localstack-pro:4.14.0");
            assertThat(withToken.appConfig()).isTrue();
            assertThat(without.environment()).doesNotContainKey("LOCALSTACK_AUTH_TOKEN");
            assertThat(without.image()).isEqualTo("localstack/localstack:4.14.0");
            assertThat(without.appConfig()).isFalse();
            assertThat(ContainerSettings.localstack(Optional.of("localstack/localstack-pro:4.13.1"), Optional.of("t"))
                            .appConfig())
                    .isTrue();
        }

        // Published releases only: localstack/localstack git tag v4.14.0 (2026-02-26, the community
        // repository's last release before it was archived in March 2026); floci-io/floci CHANGELOG
        // 1.7.0 (2026-08-18), Docker Hub tags x.y.z (docs/configuration/docker-images.md); Floci starts
        // under LocalStackContainer from 1.5.24 (CHANGELOG: "emit LocalStack-compatible Ready. log line", #1284).
        @Test
        @DisplayName("the default images are published releases: LocalStack 4.14.0, Floci 1.7.0 (at least 1.5.24)")
        void publishedImages() {
            assertThat(ContainerSettings.LOCALSTACK_IMAGE).isEqualTo("localstack/localstack:4.14.0");
            assertThat(ContainerSettings.LOCALSTACK_PRO_IMAGE).isEqualTo("localstack/localstack-pro:4.14.0");
            assertThat(ContainerSettings.FLOCI_IMAGE).isEqualTo("floci/floci:1.7.0");
            String flociVersion =
                    ContainerSettings.FLOCI_IMAGE.substring(ContainerSettings.FLOCI_IMAGE.indexOf(':') + 1);
            assertThat(java.util.Arrays.stream(flociVersion.split("\\."))
                            .mapToInt(Integer::parseInt)
                            .toArray())
                    .as("Floci starts under LocalStackContainer from 1.5.24")
                    .satisfiesAnyOf(
                            v -> assertThat(v[0]).isGreaterThan(1),
                            v -> assertThat(v[1]).isGreaterThan(5),
                            v -> assertThat(v[2]).isGreaterThanOrEqualTo(24));
        }

        // Floci's source (1.7.0 and HEAD): GetLatestConfiguration returns the stored document as uploaded;
        // its Lambda runs java25 functions
        @Test
        @DisplayName("Floci runs java25 and gets the retrieval form uploaded (its GetLatestConfiguration serves a"
                + " hosted version as uploaded)")
        void floci() {
            FlociBackend floci = new FlociBackend(ContainerSettings.floci(Optional.empty()));

            assertThat(floci.name()).isEqualTo("floci");
            assertThat(floci.maxRuntime()).isEqualTo("java25");
            assertThat(floci.servesHostedVersionAsUploaded()).isTrue();
        }

        @ParameterizedTest(name = "{0} / {1} -> tolerated: {2}")
        @CsvSource({
            "405, MethodNotAllowedException, true",
            "404, ResourceNotFoundException, true",
            "501, NotImplemented, true",
            "400, UnknownOperationException, true",
            "400, BadRequestException, false",
            "403, AccessDeniedException, false"
        })
        @DisplayName(
                "cleanup goes on past a delete the emulator lacks (Floci has no DeleteEnvironment), not past others")
        void missingDeletes(int status, String code, boolean tolerated) {
            AwsServiceException e = AwsServiceException.builder()
                    .statusCode(status)
                    .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).build())
                    .build();

            assertThat(Deployer.missingDelete(e)).isEqualTo(tolerated);
        }

        @Test
        @DisplayName("never prints the token")
        void masksToken() {
            ContainerSettings settings = ContainerSettings.localstack(Optional.empty(), Optional.of("ls-secret-123"));

            assertThat(settings.toString()).doesNotContain("ls-secret-123").contains("LOCALSTACK_AUTH_TOKEN=****");
            assertThat(settings.printableEnvironment()).containsEntry("LOCALSTACK_AUTH_TOKEN", "****");
        }

        @Test
        @DisplayName("Floci is a pinned, overridable image; the image setting wins")
        void images() {
            assertThat(ContainerSettings.floci(Optional.empty()).image()).isEqualTo(ContainerSettings.FLOCI_IMAGE);
            assertThat(ContainerSettings.floci(Optional.of("floci/floci:next")).image())
                    .isEqualTo("floci/floci:next");
            assertThat(ContainerSettings.localstack(Optional.of("localstack/localstack:5"), Optional.empty())
                            .image())
                    .isEqualTo("localstack/localstack:5");
        }

        @ParameterizedTest(name = "{0} / {1} -> unsupported: {2}")
        @CsvSource({
            "501, SomeError, true",
            "400, InternalFailure, true",
            "400, UnknownOperationException, true",
            "400, BadRequestException, false",
            "400, AccessDeniedException, false",
            "404, ResourceNotFoundException, false"
        })
        @DisplayName("takes only a missing AppConfig as 'no AppConfig' (a permission error is not one)")
        void fallbackDecision(int status, String code, boolean unsupported) {
            AwsServiceException e = AwsServiceException.builder()
                    .statusCode(status)
                    .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).build())
                    .build();

            assertThat(FlagStores.isUnsupported(e)).isEqualTo(unsupported);
        }
    }

    @Nested
    @DisplayName("aws versus emulators")
    class Aws {

        @Test
        @DisplayName("aws has no endpoint override and uses the default credentials chain; emulators override both")
        void onlyTheEndpointDiffers() throws Exception {
            RemoteBackend aws = RemoteBackend.aws(Region.EU_WEST_1, "arn:aws:iam::123456789012:role/e2e");
            HttpServer emulator = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            emulator.createContext("/", exchange -> {
                exchange.sendResponseHeaders(404, -1);
                exchange.close();
            });
            emulator.start();
            try {
                URI uri = URI.create("http://127.0.0.1:" + emulator.getAddress().getPort());
                RemoteBackend endpoint = RemoteBackend.endpoint(uri, Region.EU_WEST_1);

                assertThat(aws.clientSettings().endpoint()).isEmpty();
                assertThat(aws.clientSettings().credentials()).isInstanceOf(DefaultCredentialsProvider.class);
                assertThat(aws.role()).isEqualTo("arn:aws:iam::123456789012:role/e2e");
                assertThat(endpoint.clientSettings().endpoint()).contains(uri);
                assertThat(aws.runsFromClassPath())
                        .isEqualTo(endpoint.runsFromClassPath())
                        .isFalse();
            } finally {
                emulator.stop(0);
            }
        }

        @Test
        @DisplayName("endpoint checks that the emulator answers before deploying, naming the URL and the fix")
        void endpointMustAnswer() throws Exception {
            int free;
            try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                free = socket.getLocalPort(); // closed again: nothing listens there
            }
            URI nothing = URI.create("http://127.0.0.1:" + free);

            assertThatThrownBy(() -> RemoteBackend.endpoint(nothing, Region.US_EAST_1))
                    .isInstanceOf(ExtensionConfigurationException.class)
                    .hasMessageStartingWith("flagtest e2e: nothing answers at " + nothing)
                    .hasMessageContaining("Start the emulator first")
                    .hasMessageContaining("-Dflagtest.e2e.backend=embedded");
        }

        @Test
        @DisplayName(
                "resources are named with the run id (valid for Lambda, AppConfig and SSM) and tagged flagtest:run")
        void namesAndTags() {
            assertThat(E2ESession.name("flagtest-ab12cd34-My_E2E.Test$Inner"))
                    .isEqualTo("flagtest-ab12cd34-my-e2e-test-inner");
            assertThat(E2ESession.name("x".repeat(100))).hasSize(64);
            try (EmbeddedBackend backend = new EmbeddedBackend(AppCds.off())) {
                Deployer deployer = new Deployer(backend, "run-7");
                assertThat(deployer.tags()).containsEntry("flagtest:run", "run-7");
                deployer.close();
            }
        }
    }

    @Nested
    @DisplayName("artifacts")
    class ArtifactsTest {

        @Test
        @DisplayName("container backends get target/classes at the root and runtime jars under lib/, no test tooling")
        void lambdaZip(@TempDir Path dir) throws Exception {
            Path classes = Files.createDirectories(dir.resolve("target/classes/com/example"));
            Files.writeString(classes.resolve("Handler.class"), "bytes");
            Path sdk = Files.writeString(dir.resolve("appconfigdata-2.40.2.jar"), "jar");
            Path junit = Files.writeString(dir.resolve("junit-jupiter-api-5.14.4.jar"), "jar");
            Path testClasses = Files.createDirectories(dir.resolve("target/test-classes"));
            String classPath = String.join(
                    java.io.File.pathSeparator,
                    dir.resolve("target/classes").toString(),
                    testClasses.toString(),
                    sdk.toString(),
                    junit.toString());

            var entries = Artifacts.runtimeEntries(classPath);
            assertThat(entries).containsExactly(dir.resolve("target/classes"), sdk);

            java.util.List<String> names = new java.util.ArrayList<>();
            try (ZipInputStream zip =
                    new ZipInputStream(new java.io.ByteArrayInputStream(Artifacts.lambdaZip(entries)))) {
                for (var entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                    names.add(entry.getName());
                }
            }
            assertThat(names).containsExactly("com/example/Handler.class", "lib/appconfigdata-2.40.2.jar");
        }
    }
}
