package dev.keysmith.modeler.estimate;

import static dev.keysmith.modeler.estimate.Fmt.num;

import dev.keysmith.modeler.estimate.CostModel.Kind;
import dev.keysmith.modeler.estimate.LineItem.Section;
import dev.keysmith.modeler.model.AccessPattern;
import dev.keysmith.modeler.model.Consistency;
import dev.keysmith.modeler.model.IndexDesign;
import dev.keysmith.modeler.model.Operation;
import dev.keysmith.modeler.model.ProjectionKind;
import dev.keysmith.modeler.model.TableDesign;
import dev.keysmith.modeler.template.KeyTemplate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.ToLongFunction;
import org.jspecify.annotations.Nullable;

/** Meters one access pattern against its table's sizes: capacity per request, per second, per month, hot keys. */
final class PatternMeter {

    /** What the table-level estimate needs from one pattern besides its {@link PatternEstimate}. */
    record Metering(
            PatternEstimate estimate,
            Map<String, Load> pools,
            double itemWritesPerSecond,
            double bytesWrittenPerSecond,
            Map<String, Double> creationsPerSecond) {}

    /** The pool key of the base table's own capacity (GSIs use their names). */
    static final String TABLE_POOL = "";

    private final TableDesign table;
    private final List<EntityProfile> profiles;
    private final EstimateOptions options;
    private final CostModel costs;
    private final List<String> warnings;

    PatternMeter(
            TableDesign table,
            List<EntityProfile> profiles,
            EstimateOptions options,
            CostModel costs,
            List<String> warnings) {
        this.table = table;
        this.profiles = profiles;
        this.options = options;
        this.costs = costs;
        this.warnings = warnings;
    }

    Metering meter(AccessPattern pattern) {
        String scope = "pattern " + pattern.id() + " " + pattern.name();
        PatternAssumptions assume = options.pattern(pattern.id());
        IndexDesign index = index(pattern);
        // a read on an index the table lacks (e.g. removed in a what-if) has to scan the table
        Operation op =
                index == null && pattern.index() != null && !pattern.operation().isWrite()
                        ? Operation.Scan
                        : pattern.operation();
        boolean onGsi = index != null && table.gsis().contains(index);
        List<EntityProfile> targets = targets(pattern);
        List<LineItem> lines = new ArrayList<>();

        Map<String, Double> gsiUnits = new LinkedHashMap<>();
        Map<String, Double> lsiUnits = new LinkedHashMap<>();
        double tableUnits;
        long itemBytes;
        long items;
        long requests = 1;
        Map<String, Double> creations = new LinkedHashMap<>();
        if (op.isWrite()) {
            EntityProfile entity = targets.isEmpty() ? null : targets.getFirst();
            itemBytes = entity == null ? 0 : entity.itemBytes();
            boolean several = op == Operation.BatchWriteItem || op == Operation.TransactWriteItems;
            items = several ? Math.max(1, pattern.expectedItemsPerRequest()) : 1;
            Metered base = switch (op) {
                case PutItem -> CapacityMath.write(assume.replacesExisting() ? itemBytes : 0, itemBytes, false);
                case UpdateItem -> CapacityMath.write(itemBytes, itemBytes, false);
                case DeleteItem -> CapacityMath.write(itemBytes, 0, false);
                case BatchWriteItem -> CapacityMath.writes(items, 0, itemBytes, false);
                case TransactWriteItems -> CapacityMath.writes(items, 0, itemBytes, true);
                case GetItem, Query, Scan, BatchGetItem, TransactGetItems ->
                    throw new IllegalStateException(op + " does not write");
            };
            tableUnits = base.units();
            lines.add(LineItem.of(Section.CAPACITY, scope, "per request: table", "WCU", base));
            if (entity != null) {
                for (IndexDesign ix : table.indexes()) {
                    if (!entity.inIndex(ix)) {
                        continue;
                    }
                    IndexWrite change = indexChange(op, ix, entity, assume);
                    Metered m = CapacityMath.indexWrites(
                            items, change, entity.entryBytes().get(ix.name()));
                    (table.gsis().contains(ix) ? gsiUnits : lsiUnits).put(ix.name(), m.units());
                    lines.add(LineItem.of(Section.CAPACITY, scope, "per request: index " + ix.name(), "WCU", m));
                }
                boolean creates = op == Operation.PutItem ? !assume.replacesExisting() : several;
                if (creates) {
                    creations.put(entity.name(), items * rate(pattern).average());
                }
            }
        } else {
            Consistency consistency = consistency(pattern, onGsi);
            List<EntityProfile> readable = index == null
                    ? targets
                    : targets.stream().filter(e -> e.inIndex(index)).toList();
            itemBytes = index == null ? averageItem(readable) : averageEntry(readable, index);
            long returned = Math.max(0, pattern.expectedItemsPerRequest());
            Metered read = switch (op) {
                case GetItem -> {
                    items = 1;
                    yield CapacityMath.getItem(itemBytes, consistency);
                }
                case BatchGetItem -> {
                    items = Math.max(1, returned);
                    yield CapacityMath.batchGet(items, itemBytes, consistency);
                }
                case TransactGetItems -> {
                    items = Math.max(1, returned);
                    yield CapacityMath.batchGet(items, itemBytes, Consistency.TRANSACTIONAL);
                }
                case Query -> {
                    items = evaluated(pattern, returned, assume);
                    yield CapacityMath.query(items, itemBytes, consistency);
                }
                case PutItem, UpdateItem, DeleteItem, BatchWriteItem, TransactWriteItems ->
                    throw new IllegalStateException(op + " does not read");
                case Scan -> {
                    long stored = readable.stream()
                            .mapToLong(EntityProfile::itemCount)
                            .sum();
                    items = stored > 0 ? stored : evaluated(pattern, returned, assume);
                    yield CapacityMath.scan(items, itemBytes, consistency);
                }
            };
            if (op == Operation.Query || op == Operation.Scan) {
                requests = CapacityMath.pages(items, itemBytes);
            }
            if (index == null) {
                tableUnits = read.units();
                lines.add(LineItem.of(Section.CAPACITY, scope, "per request: table", "RCU", read));
            } else {
                (onGsi ? gsiUnits : lsiUnits).put(index.name(), read.units());
                lines.add(LineItem.of(Section.CAPACITY, scope, "per request: index " + index.name(), "RCU", read));
                tableUnits = 0;
                if (!projects(index, pattern)) {
                    if (onGsi) {
                        warnings.add("Pattern " + pattern.id() + " asks for attributes global secondary index "
                                + index.name() + " does not project; a GSI query cannot fetch them from the table");
                    } else {
                        Metered fetch = CapacityMath.localIndexFetch(items, averageItem(readable), consistency);
                        tableUnits = fetch.units();
                        lines.add(LineItem.of(Section.CAPACITY, scope, "per request: table fetch", "RCU", fetch));
                    }
                }
            }
        }

        RequestCapacity perRequest = perRequest(tableUnits, gsiUnits, lsiUnits, requests, op.isWrite());
        String unit = perRequest.unit();
        if (gsiUnits.size() + lsiUnits.size() > 0 && (tableUnits > 0 || gsiUnits.size() + lsiUnits.size() > 1)) {
            lines.add(new LineItem(
                    Section.CAPACITY, scope, "per request: total", perRequest.total(), unit, total(perRequest)));
        }
        Load rate = rate(pattern);
        Load units = rate.times(perRequest.total());
        lines.add(rateLine(
                scope,
                "units per second (average)",
                perRequest.total(),
                unit,
                pattern.rate().averagePerSecond(),
                units.average()));
        lines.add(rateLine(
                scope,
                "units per second (peak)",
                perRequest.total(),
                unit,
                pattern.rate().peakPerSecond(),
                units.peak()));
        Kind kind = op.isWrite() ? Kind.WRITE : Kind.READ;
        Metered monthly = costs.unitsPerMonth(units.average(), kind);
        lines.add(LineItem.of(Section.CAPACITY, scope, "units per month", kind.onDemandUnit(), monthly));
        LineItem onDemand = costs.onDemand(scope, kind, monthly.units(), table.tableClass());
        lines.add(onDemand);

        Map<String, Load> pools = new LinkedHashMap<>();
        pools.put(TABLE_POOL, rate.times(perRequest.tableCapacity()));
        gsiUnits.forEach((name, u) -> pools.put(name, rate.times(u)));

        List<HotKey> hotKeys = hotKeys(pattern, index, onGsi, targets, perRequest, rate, assume, items);
        for (HotKey hot : hotKeys) {
            lines.add(new LineItem(
                    Section.PARTITIONS,
                    scope,
                    "busiest key load: " + hot.target(),
                    hot.unitsPerSecond(),
                    hot.unit(),
                    hot.formula()));
            if (hot.exceedsLimit()) {
                warnings.add(String.format(
                        Locale.ROOT,
                        "Pattern %s puts %s per second on one partition-key value of %s (%s) at peak, over the %s a"
                                + " partition serves: about %.0f%% of those requests would be throttled"
                                + " (ProvisionedThroughputExceededException when provisioned, ThrottlingException"
                                + " on-demand)",
                        pattern.id(),
                        num(hot.unitsPerSecond(), hot.unit()),
                        hot.target(),
                        hot.keyTemplate(),
                        num(hot.limit(), hot.unit()),
                        hot.throttledShare() * 100));
            }
        }
        double itemWrites = op.isWrite() ? items * rate.average() : 0;
        PatternEstimate estimate = new PatternEstimate(
                pattern.id(),
                pattern.name(),
                table.name(),
                index == null ? null : index.name(),
                op,
                itemBytes,
                items,
                perRequest,
                rate,
                units,
                monthly.units(),
                onDemand.value(),
                hotKeys,
                lines);
        return new Metering(estimate, pools, itemWrites, itemWrites * itemBytes, creations);
    }

    private Load rate(AccessPattern pattern) {
        return new Load(pattern.rate().averagePerSecond(), pattern.rate().peakPerSecond())
                .times(options.trafficMultiplier());
    }

    private LineItem rateLine(String scope, String name, double perRequest, String unit, double rate, double value) {
        double multiplier = options.trafficMultiplier();
        String formula = num(perRequest, unit) + " x " + num(rate, "requests per s")
                + (multiplier == 1 ? "" : " x " + num(multiplier) + " [traffic multiplier]") + " = " + num(value, unit);
        return new LineItem(Section.CAPACITY, scope, name, value, unit, formula);
    }

    private static RequestCapacity perRequest(
            double table, Map<String, Double> gsis, Map<String, Double> lsis, long requests, boolean write) {
        double total = table
                + gsis.values().stream().mapToDouble(Double::doubleValue).sum()
                + lsis.values().stream().mapToDouble(Double::doubleValue).sum();
        return new RequestCapacity(total, table, gsis, lsis, requests, write);
    }

    private static String total(RequestCapacity c) {
        StringBuilder f = new StringBuilder(num(c.table())).append(" [table]");
        c.globalSecondaryIndexes()
                .forEach((n, u) ->
                        f.append(" + ").append(num(u)).append(" [").append(n).append("]"));
        c.localSecondaryIndexes()
                .forEach((n, u) ->
                        f.append(" + ").append(num(u)).append(" [").append(n).append("]"));
        return f.append(" = ").append(num(c.total(), c.unit())).toString();
    }

    private @Nullable IndexDesign index(AccessPattern pattern) {
        if (pattern.index() == null) {
            return null;
        }
        Optional<IndexDesign> index = table.index(pattern.index());
        if (index.isEmpty()) {
            warnings.add("Pattern " + pattern.id() + " uses index " + pattern.index() + ", which table " + table.name()
                    + " does not have; it is estimated as a Scan of the table");
        }
        return index.orElse(null);
    }

    private List<EntityProfile> targets(AccessPattern pattern) {
        List<EntityProfile> named = profiles.stream()
                .filter(p -> pattern.expectedEntityTypes().contains(p.name()))
                .toList();
        if (!named.isEmpty()) {
            return named;
        }
        if (!pattern.expectedEntityTypes().isEmpty()) {
            warnings.add("Pattern " + pattern.id() + " names entity types " + pattern.expectedEntityTypes()
                    + " that table " + table.name() + " does not have; all its entity types are assumed");
        }
        return profiles;
    }

    private Consistency consistency(AccessPattern pattern, boolean onGsi) {
        Consistency c = pattern.consistency();
        if (onGsi && c != Consistency.EVENTUAL) {
            warnings.add("Pattern " + pattern.id() + ": consistent reads are not supported on global secondary"
                    + " indexes; it is estimated as eventually consistent");
            return Consistency.EVENTUAL;
        }
        if (c == Consistency.TRANSACTIONAL && pattern.operation() != Operation.TransactGetItems) {
            warnings.add("Pattern " + pattern.id() + ": only TransactGetItems reads transactionally; "
                    + pattern.operation() + " is estimated as strongly consistent");
            return Consistency.STRONG;
        }
        return c;
    }

    private long evaluated(AccessPattern pattern, long returned, PatternAssumptions assume) {
        Double selectivity = assume.filterSelectivity();
        if (selectivity == null) {
            if (pattern.filter() != null && !pattern.filter().isBlank()) {
                warnings.add("Pattern " + pattern.id() + " has a filter: reads are metered before filtering, and"
                        + " without a filter selectivity every evaluated item is assumed to be returned");
            }
            return returned;
        }
        return (long) Math.ceil(returned / selectivity - 1e-9);
    }

    /** Whether the index holds every attribute the pattern asks for (all attributes when it has no projection). */
    private boolean projects(IndexDesign index, AccessPattern pattern) {
        if (index.projection() == ProjectionKind.ALL) {
            return true;
        }
        if (pattern.projection() == null || pattern.projection().isBlank()) {
            return false;
        }
        Set<String> projected = new HashSet<>(index.keyNames());
        projected.addAll(table.keyNames());
        projected.addAll(index.nonKeyAttributes());
        return Arrays.stream(pattern.projection().split(","))
                .map(String::trim)
                .filter(a -> !a.isEmpty())
                .allMatch(projected::contains);
    }

    private IndexWrite indexChange(Operation op, IndexDesign index, EntityProfile entity, PatternAssumptions assume) {
        return switch (op) {
            case PutItem -> assume.replacesExisting() ? rewrite(index, entity, null) : IndexWrite.PUT;
            case BatchWriteItem, TransactWriteItems -> IndexWrite.PUT;
            case DeleteItem -> IndexWrite.DELETE;
            case UpdateItem -> {
                Set<String> updated = assume.updatedAttributes();
                if (updated != null && index.keyNames().stream().anyMatch(updated::contains)) {
                    yield IndexWrite.KEY_CHANGE;
                }
                yield rewrite(index, entity, updated);
            }
            case GetItem, Query, Scan, BatchGetItem, TransactGetItems -> IndexWrite.NONE;
        };
    }

    /** A write that keeps the index keys: ALL rewrites the entry, INCLUDE only if an included attribute changes. */
    private static IndexWrite rewrite(IndexDesign index, EntityProfile entity, @Nullable Set<String> updated) {
        return switch (index.projection()) {
            case ALL -> updated == null || !updated.isEmpty() ? IndexWrite.REWRITE : IndexWrite.NONE;
            case INCLUDE ->
                updated == null || index.nonKeyAttributes().stream().anyMatch(updated::contains)
                        ? IndexWrite.REWRITE
                        : IndexWrite.NONE;
            case KEYS_ONLY -> IndexWrite.NONE;
        };
    }

    /** Item size averaged over the entity types, weighted by their item counts (equally when none is known). */
    private static long averageItem(List<EntityProfile> entities) {
        return weighted(entities, EntityProfile::itemBytes);
    }

    private static long averageEntry(List<EntityProfile> entities, IndexDesign index) {
        return weighted(entities, e -> e.entryBytes().get(index.name()));
    }

    private static long weighted(List<EntityProfile> entities, ToLongFunction<EntityProfile> size) {
        if (entities.isEmpty()) {
            return 0;
        }
        long count = entities.stream().mapToLong(EntityProfile::itemCount).sum();
        double sum = 0;
        for (EntityProfile e : entities) {
            sum += size.applyAsLong(e) * (count > 0 ? (double) e.itemCount() / count : 1.0 / entities.size());
        }
        return Sizing.ceil(sum);
    }

    private List<HotKey> hotKeys(
            AccessPattern pattern,
            @Nullable IndexDesign index,
            boolean onGsi,
            List<EntityProfile> targets,
            RequestCapacity perRequest,
            Load rate,
            PatternAssumptions assume,
            long items) {
        if (pattern.operation() == Operation.Scan || targets.isEmpty()) {
            return List.of();
        }
        List<HotKey> hot = new ArrayList<>();
        EntityProfile entity = targets.getFirst();
        long stored = targets.stream().mapToLong(EntityProfile::itemCount).sum();
        boolean write = perRequest.write();
        if (index == null || !onGsi) {
            String pk = table.partitionKey().name();
            long perKey = pattern.operation() == Operation.Query ? Math.max(1, items) : 1;
            HotKey h = hotKey(
                    "table " + table.name(),
                    entity.template(pk),
                    pk,
                    perRequest.tableCapacity() * rate.peak(),
                    write,
                    assume.keyCardinality(),
                    stored / perKey,
                    assume.hotKeyShare());
            if (h != null) {
                hot.add(h);
            }
        }
        if (index != null && onGsi && !write) {
            String pk = index.partitionKey().name();
            long perKey = pattern.operation() == Operation.Query ? Math.max(1, items) : 1;
            HotKey h = hotKey(
                    "index " + table.name() + "." + index.name(),
                    entity.template(pk),
                    pk,
                    perRequest.total() * rate.peak(),
                    false,
                    assume.keyCardinality(),
                    stored / perKey,
                    assume.hotKeyShare());
            if (h != null) {
                hot.add(h);
            }
        }
        if (write) {
            perRequest.globalSecondaryIndexes().forEach((name, units) -> {
                if (units == 0) {
                    return;
                }
                IndexDesign gsi = table.index(name).orElseThrow();
                String pk = gsi.partitionKey().name();
                HotKey h = hotKey(
                        "index " + table.name() + "." + name,
                        entity.template(pk),
                        pk,
                        units * rate.peak(),
                        true,
                        null,
                        stored,
                        null);
                if (h != null) {
                    hot.add(h);
                }
            });
        }
        return hot;
    }

    private static @Nullable HotKey hotKey(
            String target,
            Optional<KeyTemplate> template,
            String attribute,
            double peakUnits,
            boolean write,
            @Nullable Long explicitCardinality,
            long derivedCardinality,
            @Nullable Double share) {
        long cardinality;
        if (explicitCardinality != null) {
            cardinality = explicitCardinality;
        } else if (template.isPresent() && template.get().isConstant()) {
            cardinality = 1;
        } else if (derivedCardinality > 0) {
            cardinality = derivedCardinality;
        } else if (share != null) {
            cardinality = Long.MAX_VALUE;
        } else {
            return null;
        }
        String key = attribute + " = " + template.map(KeyTemplate::text).orElse("{" + attribute + "}");
        return Partitions.hotKey(target, key, peakUnits, write, cardinality, share);
    }
}
