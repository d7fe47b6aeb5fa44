package io.github.flagtest.e2e.harness;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * How a LocalStack-compatible container is configured: image, environment, and whether its flags
 * can live in AppConfig. Pure data, so that it is tested without Docker.
 */
record ContainerSettings(String backend, String image, Map<String, String> environment, boolean appConfig) {

    /*
     * Pinned default images, each a published release; override with flagtest.e2e.image.
     *
     * LocalStack: 4.14.0 is the last release of the community repository (git tag v4.14.0 of
     * github.com/localstack/localstack, 2026-02-26; the repository was archived in March 2026, when
     * LocalStack moved to one image that needs LOCALSTACK_AUTH_TOKEN). Docker tags drop the "v"
     * (Testcontainers' own tests pin localstack/localstack:4.9.2 for v4.9.2). The community image
     * has Lambda and SSM, not AppConfig; the paid image localstack/localstack-pro (the other image
     * Testcontainers' LocalStackContainer accepts) has AppConfig and needs the token.
     *
     * Floci: 1.7.0 (floci-io/floci CHANGELOG, 2026-08-18; release tags are x.y.z on Docker Hub,
     * docs/configuration/docker-images.md). It starts under LocalStackContainer from 1.5.24, which
     * prints the "Ready." line the container waits for (CHANGELOG 1.5.24, #1284); 1.7.0 also adds
     * the AppConfig deletes flagtest's cleanup uses (#2280).
     */
    static final String LOCALSTACK_IMAGE = "localstack/localstack:4.14.0";

    static final String LOCALSTACK_PRO_IMAGE = "localstack/localstack-pro:4.14.0";

    static final String FLOCI_IMAGE = "floci/floci:1.7.0";

    static final String TOKEN = "LOCALSTACK_AUTH_TOKEN";

    /**
     * LocalStack: with a token, the paid image (AppConfig included); without one, the community
     * image, whose missing AppConfig stops an AppConfig class with the alternatives. An image named
     * by {@code flagtest.e2e.image} has AppConfig when it is the paid one.
     */
    static ContainerSettings localstack(Optional<String> image, Optional<String> token) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("SERVICES", "lambda,appconfig,appconfigdata,ssm,iam,sts,logs");
        env.put("LAMBDA_RUNTIME_ENVIRONMENT_TIMEOUT", "60");
        Optional<String> secret = token.filter(t -> !t.isBlank());
        secret.ifPresent(t -> env.put(TOKEN, t));
        String chosen = image.orElse(secret.isPresent() ? LOCALSTACK_PRO_IMAGE : LOCALSTACK_IMAGE);
        return new ContainerSettings("localstack", chosen, env, chosen.startsWith("localstack/localstack-pro"));
    }

    /** Floci: AppConfig included, no token; Lambda runs in containers through the Docker socket it is given. */
    static ContainerSettings floci(Optional<String> image) {
        return new ContainerSettings("floci", image.orElse(FLOCI_IMAGE), new LinkedHashMap<>(), true);
    }

    /** The environment as it may be printed: the auth token masked. */
    Map<String, String> printableEnvironment() {
        Map<String, String> printable = new LinkedHashMap<>(environment);
        printable.computeIfPresent(TOKEN, (key, value) -> "****");
        return printable;
    }

    @Override
    public String toString() {
        return backend + "[" + image + ", env=" + printableEnvironment() + ", appConfig=" + appConfig + "]";
    }
}
