package dev.keysmith.engine.partiql;

import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.Capacity;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;

/** Adds up the consumed capacity of the operations one statement ran. */
final class CapacitySum {
    private CapacitySum() {}

    static @Nullable ConsumedCapacity add(@Nullable ConsumedCapacity a, @Nullable ConsumedCapacity b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        return ConsumedCapacity.builder()
                .tableName(a.tableName())
                .capacityUnits(sum(a.capacityUnits(), b.capacityUnits()))
                .readCapacityUnits(sum(a.readCapacityUnits(), b.readCapacityUnits()))
                .writeCapacityUnits(sum(a.writeCapacityUnits(), b.writeCapacityUnits()))
                .table(add(a.table(), b.table()))
                .localSecondaryIndexes(add(a.localSecondaryIndexes(), b.localSecondaryIndexes()))
                .globalSecondaryIndexes(add(a.globalSecondaryIndexes(), b.globalSecondaryIndexes()))
                .build();
    }

    private static @Nullable Double sum(@Nullable Double a, @Nullable Double b) {
        if (a == null) {
            return b;
        }
        return b == null ? a : a + b;
    }

    private static @Nullable Capacity add(@Nullable Capacity a, @Nullable Capacity b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        return Capacity.builder()
                .capacityUnits(sum(a.capacityUnits(), b.capacityUnits()))
                .readCapacityUnits(sum(a.readCapacityUnits(), b.readCapacityUnits()))
                .writeCapacityUnits(sum(a.writeCapacityUnits(), b.writeCapacityUnits()))
                .build();
    }

    private static @Nullable Map<String, Capacity> add(Map<String, Capacity> a, Map<String, Capacity> b) {
        if (a.isEmpty() && b.isEmpty()) {
            return null;
        }
        Map<String, Capacity> out = new HashMap<>(a);
        b.forEach((k, v) -> out.merge(k, v, CapacitySum::add));
        return out;
    }
}
