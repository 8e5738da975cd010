package dev.keysmith.engine.table;

import java.util.List;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughput;

/** Validation of request shapes shared by several control-plane actions, and DynamoDB's way of printing them. */
final class Shapes {
    static final List<String> KEY_TYPES = List.of("HASH", "RANGE");
    static final List<String> ATTRIBUTE_TYPES = List.of("B", "N", "S");
    static final List<String> PROJECTION_TYPES = List.of("ALL", "INCLUDE", "KEYS_ONLY");
    static final List<String> BILLING_MODES = List.of("PROVISIONED", "PAY_PER_REQUEST");
    static final List<String> TABLE_CLASSES = List.of("STANDARD", "STANDARD_INFREQUENT_ACCESS");
    static final List<String> STREAM_VIEW_TYPES = List.of("NEW_IMAGE", "OLD_IMAGE", "NEW_AND_OLD_IMAGES", "KEYS_ONLY");
    static final int MAX_NAME = 255;
    /** dynalite's (live-tested) upper bound on a capacity value. */
    static final long MAX_CAPACITY = 1_000_000_000_000L;

    private Shapes() {}

    /** A key schema list; {@code checkKeyType} is false for index key schemas, whose key types are checked later. */
    static void keySchema(
            Constraints c, String path, List<KeySchemaElement> keys, boolean present, boolean checkKeyType) {
        if (!c.notNull(path, present ? keys : null)) {
            return;
        }
        c.size(path, keys, render(keys), 1, 2);
        for (int i = 0; i < keys.size(); i++) {
            KeySchemaElement k = keys.get(i);
            String member = Constraints.member(path, i);
            c.notNull(member + ".attributeName", k.attributeName());
            c.length(member + ".attributeName", k.attributeName(), 1, MAX_NAME);
            c.notNull(member + ".keyType", k.keyTypeAsString());
            if (checkKeyType) {
                c.oneOf(member + ".keyType", k.keyTypeAsString(), KEY_TYPES);
            }
        }
    }

    static void throughput(Constraints c, String path, ProvisionedThroughput pt) {
        c.notNull(path + ".readCapacityUnits", pt.readCapacityUnits());
        c.atLeast(path + ".readCapacityUnits", pt.readCapacityUnits(), 1);
        c.notNull(path + ".writeCapacityUnits", pt.writeCapacityUnits());
        c.atLeast(path + ".writeCapacityUnits", pt.writeCapacityUnits(), 1);
    }

    /** The out-of-bounds message for capacity, or null. */
    static @org.jspecify.annotations.Nullable String capacityOutOfBounds(ProvisionedThroughput pt, String suffix) {
        if (pt.readCapacityUnits() != null && pt.readCapacityUnits() > MAX_CAPACITY) {
            return "Given value " + pt.readCapacityUnits() + " for ReadCapacityUnits is out of bounds" + suffix;
        }
        if (pt.writeCapacityUnits() != null && pt.writeCapacityUnits() > MAX_CAPACITY) {
            return "Given value " + pt.writeCapacityUnits() + " for WriteCapacityUnits is out of bounds" + suffix;
        }
        return null;
    }

    /** DynamoDB prints a key schema list as its Java model objects: {@code [KeySchemaElement(attributeName=pk, keyType=HASH)]}. */
    static String render(List<KeySchemaElement> keys) {
        return keys.stream()
                .map(k -> "KeySchemaElement(attributeName=" + k.attributeName() + ", keyType=" + k.keyTypeAsString()
                        + ")")
                .collect(Collectors.joining(", ", "[", "]"));
    }

    /** The TableName of every control-plane action but CreateTable: required, 1 to 255 characters, the name pattern. */
    static void tableName(Constraints c, @org.jspecify.annotations.Nullable String name) {
        c.notNull("tableName", name);
        c.name("tableName", name, 1, MAX_NAME);
    }
}
