package dev.keysmith.engine.op;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.Capacity;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;

/**
 * Capacity consumed by one request on one table, split into the table and each index, metered by DynamoDB's rules:
 * reads in 4 KB units (eventually consistent half, transactional double), writes in 1 KB units (transactional double),
 * and a minimum of one unit.
 */
public final class Meter {
    public static final int READ_UNIT_BYTES = 4096;
    public static final int WRITE_UNIT_BYTES = 1024;

    private final String tableName;
    private final boolean write;
    private double table;
    private final Map<String, Double> globalIndexes = new LinkedHashMap<>();
    private final Map<String, Double> localIndexes = new LinkedHashMap<>();

    public Meter(String tableName, boolean write) {
        this.tableName = tableName;
        this.write = write;
    }

    /** Read units for {@code bytes} read: {@code ceil(bytes / 4 KB)}, at least 1, times 0.5, 1 or 2. */
    public static double readUnits(long bytes, ReadMode mode) {
        long units = Math.max(1, (bytes + READ_UNIT_BYTES - 1) / READ_UNIT_BYTES);
        return units * mode.factor;
    }

    /** Write units for an item of {@code bytes}: {@code ceil(bytes / 1 KB)}, at least 1. */
    public static double writeUnits(long bytes) {
        return Math.max(1, (bytes + WRITE_UNIT_BYTES - 1) / WRITE_UNIT_BYTES);
    }

    public void addTable(double units) {
        table += units;
    }

    public void addIndex(String index, boolean global, double units) {
        (global ? globalIndexes : localIndexes).merge(index, units, Double::sum);
    }

    public double total() {
        double total = table;
        for (double v : globalIndexes.values()) {
            total += v;
        }
        for (double v : localIndexes.values()) {
            total += v;
        }
        return total;
    }

    public double tableUnits() {
        return table;
    }

    public Map<String, Double> globalIndexUnits() {
        return globalIndexes;
    }

    public Map<String, Double> localIndexUnits() {
        return localIndexes;
    }

    /** The response member for {@code ReturnConsumedCapacity}; null for NONE (the member is omitted). */
    public @Nullable ConsumedCapacity toResponse(@Nullable ReturnConsumedCapacity mode) {
        if (mode == null
                || mode == ReturnConsumedCapacity.NONE
                || mode == ReturnConsumedCapacity.UNKNOWN_TO_SDK_VERSION) {
            return null;
        }
        double total = total();
        var builder = ConsumedCapacity.builder().tableName(tableName).capacityUnits(total);
        if (write) {
            builder.writeCapacityUnits(total);
        } else {
            builder.readCapacityUnits(total);
        }
        if (mode == ReturnConsumedCapacity.INDEXES) {
            builder.table(capacity(table));
            if (!globalIndexes.isEmpty()) {
                builder.globalSecondaryIndexes(capacities(globalIndexes));
            }
            if (!localIndexes.isEmpty()) {
                builder.localSecondaryIndexes(capacities(localIndexes));
            }
        }
        return builder.build();
    }

    /**
     * The response member of the operations that report one ConsumedCapacity per table (batches, transactions), or
     * null for NONE.
     */
    static java.util.@Nullable List<ConsumedCapacity> toResponses(
            java.util.Collection<Meter> meters, @Nullable ReturnConsumedCapacity mode) {
        java.util.List<ConsumedCapacity> out = new java.util.ArrayList<>(meters.size());
        for (Meter m : meters) {
            ConsumedCapacity c = m.toResponse(mode);
            if (c != null) {
                out.add(c);
            }
        }
        return out.isEmpty() ? null : out;
    }

    private Capacity capacity(double units) {
        var b = Capacity.builder().capacityUnits(units);
        return (write ? b.writeCapacityUnits(units) : b.readCapacityUnits(units)).build();
    }

    private Map<String, Capacity> capacities(Map<String, Double> units) {
        Map<String, Capacity> out = new LinkedHashMap<>();
        units.forEach((k, v) -> out.put(k, capacity(v)));
        return out;
    }

    /** Read consistency and its unit factor. */
    public enum ReadMode {
        EVENTUAL(0.5),
        STRONG(1),
        TRANSACTIONAL(2);

        final double factor;

        ReadMode(double factor) {
            this.factor = factor;
        }

        public static ReadMode of(@Nullable Boolean consistentRead) {
            return Boolean.TRUE.equals(consistentRead) ? STRONG : EVENTUAL;
        }
    }
}
