package dev.keysmith.modeler.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A sample item of a table.
 *
 * @param entityType the entity type it belongs to, or null when not assigned
 * @param attributes the item in DynamoDB JSON form ({@code {"PK": {"S": "USER#1"}, "age": {"N": "42"}}}) as plain Java
 *     values (maps, lists, strings, booleans, numbers), kept as imported; nested maps and lists are copied and
 *     unmodifiable
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SampleItem(
        @JsonProperty("entityType") @Nullable String entityType,
        @JsonProperty("attributes") Map<String, Object> attributes) {

    public SampleItem {
        attributes = attributes == null ? Map.of() : freeze(attributes);
    }

    private static Map<String, Object> freeze(Map<?, ?> map) {
        Map<String, Object> copy = new LinkedHashMap<>();
        map.forEach((key, value) -> copy.put(String.valueOf(key), freezeValue(value)));
        return Collections.unmodifiableMap(copy);
    }

    private static @Nullable Object freezeValue(@Nullable Object value) {
        if (value instanceof Map<?, ?> map) {
            return freeze(map);
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>();
            list.forEach(element -> copy.add(freezeValue(element)));
            return Collections.unmodifiableList(copy);
        }
        return value;
    }
}
