package dev.keysmith.modeler.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A (non-key or key) attribute an entity type or table declares.
 *
 * @param required whether every item of the entity type has it
 * @param generator how sample values are produced, or null for the default for its type
 * @param typicalSizeBytes typical size of the value in bytes (DynamoDB item-size rules), or null when unknown
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AttributeSpec(
        @JsonProperty("name") String name,
        @JsonProperty("type") AttributeType type,
        @JsonProperty("required") boolean required,
        @JsonProperty("generator") @Nullable GeneratorSpec generator,
        @JsonProperty("typicalSizeBytes") @Nullable Integer typicalSizeBytes) {

    public AttributeSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
    }

    /** An optional attribute with no generator and no size hint. */
    public static AttributeSpec of(String name, AttributeType type) {
        return new AttributeSpec(name, type, false, null, null);
    }

    public AttributeSpec withType(AttributeType type) {
        return new AttributeSpec(name, type, required, generator, typicalSizeBytes);
    }

    public AttributeSpec withRequired(boolean required) {
        return new AttributeSpec(name, type, required, generator, typicalSizeBytes);
    }

    public AttributeSpec withGenerator(@Nullable GeneratorSpec generator) {
        return new AttributeSpec(name, type, required, generator, typicalSizeBytes);
    }

    public AttributeSpec withTypicalSizeBytes(@Nullable Integer typicalSizeBytes) {
        return new AttributeSpec(name, type, required, generator, typicalSizeBytes);
    }
}
