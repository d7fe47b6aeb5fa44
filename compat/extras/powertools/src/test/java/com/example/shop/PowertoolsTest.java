package com.example.shop;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.flagtest.core.AppConfigEndpoint;
import io.github.flagtest.junit.WithFlag;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.appconfigdata.AppConfigDataClient;
import software.amazon.lambda.powertools.parameters.appconfig.AppConfigProvider;

/** Powertools' AppConfig provider, reading the test's flags from a local AppConfig. */
class PowertoolsTest {

    @Test
    @WithFlag(name = "loyalty-points", enabled = true)
    void readsTheFlags(AppConfigEndpoint endpoint) {
        endpoint.setSystemProperty(); // endpoint, region and test credentials for unmodified SDK clients
        try (AppConfigDataClient client = AppConfigDataClient.create()) {
            AppConfigProvider provider = AppConfigProvider.builder()
                    .withClient(client)
                    .withApplication("shop")
                    .withEnvironment("dev")
                    .build();
            assertTrue(provider.get("flags").contains("\"loyalty-points\":{\"enabled\":true}"));
        }
    }
}
