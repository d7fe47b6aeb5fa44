package io.github.flagtest.e2e.harness;

import io.github.flagtest.core.AppConfigEndpoint;
import io.github.flagtest.core.FlagState;
import io.github.flagtest.e2e.FlagLocation;
import io.github.flagtest.shaded.jackson.core.JsonProcessingException;
import io.github.flagtest.shaded.jackson.databind.JsonNode;
import io.github.flagtest.shaded.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import software.amazon.awssdk.services.appconfigdata.AppConfigDataClient;
import software.amazon.awssdk.services.ssm.SsmClient;

/**
 * After a deployment, reads the flags back once through the path the function uses (AppConfig
 * Data, or the SSM parameter) and compares them with what AWS would serve: a backend that serves
 * another form or drops data stops the class, naming the backend, the difference and the
 * alternatives, instead of letting flag-ON runs silently behave like the baseline.
 */
final class FlagReadBack {

    private static final ObjectMapper JSON = new ObjectMapper();

    private FlagReadBack() {}

    static void check(Backend backend, FlagLocation location, FlagState deployed) {
        String served = read(backend, location);
        if (served == null) {
            return; // the env store: the function's environment is what was deployed
        }
        compare(backend.name(), location.store(), served, AppConfigEndpoint.retrievalDocument(deployed));
    }

    private static String read(Backend backend, FlagLocation location) {
        switch (location.store()) {
            case FlagStores.APPCONFIG -> {
                try (AppConfigDataClient data = backend.clientSettings()
                        .configure(AppConfigDataClient.builder())
                        .build()) {
                    String token = data.startConfigurationSession(r -> r.applicationIdentifier(location.applicationId())
                                    .environmentIdentifier(location.environmentId())
                                    .configurationProfileIdentifier(location.profileId()))
                            .initialConfigurationToken();
                    return data.getLatestConfiguration(r -> r.configurationToken(token))
                            .configuration()
                            .asUtf8String();
                }
            }
            case FlagStores.SSM -> {
                try (SsmClient ssm =
                        backend.clientSettings().configure(SsmClient.builder()).build()) {
                    return ssm.getParameter(r -> r.name(location.parameter()))
                            .parameter()
                            .value();
                }
            }
            default -> {
                return null;
            }
        }
    }

    /** Throws when {@code served} is not the retrieval form AWS would serve ({@code expected}). */
    static void compare(String backend, String store, String served, String expected) {
        JsonNode got;
        try {
            got = JSON.readTree(served);
        } catch (JsonProcessingException e) {
            got = null;
        }
        JsonNode want;
        try {
            want = JSON.readTree(expected);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("flagtest wrote a retrieval document that is not JSON: " + expected, e);
        }
        if (want.equals(got)) {
            return;
        }
        throw new ExtensionConfigurationException("flagtest e2e: the " + backend + " backend serves the flags"
                + " differently from AWS (store " + store + "): AWS serves " + expected + ", it served " + served
                + difference(want, got) + ". A function would read other flag values here than on AWS, so flag-ON"
                + " runs could silently behave like the baseline. Use -D" + FlagStores.SETTING + "=ssm or -D"
                + FlagStores.SETTING + "=env if the function can read its flags that way, or -D" + Backends.BACKEND
                + "=embedded");
    }

    private static String difference(JsonNode want, JsonNode got) {
        if (got == null || !got.isObject()) {
            return " (not a retrieval-form JSON object)";
        }
        if (got.has("version") && got.has("flags")) {
            return " (the stored document as uploaded, not the retrieval form)";
        }
        for (var it = want.fields(); it.hasNext(); ) {
            var flag = it.next();
            if (!flag.getValue().equals(got.get(flag.getKey()))) {
                return " (first difference: flag '" + flag.getKey() + "' is " + got.get(flag.getKey()) + " instead of "
                        + flag.getValue() + ")";
            }
        }
        return "";
    }
}
