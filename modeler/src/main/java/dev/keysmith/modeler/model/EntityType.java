package dev.keysmith.modeler.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.keysmith.modeler.template.KeyTemplate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One kind of item stored in a table (a NoSQL Workbench "facet").
 *
 * @param keyTemplates key attribute name to the template of its values; covers the table keys and every index key
 *     attribute this entity type populates (an entity without a template for a GSI key is not in that sparse index)
 * @param attributes the non-key attributes (key attributes may be listed too, to give them a generator or size)
 */
public record EntityType(
        @JsonProperty("name") String name,
        @JsonProperty("keyTemplates") Map<String, KeyTemplate> keyTemplates,
        @JsonProperty("attributes") List<AttributeSpec> attributes,
        @JsonProperty("volume") Volume volume) {

    public EntityType {
        Objects.requireNonNull(name, "name");
        keyTemplates = keyTemplates == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(keyTemplates));
        attributes = attributes == null ? List.of() : List.copyOf(attributes);
        volume = volume == null ? Volume.NONE : volume;
    }

    public static EntityType of(String name, Map<String, KeyTemplate> keyTemplates, List<AttributeSpec> attributes) {
        return new EntityType(name, keyTemplates, attributes, Volume.NONE);
    }

    public Optional<KeyTemplate> keyTemplate(String keyAttributeName) {
        return Optional.ofNullable(keyTemplates.get(keyAttributeName));
    }

    public Optional<AttributeSpec> attribute(String attributeName) {
        return attributes.stream().filter(a -> a.name().equals(attributeName)).findFirst();
    }

    public EntityType withName(String name) {
        return new EntityType(name, keyTemplates, attributes, volume);
    }

    public EntityType withKeyTemplates(Map<String, KeyTemplate> keyTemplates) {
        return new EntityType(name, keyTemplates, attributes, volume);
    }

    public EntityType withAttributes(List<AttributeSpec> attributes) {
        return new EntityType(name, keyTemplates, attributes, volume);
    }

    public EntityType withVolume(Volume volume) {
        return new EntityType(name, keyTemplates, attributes, volume);
    }
}
