package io.github.flagtest.e2e.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.appconfig.AppConfigClient;
import software.amazon.awssdk.services.appconfig.model.BadRequestException;

/**
 * Feature-flag documents as AWS AppConfig validates them. Schema:
 * https://docs.aws.amazon.com/appconfig/latest/userguide/appconfig-type-reference-feature-flags.html;
 * attributes and constraints: .../appconfig-creating-configuration-and-profile-feature-flags.html;
 * multi-variant flags: .../appconfig-creating-multi-variant-feature-flags.html.
 */
@DisplayName("AWS.AppConfig.FeatureFlags documents")
class FeatureFlagSchemaTest {

    @Nested
    @DisplayName("the published schema")
    class Schema {

        @Test
        @DisplayName("accepts AWS's stored form: flags, values, attributes, _deprecation, a multi-variant flag")
        void valid() {
            assertThat(FeatureFlagSchema.problems("""
                    {"version": "1",
                     "flags": {
                       "loyalty-points": {"name": "Loyalty points", "_createdAt": "2026-11-01T09:00:00Z",
                                          "attributes": {"rate": {"constraints": {"type": "number", "minimum": 1, "maximum": 10}}}},
                       "ui-refresh": {"name": "UI refresh", "_deprecation": {"status": "planned"}}},
                     "values": {
                       "loyalty-points": {"enabled": true, "rate": 5},
                       "ui-refresh": {"_variants": [
                         {"name": "BetaUsers", "enabled": true, "rule": "(ends_with $email \\"@example.com\\")"},
                         {"name": "Default", "enabled": false}]}}}""")).isEmpty();
        }

        @Test
        @DisplayName("accepts a flag value {} without enabled: the schema's flagValue requires no member")
        void valueWithoutEnabled() {
            assertThat(FeatureFlagSchema.problems(
                            "{\"version\": \"1\", \"flags\": {\"a\": {\"name\": \"a\"}}, \"values\": {\"a\": {}}}"))
                    .isEmpty();
        }

        @Test
        @DisplayName("refuses a key AWS does not know (the old _variant): additionalProperties is false")
        void unknownKey() {
            assertThat(FeatureFlagSchema.problems("""
                    {"version": "1", "flags": {"checkout": {"name": "Checkout"}},
                     "values": {"checkout": {"enabled": true, "_variant": "B"}}}"""))
                    .singleElement()
                    .asString()
                    .startsWith("$.values.checkout")
                    .contains("_variant");
        }

        @Test
        @DisplayName("refuses a flag key outside ^[a-z][a-zA-Z\\\\d_-]{0,63}$ and a version other than \"1\"")
        void keysAndVersion() {
            assertThat(FeatureFlagSchema.problems("""
                    {"version": "2", "flags": {"Loyalty": {"name": "L"}}}"""))
                    .anySatisfy(problem -> assertThat(problem).startsWith("$.version"))
                    .anySatisfy(
                            problem -> assertThat(problem).startsWith("$.flags").contains("Loyalty"));
        }

        @Test
        @DisplayName("requires version, and a variant's name and enabled")
        void required() {
            assertThat(FeatureFlagSchema.problems("{\"flags\": {}}"))
                    .anySatisfy(p -> assertThat(p).contains("version"));
            assertThat(FeatureFlagSchema.problems("""
                    {"version": "1", "flags": {"a": {"name": "A"}}, "values": {"a": {"_variants": [{"name": "X"}]}}}"""))
                    .anySatisfy(p ->
                            assertThat(p).startsWith("$.values.a._variants[0]").contains("enabled"));
        }
    }

    @Nested
    @DisplayName("the semantic rules")
    class Semantics {

        @Test
        @DisplayName("a value needs its flag declared")
        void undeclared() {
            assertThat(FeatureFlagSchema.problems("""
                    {"version": "1", "flags": {}, "values": {"ghost": {"enabled": true}}}"""))
                    .containsExactly("$.values.ghost: flag 'ghost' is not declared in $.flags");
        }

        @Test
        @DisplayName("variants: unique names, the rule-less default last and only there")
        void variants() {
            assertThat(FeatureFlagSchema.problems("""
                    {"version": "1", "flags": {"a": {"name": "A"}}, "values": {"a": {"_variants": [
                      {"name": "X", "enabled": true},
                      {"name": "X", "enabled": true, "rule": "(eq $tier \\"gold\\")"}]}}}"""))
                    .containsExactly("$.values.a._variants: variant [0] 'X': only the last variant (the default) may "
                            + "have no rule; give it a rule or move it last");
        }

        @Test
        @DisplayName("attribute values meet their constraints: required, type, pattern, enum, minimum, maximum")
        void constraints() {
            assertThat(FeatureFlagSchema.problems("""
                    {"version": "1",
                     "flags": {"a": {"name": "A", "attributes": {
                        "rate": {"constraints": {"type": "number", "minimum": 1, "maximum": 10, "required": true}},
                        "tier": {"constraints": {"type": "string", "enum": ["gold", "silver"]}},
                        "code": {"constraints": {"type": "string", "pattern": "^[A-Z]{3}$"}},
                        "id": {"constraints": {"type": "string", "required": true}}}}},
                     "values": {"a": {"enabled": true, "rate": 11, "tier": "bronze", "code": "ab"}}}"""))
                    .containsExactlyInAnyOrder(
                            "$.values.a.rate: 11 is above the maximum 10",
                            "$.values.a.tier: \"bronze\" is not one of [\"gold\",\"silver\"]",
                            "$.values.a.code: \"ab\" does not match the pattern ^[A-Z]{3}$",
                            "$.values.a.id: required attribute is missing");
        }

        @Test
        @DisplayName("a disabled flag's attribute values are not checked, as AppConfig serves none")
        void disabled() {
            assertThat(FeatureFlagSchema.problems("""
                    {"version": "1", "flags": {"a": {"name": "A", "attributes": {
                        "id": {"constraints": {"type": "string", "required": true}}}}},
                     "values": {"a": {"enabled": false}}}""")).isEmpty();
        }
    }

    @Test
    @DisplayName("the embedded AppConfig refuses such a hosted version with BadRequestException naming the path")
    void embedded(@TempDir Path classData) throws Exception {
        try (EmbeddedAws aws = new EmbeddedAws(new AppCds(classData));
                AppConfigClient appConfig =
                        SignedClients.signedFor(aws, AppConfigClient.builder()).build()) {
            String app = appConfig.createApplication(r -> r.name("a")).id();
            String profile = appConfig
                    .createConfigurationProfile(r -> r.applicationId(app)
                            .name("flags")
                            .locationUri("hosted")
                            .type("AWS.AppConfig.FeatureFlags"))
                    .id();

            assertThatThrownBy(() -> appConfig.createHostedConfigurationVersion(r -> r.applicationId(app)
                            .configurationProfileId(profile)
                            .contentType("application/json")
                            .content(SdkBytes.fromString(
                                    "{\"version\":\"1\",\"flags\":{\"x\":{\"name\":\"X\"}},"
                                            + "\"values\":{\"x\":{\"enabled\":true,\"_variant\":\"B\"}}}",
                                    StandardCharsets.UTF_8))))
                    .isInstanceOf(BadRequestException.class)
                    .hasMessageContaining("does not match the AWS.AppConfig.FeatureFlags schema: $.values.x");
            appConfig.deleteConfigurationProfile(r -> r.applicationId(app).configurationProfileId(profile));
            appConfig.deleteApplication(r -> r.applicationId(app));
        }
    }
}
