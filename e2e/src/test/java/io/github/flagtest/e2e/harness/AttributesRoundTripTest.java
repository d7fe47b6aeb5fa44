package io.github.flagtest.e2e.harness;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.flagtest.core.AppConfigEndpoint;
import io.github.flagtest.core.FlagCatalog;
import io.github.flagtest.e2e.FlagLocation;
import io.github.flagtest.e2e.embedded.AppCds;
import io.github.flagtest.shaded.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.appconfigdata.AppConfigDataClient;
import software.amazon.awssdk.services.ssm.SsmClient;

/**
 * A document with every attribute type and a multi-variant flag with attribute values, deployed by
 * the harness to the embedded backend, comes back from each store with all of its data: AWS serves
 * "a single flag and its attributes"
 * (https://docs.aws.amazon.com/appconfig/latest/userguide/appconfig-creating-configuration-and-profile-feature-flags.html).
 */
@DisplayName("attribute values deployed to the embedded backend")
class AttributesRoundTripTest {

    static final String DOCUMENT = """
            {"version": "1",
             "flags": {
               "checkout": {"name": "Checkout", "attributes": {
                 "maxItems": {"constraints": {"type": "number"}}, "banner": {"constraints": {"type": "string"}},
                 "express": {"constraints": {"type": "boolean"}},
                 "regions": {"constraints": {"type": "array", "elements": {"type": "string"}}},
                 "tiers": {"constraints": {"type": "array", "elements": {"type": "number"}}}}},
               "ui": {"name": "UI", "attributes": {"theme": {"constraints": {"type": "string"}}}}},
             "values": {
               "checkout": {"enabled": true, "maxItems": 5, "banner": "new", "express": true,
                            "regions": ["eu", "us"], "tiers": [1, 2.5]},
               "ui": {"_variants": [
                 {"name": "dark", "enabled": true, "rule": "(eq $tier \\"gold\\")", "attributeValues": {"theme": "night"}},
                 {"name": "light", "enabled": true, "attributeValues": {"theme": "day"}}]}}}
            """;

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path classData;

    private final EmbeddedBackend backend = new EmbeddedBackend(new AppCds(classData));
    private final Deployer deployer = new Deployer(backend, "attributes");
    private final FlagCatalog catalog = FlagCatalog.parse(DOCUMENT, "flags.json");

    @AfterEach
    void stop() {
        try {
            deployer.close();
        } finally {
            backend.close();
        }
    }

    @Test
    @DisplayName("AppConfig: GetLatestConfiguration serves the retrieval form with every attribute value")
    void appConfig() throws Exception {
        FlagLocation where = deployer.flagStore(
                        FlagStores.APPCONFIG, "fn", FlagStores.DEFAULT_ENV_PREFIX, catalog, catalog.defaults())
                .location();
        try (AppConfigDataClient data = backend.clientSettings()
                .configure(AppConfigDataClient.builder())
                .build()) {
            String token = data.startConfigurationSession(r -> r.applicationIdentifier(where.applicationId())
                            .environmentIdentifier(where.environmentId())
                            .configurationProfileIdentifier(where.profileId()))
                    .initialConfigurationToken();
            String served = data.getLatestConfiguration(r -> r.configurationToken(token))
                    .configuration()
                    .asUtf8String();

            assertThat(JSON.readTree(served)).isEqualTo(JSON.readTree("""
                            {"checkout": {"enabled": true, "maxItems": 5, "banner": "new", "express": true,
                                          "regions": ["eu", "us"], "tiers": [1, 2.5]},
                             "ui": {"_variant": "light", "enabled": true, "theme": "day"}}"""));
            assertThat(FlagCatalog.parse(served, "served").defaults().attributes("checkout"))
                    .isEqualTo(catalog.defaults().attributes("checkout"));
        }
    }

    @Test
    @DisplayName("SSM: the parameter holds the same retrieval form, attributes included, after a flip too")
    void ssm() throws Exception {
        FlagStores.Created created =
                deployer.flagStore(FlagStores.SSM, "fn", FlagStores.DEFAULT_ENV_PREFIX, catalog, catalog.defaults());
        created.store().disable("checkout");
        created.store().enable("checkout");
        try (SsmClient ssm =
                backend.clientSettings().configure(SsmClient.builder()).build()) {
            String value = ssm.getParameter(r -> r.name(created.location().parameter()))
                    .parameter()
                    .value();

            assertThat(JSON.readTree(value))
                    .isEqualTo(JSON.readTree(AppConfigEndpoint.retrievalDocument(catalog.defaults())));
            assertThat(JSON.readTree(value).get("checkout").get("regions").toString())
                    .isEqualTo("[\"eu\",\"us\"]");
        }
    }
}
