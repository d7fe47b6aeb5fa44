package io.github.flagtest.core;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One flag as a {@link FlagCatalog} declares it.
 *
 * @param name the flag name (the key in the document)
 * @param defaultValue its value in the document: a Boolean, the default variant String, or {@link
 *     Variants}
 * @param description the description, empty if the document has none
 * @param deprecated whether the document marks it with {@code _deprecation}
 * @param createdAt the document's {@code _createdAt}, if present
 * @param attributes a basic flag's attribute values in the document ({@code "checkout": {"enabled":
 *     true, "maxItems": 5}} has {@code maxItems=5}); a multi-variant flag's are in its variants
 * @param attributeTypes each declared attribute's {@code constraints.type} (string, number, boolean,
 *     array), in the stored form
 * @since 0.1.0
 */
public record FlagDefinition(
        String name,
        Object defaultValue,
        String description,
        boolean deprecated,
        Optional<Instant> createdAt,
        Map<String, Object> attributes,
        Map<String, String> attributeTypes) {

    /**
     * Compact canonical constructor: keeps unmodifiable copies, checking each attribute value.
     *
     * @param name the flag name
     * @param defaultValue its value in the document
     * @param description the description, empty if none
     * @param deprecated whether the document marks it deprecated
     * @param createdAt the document's {@code _createdAt}, if present
     * @param attributes a basic flag's attribute values
     * @param attributeTypes each declared attribute's type
     */
    public FlagDefinition {
        Map<String, Object> checked = new LinkedHashMap<>();
        attributes.forEach((attribute, value) -> checked.put(
                attribute, AttributeValues.check("Attribute '" + attribute + "' of flag '" + name + "'", value)));
        attributes = Collections.unmodifiableMap(checked);
        attributeTypes = Collections.unmodifiableMap(new LinkedHashMap<>(attributeTypes));
    }

    /**
     * A flag without attribute values or declarations.
     *
     * @param name the flag name
     * @param defaultValue its value in the document
     * @param description the description, empty if none
     * @param deprecated whether the document marks it deprecated
     * @param createdAt the document's {@code _createdAt}, if present
     */
    public FlagDefinition(
            String name, Object defaultValue, String description, boolean deprecated, Optional<Instant> createdAt) {
        this(name, defaultValue, description, deprecated, createdAt, Map.of(), Map.of());
    }
}
