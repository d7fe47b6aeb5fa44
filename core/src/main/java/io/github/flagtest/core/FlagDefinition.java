package io.github.flagtest.core;

import java.time.Instant;
import java.util.Optional;

/**
 * One flag as a {@link FlagCatalog} declares it.
 *
 * @param name the flag name (the key in the document)
 * @param defaultValue its value in the document: a Boolean, or the default variant String
 * @param description the description, empty if the document has none
 * @param deprecated whether the document marks it with {@code _deprecation}
 * @param createdAt the document's {@code _createdAt}, if present
 * @since 0.1.0
 */
public record FlagDefinition(
        String name, Object defaultValue, String description, boolean deprecated, Optional<Instant> createdAt) {}
