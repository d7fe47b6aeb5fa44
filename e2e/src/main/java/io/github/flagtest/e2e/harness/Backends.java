package io.github.flagtest.e2e.harness;

import io.github.flagtest.e2e.embedded.AppCds;
import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;

/** Chooses and starts the backend named by {@code flagtest.e2e.backend}. */
final class Backends {

    static final String BACKEND = "flagtest.e2e.backend";
    static final String IMAGE = "flagtest.e2e.image";
    static final String ROLE = "flagtest.e2e.role";
    static final String ENDPOINT = "flagtest.e2e.endpoint";

    private Backends() {}

    /**
     * The backend to use: the setting; {@code auto} (the default) is {@code embedded} whatever the
     * machine has, so the same command gives the same backend with or without Docker. Container and
     * remote backends run only when named.
     */
    static String choose(Optional<String> setting) {
        String value = setting.map(s -> s.trim().toLowerCase(Locale.ROOT)).orElse("auto");
        return switch (value) {
            case "embedded", "localstack", "floci", "endpoint", "aws" -> value;
            case "auto" -> "embedded";
            default ->
                throw new ExtensionConfigurationException(BACKEND + "=" + setting.orElse("") + " is not a backend; use "
                        + "auto, embedded, localstack, floci, endpoint or aws");
        };
    }

    /**
     * The region of a real account: the SDK's default region chain (aws.region, AWS_REGION, the
     * profile's region, instance metadata), printed, as every AWS tool finds it.
     */
    static Region awsRegion() {
        Region region;
        try {
            region = new DefaultAwsRegionProviderChain().getRegion();
        } catch (SdkClientException e) {
            throw new ExtensionConfigurationException(
                    BACKEND + "=aws found no AWS region in the SDK's default chain"
                            + " (system property aws.region, environment variable AWS_REGION, the profile in ~/.aws/config);"
                            + " set one: " + e.getMessage(),
                    e);
        }
        System.out.println("flagtest e2e: aws backend in region " + region + " (the SDK's default region chain)");
        return region;
    }

    /** Starts {@code name}; {@code config} reads configuration parameters and then environment variables. */
    static Backend start(String name, Function<String, Optional<String>> config) {
        Optional<String> token = config.apply(ContainerSettings.TOKEN);
        Region region = Region.of(config.apply("AWS_REGION").orElse("us-east-1")); // emulators: any region
        try {
            return switch (name) {
                case "embedded" -> new EmbeddedBackend(AppCds.from(config));
                case "localstack" -> new ContainerBackend(ContainerSettings.localstack(config.apply(IMAGE), token));
                case "floci" -> FlociBackend.start(ContainerSettings.floci(config.apply(IMAGE)));
                case "endpoint" ->
                    RemoteBackend.endpoint(
                            URI.create(config.apply(ENDPOINT)
                                    .or(() -> config.apply("AWS_ENDPOINT_URL"))
                                    .orElseThrow(() -> new ExtensionConfigurationException(BACKEND + "=endpoint needs "
                                            + "AWS_ENDPOINT_URL (or " + ENDPOINT
                                            + ") naming the running emulator, e.g. "
                                            + "http://localhost:4566"))),
                            region);
                case "aws" -> {
                    // the role first: a run that cannot deploy anyway asks nothing of the region chain
                    String role = config.apply(ROLE)
                            .orElseThrow(() -> new ExtensionConfigurationException(BACKEND + "=aws needs " + ROLE
                                    + " = the ARN of an IAM role the function can assume"));
                    yield RemoteBackend.aws(awsRegion(), role);
                }
                default -> throw new ExtensionConfigurationException("Unknown backend " + name);
            };
        } catch (ExtensionConfigurationException e) {
            throw e;
        } catch (RuntimeException | LinkageError e) {
            throw new ExtensionConfigurationException(
                    "flagtest e2e: the " + name + " backend cannot start: " + e
                            + "; tried " + BACKEND + "=" + name
                            + (name.equals("embedded")
                                    ? ""
                                    : " (Docker/Testcontainers or the " + "endpoint must be reachable)")
                            + "; choose another with -D" + BACKEND + "=embedded|localstack|floci|"
                            + "endpoint|aws",
                    e);
        }
    }
}
