package io.github.flagtest.e2e.embedded;

import io.github.flagtest.core.FlagDocumentRules;
import java.util.List;

/**
 * What AWS AppConfig checks in a hosted configuration version of an {@code
 * AWS.AppConfig.FeatureFlags} profile: the published JSON schema, then the semantic rules the schema
 * cannot say; core's {@link FlagDocumentRules} holds both, for flagtest's parser and for this check
 * alike. Each problem names its JSON path.
 *
 * <p>Sources: https://docs.aws.amazon.com/appconfig/latest/userguide/appconfig-type-reference-feature-flags.html
 * (the schema), .../appconfig-creating-configuration-and-profile-feature-flags.html (attributes and
 * constraints) and .../appconfig-creating-multi-variant-feature-flags.html (variants, the default
 * variant last). Internal to flagtest (public for its E2E deployer's tests).
 */
public final class FeatureFlagSchema {

    static final String TYPE = "AWS.AppConfig.FeatureFlags";

    private FeatureFlagSchema() {}

    /** The problems of {@code content}, each "JSON path: what is wrong"; empty when AWS would accept it. */
    public static List<String> problems(String content) {
        return FlagDocumentRules.problems(content); // the same check flagtest's parser applies on load
    }
}
