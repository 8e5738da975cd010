package dev.keysmith.engine.differential;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The nested paths a random update writes ({@code m.x}, {@code l[1]}), one per top-level attribute. For ReturnValues
 * UPDATED_OLD / UPDATED_NEW, DynamoDB returns only those paths within their top-level attribute, while DynamoDB Local
 * returns the whole attribute (KnownDifferencesTest#updatedNewOfANestedPath_returnsOnlyThatPath); both answers are
 * compared restricted to the paths, and ItemOperationsTest checks Keysmith's exact shape.
 */
final class UpdatedPaths {
    /** A top-level attribute and the map key (String) or list index (Integer) under it. */
    private record Path(String attribute, Object step) {}

    private final Map<String, Path> paths = new LinkedHashMap<>();

    void add(String attribute, Object step) {
        paths.put(attribute, new Path(attribute, step));
    }

    /** The returned attributes with each nested written path's attribute cut down to that path. */
    Map<String, AttributeValue> project(Map<String, AttributeValue> attributes) {
        Map<String, AttributeValue> result = new LinkedHashMap<>();
        attributes.forEach((name, value) -> {
            Path path = paths.get(name);
            AttributeValue projected = path == null ? value : below(value, path.step());
            if (projected != null) {
                result.put(name, projected);
            }
        });
        return result;
    }

    private static @Nullable AttributeValue below(AttributeValue value, Object step) {
        return switch (step) {
            case String key
            when value.hasM() && value.m().containsKey(key) ->
                AttributeValue.fromM(Map.of(key, value.m().get(key)));
            case Integer index
            when value.hasL() && index < value.l().size() ->
                AttributeValue.fromL(List.of(value.l().get(index)));
            default -> null;
        };
    }
}
