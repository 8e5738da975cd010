package dev.keysmith.modeler.estimate;

import dev.keysmith.modeler.model.Operation;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The capacity and cost of one access pattern.
 *
 * @param itemBytes the item (or index entry) size the pattern reads or writes
 * @param itemsPerRequest items read (before any filter) or written by one execution
 * @param requestsPerSecond executions per second, average and peak (after the traffic multiplier)
 * @param unitsPerSecond capacity units per second, average and peak
 * @param unitsPerMonth capacity units (request units on-demand) per month at the average rate
 * @param onDemandMonthly the pattern's on-demand cost per month at its table's class
 * @param hotKeys the load on the busiest partition-key value of each partition the pattern touches
 */
public record PatternEstimate(
        String id,
        String name,
        String table,
        @Nullable String index,
        Operation operation,
        long itemBytes,
        long itemsPerRequest,
        RequestCapacity perRequest,
        Load requestsPerSecond,
        Load unitsPerSecond,
        double unitsPerMonth,
        double onDemandMonthly,
        List<HotKey> hotKeys,
        List<LineItem> lines) {

    public PatternEstimate {
        hotKeys = List.copyOf(hotKeys);
        lines = List.copyOf(lines);
    }
}
