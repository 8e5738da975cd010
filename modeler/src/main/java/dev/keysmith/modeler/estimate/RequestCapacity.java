package dev.keysmith.modeler.estimate;

import java.util.Map;

/**
 * The capacity one execution of an access pattern consumes, shaped like DynamoDB's {@code ConsumedCapacity} with
 * {@code ReturnConsumedCapacity: INDEXES}: the base table's units, each index's units and their total. For a Query or
 * Scan that needs several 1 MB pages, the units of all {@code requests} pages are summed.
 *
 * @param write true for write units (WCU/WRU), false for read units (RCU/RRU)
 */
public record RequestCapacity(
        double total,
        double table,
        Map<String, Double> globalSecondaryIndexes,
        Map<String, Double> localSecondaryIndexes,
        long requests,
        boolean write) {

    public RequestCapacity {
        globalSecondaryIndexes = Map.copyOf(globalSecondaryIndexes);
        localSecondaryIndexes = Map.copyOf(localSecondaryIndexes);
    }

    /** Units charged to the base table's capacity: the table's own plus every local index's. */
    public double tableCapacity() {
        return table
                + localSecondaryIndexes.values().stream()
                        .mapToDouble(Double::doubleValue)
                        .sum();
    }

    public String unit() {
        return write ? "WCU" : "RCU";
    }
}
