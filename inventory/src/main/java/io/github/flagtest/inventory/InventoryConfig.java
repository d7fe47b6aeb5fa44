package io.github.flagtest.inventory;

import io.github.flagtest.shaded.jackson.core.JsonProcessingException;
import io.github.flagtest.shaded.jackson.databind.JsonNode;
import io.github.flagtest.shaded.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The inventory's configuration file: which accounts and regions to read, which applications, how
 * many days make a retirement signal, and which repository document each environment should match.
 * It never holds credentials: a source names a {@code profile} of the shared credentials file, a
 * {@code roleArn} to assume, or neither (the SDK's default chain).
 *
 * <pre>{@code
 * {"sources": [{"name": "prod", "region": "eu-west-1", "profile": "prod-ro"},
 *              {"name": "stg", "region": "eu-west-1", "roleArn": "arn:aws:iam::111122223333:role/flag-reader"}],
 *  "applications": [], "retireAfterDays": 28, "repository": {"prod": "flags/prod.json"}}
 * }</pre>
 *
 * @param sources the accounts and regions to read, in the file's order
 * @param applications the application names to read; empty for all
 * @param retireAfterDays how long a flag must be ON (or OFF) everywhere to be a retirement candidate
 * @param repository environment name to a document in the repository, for drift
 * @since 0.1.0
 */
public record InventoryConfig(
        List<Source> sources, List<String> applications, int retireAfterDays, Map<String, String> repository) {

    /** The default of {@code retireAfterDays}: four weeks. */
    public static final int DEFAULT_RETIRE_AFTER_DAYS = 28;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> TOP_KEYS = Set.of("sources", "applications", "retireAfterDays", "repository");
    private static final Set<String> SOURCE_KEYS =
            Set.of("name", "region", "profile", "roleArn", "endpoint", "organization");
    /** IAM's role name pattern (https://docs.aws.amazon.com/IAM/latest/APIReference/API_CreateRole.html). */
    private static final String ROLE_NAME = "[\\w+=,.@-]{1,64}";
    /** Keys that would put a secret in the file: refused with their own message. */
    private static final Set<String> CREDENTIAL_KEYS = Set.of(
            "accesskeyid",
            "aws_access_key_id",
            "secretaccesskey",
            "aws_secret_access_key",
            "sessiontoken",
            "aws_session_token",
            "credentials",
            "password",
            "secret");

    /**
     * One account and region to read.
     *
     * @param name the source's name in the output and the report's columns
     * @param region the AWS region, e.g. {@code eu-west-1}
     * @param profile a named profile of the shared credentials/config files
     * @param roleArn a role to assume through STS (with the profile's or the default credentials)
     * @param endpoint an endpoint override (LocalStack, Floci, the embedded backend)
     * @param organization read every active account of the AWS Organization these credentials list,
     *     through a role of this name in each; empty for one account
     */
    public record Source(
            String name,
            String region,
            Optional<String> profile,
            Optional<String> roleArn,
            Optional<URI> endpoint,
            Optional<Organization> organization) {

        /**
         * One account and region, without an organization.
         *
         * @param name the source's name
         * @param region the AWS region
         * @param profile a named profile
         * @param roleArn a role to assume
         * @param endpoint an endpoint override
         */
        public Source(
                String name,
                String region,
                Optional<String> profile,
                Optional<String> roleArn,
                Optional<URI> endpoint) {
            this(name, region, profile, roleArn, endpoint, Optional.empty());
        }
    }

    /**
     * The accounts of an AWS Organization: Organizations {@code ListAccounts} with the source's
     * credentials (the management account's, or a delegated administrator's), then the role {@code
     * roleName} assumed in each active account. Each account becomes a source named {@code
     * <source>/<account name>}.
     *
     * @param roleName the read-only role every member account has, e.g. {@code flag-reader}
     */
    public record Organization(String roleName) {}

    /**
     * A config with unmodifiable copies of the lists and the map.
     *
     * @param sources the accounts and regions to read
     * @param applications the application names to read; empty for all
     * @param retireAfterDays the days that make a retirement signal
     * @param repository environment name to a document in the repository
     */
    public InventoryConfig {
        sources = List.copyOf(sources);
        applications = List.copyOf(applications);
        repository = Map.copyOf(repository);
    }

    /**
     * Reads and checks {@code file}.
     *
     * @param file the config file
     * @return the checked config
     * @throws InventoryConfigException naming the file, the key and what is allowed
     */
    public static InventoryConfig read(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new InventoryConfigException(file + ": cannot read the inventory config: " + e.getMessage());
        }
        return parse(text, file.toString());
    }

    /**
     * Parses and checks a config document; {@code name} appears in the messages.
     *
     * @param json the config document
     * @param name the document's name in messages
     * @return the checked config
     */
    public static InventoryConfig parse(String json, String name) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new InventoryConfigException(name + ": not JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new InventoryConfigException(name + ": the inventory config must be a JSON object with \"sources\"");
        }
        unknownKeys(root, TOP_KEYS, name, "");
        JsonNode sourcesNode = root.path("sources");
        if (!sourcesNode.isArray() || sourcesNode.isEmpty()) {
            throw new InventoryConfigException(name + ": \"sources\" must be a non-empty array of "
                    + "{\"name\", \"region\", and \"profile\", \"roleArn\" or \"endpoint\" as needed}");
        }
        List<Source> sources = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < sourcesNode.size(); i++) {
            Source source = source(sourcesNode.get(i), name + ": sources[" + i + "]");
            if (!names.add(source.name())) {
                throw new InventoryConfigException(name + ": sources[" + i + "]: the name '" + source.name()
                        + "' is used twice; source names must be unique");
            }
            sources.add(source);
        }
        List<String> applications = new ArrayList<>();
        JsonNode apps = root.path("applications");
        if (!apps.isMissingNode() && !apps.isNull()) {
            if (!apps.isArray()) {
                throw new InventoryConfigException(
                        name + ": \"applications\" must be an array of application names (empty for all)");
            }
            apps.forEach(app -> applications.add(text(app, name + ": applications[]")));
        }
        int retireAfterDays = DEFAULT_RETIRE_AFTER_DAYS;
        JsonNode days = root.path("retireAfterDays");
        if (!days.isMissingNode() && !days.isNull()) {
            if (!days.canConvertToInt() || !days.isIntegralNumber() || days.asInt() < 1) {
                throw new InventoryConfigException(
                        name + ": \"retireAfterDays\" must be a whole number of days, at least 1; was " + days);
            }
            retireAfterDays = days.asInt();
        }
        Map<String, String> repository = new LinkedHashMap<>();
        JsonNode repo = root.path("repository");
        if (!repo.isMissingNode() && !repo.isNull()) {
            if (!repo.isObject()) {
                throw new InventoryConfigException(
                        name
                                + ": \"repository\" must map an environment name to a document, e.g. {\"prod\": \"flags/prod.json\"}");
            }
            repo.fields()
                    .forEachRemaining(
                            e -> repository.put(e.getKey(), text(e.getValue(), name + ": repository." + e.getKey())));
        }
        return new InventoryConfig(sources, applications, retireAfterDays, repository);
    }

    private static Source source(JsonNode node, String where) {
        if (!node.isObject()) {
            throw new InventoryConfigException(where + ": must be an object with \"name\" and \"region\"");
        }
        unknownKeys(node, SOURCE_KEYS, where, "a source ");
        String sourceName = text(node.path("name"), where + ".name");
        String region = text(node.path("region"), where + ".region");
        if (!region.matches("[a-z]{2}(-[a-z]+)+-\\d+")) {
            throw new InventoryConfigException(
                    where + ".region: '" + region + "' is not an AWS region name such as eu-west-1");
        }
        Optional<String> profile = optionalText(node, "profile", where);
        Optional<String> roleArn = optionalText(node, "roleArn", where);
        roleArn.ifPresent(arn -> {
            if (!arn.matches("arn:aws[a-z-]*:iam::\\d{12}:role/.+")) {
                throw new InventoryConfigException(where + ".roleArn: '" + arn
                        + "' is not an IAM role ARN such as arn:aws:iam::111122223333:role/flag-reader");
            }
        });
        Optional<URI> endpoint = optionalText(node, "endpoint", where).map(text -> {
            try {
                URI uri = new URI(text);
                if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
                    throw new URISyntaxException(text, "not an http(s) URL with a host");
                }
                return uri;
            } catch (URISyntaxException e) {
                throw new InventoryConfigException(
                        where + ".endpoint: '" + text + "' is not an http(s) URL such as http://127.0.0.1:4566");
            }
        });
        Optional<Organization> organization = Optional.empty();
        JsonNode org = node.path("organization");
        if (!org.isMissingNode() && !org.isNull()) {
            String at = where + ".organization";
            if (!org.isObject()) {
                throw new InventoryConfigException(at + ": must be an object such as {\"roleName\": \"flag-reader\"}");
            }
            unknownKeys(org, Set.of("roleName"), at, "an organization ");
            String roleName = text(org.path("roleName"), at + ".roleName");
            if (!roleName.matches(ROLE_NAME)) {
                throw new InventoryConfigException(at + ".roleName: '" + roleName
                        + "' is not an IAM role name (letters, digits and +=,.@_-, at most 64)");
            }
            if (roleArn.isPresent()) {
                throw new InventoryConfigException(at + ": a source lists its organization's accounts with its own"
                        + " credentials (\"profile\" or the default chain) and assumes roleName in each; drop"
                        + " \"roleArn\" here, or give the organization's management account its own profile");
            }
            organization = Optional.of(new Organization(roleName));
        }
        return new Source(sourceName, region, profile, roleArn, endpoint, organization);
    }

    private static void unknownKeys(JsonNode node, Set<String> allowed, String where, String what) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (CREDENTIAL_KEYS.contains(key.toLowerCase(Locale.ROOT))) {
                throw new InventoryConfigException(where + ": \"" + key + "\" looks like a credential; the inventory "
                        + "config never holds credentials: name a \"profile\" of the shared credentials file, "
                        + "a \"roleArn\" to assume, or use the SDK's default chain");
            }
            if (!allowed.contains(key)) {
                throw new InventoryConfigException(where + ": unknown key \"" + key + "\"; " + what + "may have "
                        + String.join(", ", allowed.stream().sorted().toList()));
            }
        }
    }

    private static Optional<String> optionalText(JsonNode node, String key, String where) {
        JsonNode value = node.path(key);
        return value.isMissingNode() || value.isNull() ? Optional.empty() : Optional.of(text(value, where + "." + key));
    }

    private static String text(JsonNode value, String where) {
        if (!value.isTextual() || value.asText().isBlank()) {
            throw new InventoryConfigException(
                    where + ": must be a non-blank string" + (value.isMissingNode() ? " and is missing" : ""));
        }
        return value.asText();
    }
}
