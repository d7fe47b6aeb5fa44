package io.github.flagtest.core;

import io.github.flagtest.shaded.jackson.core.JsonProcessingException;
import io.github.flagtest.shaded.jackson.databind.JsonNode;
import io.github.flagtest.shaded.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A team's flag definitions, read from an AWS AppConfig feature-flag document in either form:
 *
 * <ul>
 *   <li>the stored form, {@code {"version":"1","flags":{...},"values":{...}}}, with descriptions,
 *       {@code _deprecation} and {@code _createdAt};
 *   <li>the retrieval form that clients get back, {@code {"flag":{"enabled":true}}}.
 * </ul>
 *
 * <pre>{@code
 * FlagCatalog catalog = FlagCatalog.load(Path.of("flags/prod.json"));
 * catalog.get("loyalty-points").map(FlagDefinition::defaultValue); // Optional[false]
 * }</pre>
 *
 * @since 0.1.0
 */
public final class FlagCatalog {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String source;
    private final String text;
    /** The document's tree when it is in the stored form (StoredForm copies it before writing); else null. */
    private final JsonNode stored;

    private final Map<String, FlagDefinition> definitions;

    private FlagCatalog(String source, String text, Map<String, FlagDefinition> definitions) {
        this.source = source;
        this.text = text;
        this.stored = storedTree(text, source);
        this.definitions = Collections.unmodifiableMap(new LinkedHashMap<>(definitions));
    }

    /**
     * Reads the document at {@code document}.
     *
     * @param document the document's path
     * @return the catalog
     * @throws FlagTestException if the file cannot be read, or is malformed (the message names the
     *     JSON path or line of the error)
     */
    public static FlagCatalog load(Path document) {
        String json;
        try {
            json = Files.readString(document);
        } catch (IOException e) {
            throw new FlagTestException("Cannot read flag document " + document + ": " + e, e);
        }
        return parse(json, document.toString());
    }

    /**
     * Parses {@code json}; {@code sourceName} names it in error messages.
     *
     * @param json the document
     * @param sourceName the name of the document in messages
     * @return the catalog
     * @throws FlagTestException if the document is malformed (the message names the JSON path)
     */
    public static FlagCatalog parse(String json, String sourceName) {
        return new FlagCatalog(sourceName, json, FlagDocumentParser.parse(json, sourceName));
    }

    /**
     * Finds the document at {@code location}: on the class path of {@code loader} first, then as a
     * file path (how {@code flagtest.catalog}, {@code flagtest.profile} and {@code @LambdaE2E(flags)}
     * are resolved).
     *
     * @param location a class path resource or a file path
     * @param loader the class loader to look in first
     * @return the catalog
     * @throws FlagTestException if it is in neither place (the message names both) or is malformed
     */
    public static FlagCatalog locate(String location, ClassLoader loader) {
        String resource = location.startsWith("/") ? location.substring(1) : location;
        java.net.URL url = loader == null ? null : loader.getResource(resource);
        if (url != null) {
            try (java.io.InputStream in = url.openStream()) {
                return parse(
                        new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8),
                        "classpath:" + resource);
            } catch (IOException e) {
                throw new FlagTestException("Cannot read flag document " + url + ": " + e, e);
            }
        }
        Path file = Path.of(location).toAbsolutePath();
        if (Files.isRegularFile(file)) {
            return load(file);
        }
        throw new FlagTestException("no such flag document on the test class path (classpath:" + resource
                + ") nor as a file (" + file + "); fix the path or add the document to src/test/resources");
    }

    /**
     * Where the document came from, as given to {@link #load} or {@link #parse}.
     *
     * @return the document's source name
     */
    public String source() {
        return source;
    }

    /**
     * Every flag name, in document order.
     *
     * @return the flag names
     */
    public Set<String> names() {
        return definitions.keySet();
    }

    /**
     * The definition of {@code flag}, if the document has it.
     *
     * @param flag the flag name
     * @return the definition, or empty
     */
    public Optional<FlagDefinition> get(String flag) {
        return Optional.ofNullable(definitions.get(flag));
    }

    /**
     * Each flag's value in the document, with its attribute values, as a state.
     *
     * @return the catalog's default state
     */
    public FlagState defaults() {
        Map<String, Object> values = new LinkedHashMap<>();
        definitions.forEach((name, definition) -> values.put(name, definition.defaultValue()));
        FlagState state = FlagState.of(values);
        for (FlagDefinition definition : definitions.values()) {
            for (Map.Entry<String, Object> attribute : definition.attributes().entrySet()) {
                state = state.withAttribute(definition.name(), attribute.getKey(), attribute.getValue());
            }
        }
        return state;
    }

    /**
     * The declared type (string, number, boolean, array) of {@code flag}'s attribute {@code attribute}.
     *
     * @param flag the flag name
     * @param attribute the attribute name
     * @return the declared type, or empty when the catalog declares none
     */
    public Optional<String> attributeType(String flag, String attribute) {
        return get(flag).map(definition -> definition.attributeTypes().get(attribute));
    }

    /**
     * Whether the document is in AWS's stored form ({@code {"version": "1", "flags": ..., "values":
     * ...}}), the form a hosted configuration version holds.
     *
     * @return {@code true} for the stored form, {@code false} for the retrieval form
     * @since 0.1.0
     */
    public boolean isStoredForm() {
        return stored != null;
    }

    /**
     * The stored-form document AppConfig would hold for {@code state}: this document's own text when
     * the state is its {@link #defaults()} (uploaded as the team wrote it), else the state written
     * onto this document's declarations, flags and attributes it lacks declared with the type of
     * their values.
     *
     * @param state the flag state to write
     * @return the stored-form JSON document
     * @throws FlagTestException naming this document and the JSON path when AppConfig would refuse
     *     the result (an attribute value that breaks its declared constraints, for example)
     * @since 0.1.0
     */
    public String storedDocument(FlagState state) {
        if (isStoredForm() && state.equals(defaults())) {
            return text;
        }
        String document = StoredForm.write(stored, state).toString();
        List<String> problems = FlagDocumentRules.problems(document);
        if (!problems.isEmpty()) {
            throw new FlagTestException(source + " with the flag state " + state + ": " + String.join("; ", problems)
                    + "; AppConfig would refuse this document: fix the value or the flag's declared constraints");
        }
        return document;
    }

    /**
     * What AppConfig would refuse in {@link #storedDocument(FlagState)} for {@code state}, each
     * "JSON path: what is wrong" (an attribute value outside its declared constraints, for
     * example); empty when it would accept it.
     *
     * @param state the flag state to check
     * @return the problems, each "JSON path: what is wrong"; empty when none
     * @since 0.1.0
     */
    public List<String> problems(FlagState state) {
        return FlagDocumentRules.problems(StoredForm.write(stored, state).toString());
    }

    /** {@code text}'s tree if it is in the stored form (a {@code "version"} that is no flag), else null. */
    private static JsonNode storedTree(String text, String source) {
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new FlagTestException(source + ": malformed JSON", e); // the parser has checked it
        }
        return root != null && root.has("version") && !root.get("version").isObject() ? root : null;
    }

    /**
     * The name closest to {@code unknown} (for "did you mean ..."), if one is reasonably close.
     *
     * @param unknown a name the catalog does not declare
     * @return the closest declared name, or empty
     */
    public Optional<String> closestName(String unknown) {
        return definitions.keySet().stream()
                .min(Comparator.comparingInt((String name) -> Names.distance(name, unknown))
                        .thenComparing(Comparator.naturalOrder()))
                .filter(name -> Names.distance(name, unknown) <= Math.max(2, unknown.length() / 3));
    }

    @Override
    public String toString() {
        return "FlagCatalog[" + source + ", " + definitions.size() + " flags]";
    }
}
