package dev.keysmith.modeler.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A sample item of a table.
 *
 * @param entityType the entity type it belongs to, or null when not assigned
 * @param attributes the item in DynamoDB JSON form ({@code {"PK": {"S": "USER#1"}, "age": {"N": "42"}}}) as plain Java
 *     values (maps, lists, strings, booleans, numbers), kept as imported
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SampleItem(
        @JsonProperty("entityType") @Nullable String entityType,
        @JsonProperty("attributes") Map<String, Object> attributes) {

    public SampleItem {
        attributes = attributes == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
    }
}
