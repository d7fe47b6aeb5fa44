package io.github.flagtest.e2e;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * How a LocalStack-compatible container is configured: image, environment, and whether its flags
 * can live in AppConfig. Pure data, so that it is tested without Docker.
 */
record ContainerSettings(String backend, String image, Map<String, String> environment, boolean appConfig) {

    /** Pinned default images; override with {@code flagtest.e2e.image}. */
    static final String LOCALSTACK_IMAGE = "localstack/localstack:4.10";

    static final String FLOCI_IMAGE = "floci/floci:0.6.1";

    static final String TOKEN = "LOCALSTACK_AUTH_TOKEN";

    static ContainerSettings localstack(Optional<String> image, Optional<String> token) {
        Map<String, String> env = base();
        token.filter(t -> !t.isBlank()).ifPresent(t -> env.put(TOKEN, t));
        // AppConfig is part of LocalStack's paid plans: without a token, flags go to SSM
        return new ContainerSettings("localstack", image.orElse(LOCALSTACK_IMAGE), env, env.containsKey(TOKEN));
    }

    static ContainerSettings floci(Optional<String> image) {
        return new ContainerSettings("floci", image.orElse(FLOCI_IMAGE), base(), true);
    }

    private static Map<String, String> base() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("SERVICES", "lambda,appconfig,appconfigdata,ssm,iam,sts,logs");
        env.put("LAMBDA_RUNTIME_ENVIRONMENT_TIMEOUT", "60");
        return env;
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
