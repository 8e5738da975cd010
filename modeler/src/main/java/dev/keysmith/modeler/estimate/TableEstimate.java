package dev.keysmith.modeler.estimate;

import dev.keysmith.modeler.model.BillingMode;
import dev.keysmith.modeler.model.TableClass;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One table's storage, partitions and monthly cost under each billing mode and table class, with the cheapest choice.
 *
 * @param storageBytes items and index entries with their per-item overhead, in one region
 * @param partitions estimated partitions of the table (by throughput and by size)
 * @param monthly total per month for each option, before the account-wide free tier and reserved capacity
 * @param recommended the cheapest option
 * @param requestsPerSecond the table's average requests per second over all its patterns
 * @param breakEvenRequestsPerSecond the average request rate (same mix of patterns) at which on-demand and provisioned
 *     cost the same for the recommended table class, or null when one mode is cheaper at every rate
 */
public record TableEstimate(
        String table,
        TableClass currentClass,
        BillingMode currentMode,
        long storageBytes,
        long partitions,
        Map<Option, Double> monthly,
        Option recommended,
        double requestsPerSecond,
        @Nullable Double breakEvenRequestsPerSecond,
        String recommendation,
        List<LineItem> lines) {

    /** A billing mode and table class. */
    public record Option(BillingMode mode, TableClass tableClass) {
        public String label() {
            return CostModel.label(mode) + " " + CostModel.label(tableClass);
        }

        @Override
        public String toString() {
            return label();
        }
    }

    public TableEstimate {
        monthly = Map.copyOf(monthly);
        lines = List.copyOf(lines);
    }
}
