package dev.keysmith.modeler.estimate;

import java.util.List;
import java.util.Optional;

/**
 * A complete estimate of one data model: the assumptions, sizes, per-pattern capacity, per-table costs, the model
 * total and a recommendation. Every number is also a {@link LineItem} in {@link #lines()} with its formula.
 *
 * @param priceTable "us-east-1, USD, prices as of 2026-11-21"
 * @param monthlyTotal the model's monthly cost with each table on its recommended option, after the free tier and
 *     reserved capacity
 */
public record EstimateReport(
        String model,
        String priceTable,
        String region,
        String pricesAsOf,
        List<String> priceSources,
        List<String> assumptions,
        List<EntitySize> entities,
        List<IndexEntrySize> indexEntries,
        List<PatternEstimate> patterns,
        List<TableEstimate> tables,
        double monthlyTotal,
        String recommendation,
        List<String> warnings,
        List<LineItem> lines) {

    public EstimateReport {
        priceSources = List.copyOf(priceSources);
        assumptions = List.copyOf(assumptions);
        entities = List.copyOf(entities);
        indexEntries = List.copyOf(indexEntries);
        patterns = List.copyOf(patterns);
        tables = List.copyOf(tables);
        warnings = List.copyOf(warnings);
        lines = List.copyOf(lines);
    }

    /** The estimate of one pattern by id. */
    public Optional<PatternEstimate> pattern(String id) {
        return patterns.stream().filter(p -> p.id().equals(id)).findFirst();
    }

    /** The estimate of one table by name. */
    public Optional<TableEstimate> table(String name) {
        return tables.stream().filter(t -> t.table().equals(name)).findFirst();
    }
}
