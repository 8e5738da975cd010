package dev.keysmith.engine.partiql;

import dev.keysmith.engine.error.Errors;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/** The key attributes of a table or index, read from DescribeTable. */
record KeySchema(String hash, @Nullable String range, Map<String, String> types) {

    List<String> names() {
        return range == null ? List.of(hash) : List.of(hash, range);
    }

    boolean isKey(String name) {
        return name.equals(hash) || name.equals(range);
    }

    /** The schema of the table, or of {@code index} if given; a missing table or index is ResourceNotFound. */
    static KeySchema of(DynamoDbClient engine, String table, @Nullable String index) {
        TableDescription d;
        try {
            d = engine.describeTable(b -> b.tableName(table)).table();
        } catch (ResourceNotFoundException e) {
            throw Errors.tableNotFoundDataPlane();
        }
        Map<String, String> types = new HashMap<>();
        for (AttributeDefinition a : d.attributeDefinitions()) {
            types.put(a.attributeName(), a.attributeTypeAsString());
        }
        if (index == null) {
            return from(d.keySchema(), types);
        }
        for (var g : d.globalSecondaryIndexes()) {
            if (g.indexName().equals(index)) {
                return from(g.keySchema(), types);
            }
        }
        for (var l : d.localSecondaryIndexes()) {
            if (l.indexName().equals(index)) {
                return from(l.keySchema(), types);
            }
        }
        throw Errors.validation("The table does not have the specified index: " + index);
    }

    private static KeySchema from(List<KeySchemaElement> elements, Map<String, String> types) {
        String hash = null;
        String range = null;
        for (KeySchemaElement e : elements) {
            if (e.keyType() == KeyType.HASH) {
                hash = e.attributeName();
            } else {
                range = e.attributeName();
            }
        }
        return new KeySchema(java.util.Objects.requireNonNull(hash), range, Map.copyOf(types));
    }
}
