package io.github.flagtest.e2e.harness;

import io.github.flagtest.e2e.FlagLocation;
import io.github.flagtest.e2e.LambdaE2E;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

/**
 * Resolves {@code ${...}} in {@link LambdaE2E#environment()} values with where the flags were
 * deployed, so a function that reads its own variable names is pointed at the store:
 * {@code APP=${appconfig.application}}.
 */
final class Placeholders {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}]*)}");

    private Placeholders() {}

    static Map<String, String> resolve(Map<String, String> environment, FlagLocation location, String testClass) {
        Map<String, String> values = values(location);
        Map<String, String> resolved = new LinkedHashMap<>();
        environment.forEach((key, value) -> {
            Matcher matcher = PLACEHOLDER.matcher(value);
            StringBuilder text = new StringBuilder();
            while (matcher.find()) {
                String name = matcher.group(1);
                String replacement = values.get(name);
                if (replacement == null || replacement.isEmpty()) {
                    throw new ExtensionConfigurationException("@LambdaE2E(environment = \"" + key + "=" + value
                            + "\") on " + testClass + ": ${" + name + "} is "
                            + (values.containsKey(name)
                                    ? "not set for the " + location.store() + " flag store"
                                    : "unknown")
                            + "; use one of " + available(values));
                }
                matcher.appendReplacement(text, Matcher.quoteReplacement(replacement));
            }
            matcher.appendTail(text);
            resolved.put(key, text.toString());
        });
        return resolved;
    }

    static Map<String, String> values(FlagLocation location) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("appconfig.application", location.application());
        values.put("appconfig.environment", location.environment());
        values.put("appconfig.profile", location.profile());
        values.put("appconfig.applicationId", location.applicationId());
        values.put("appconfig.environmentId", location.environmentId());
        values.put("appconfig.profileId", location.profileId());
        values.put("ssm.parameter", location.store().equals(FlagStores.SSM) ? location.parameter() : "");
        values.put("env.prefix", location.store().equals(FlagStores.ENV) ? location.parameter() : "");
        return values;
    }

    private static String available(Map<String, String> values) {
        StringBuilder text = new StringBuilder();
        values.forEach((name, value) -> {
            if (!value.isEmpty()) {
                text.append(text.length() == 0 ? "" : ", ")
                        .append("${")
                        .append(name)
                        .append('}');
            }
        });
        return text.toString();
    }
}
