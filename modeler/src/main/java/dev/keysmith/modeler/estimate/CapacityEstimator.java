package dev.keysmith.modeler.estimate;

import static dev.keysmith.modeler.estimate.Fmt.cents;
import static dev.keysmith.modeler.estimate.Fmt.num;

import dev.keysmith.modeler.estimate.CostModel.Kind;
import dev.keysmith.modeler.estimate.LineItem.Section;
import dev.keysmith.modeler.estimate.TableEstimate.Option;
import dev.keysmith.modeler.model.AccessPattern;
import dev.keysmith.modeler.model.BillingMode;
import dev.keysmith.modeler.model.DataModel;
import dev.keysmith.modeler.model.IndexDesign;
import dev.keysmith.modeler.model.Project;
import dev.keysmith.modeler.model.ProvisionedCapacity;
import dev.keysmith.modeler.model.TableClass;
import dev.keysmith.modeler.model.TableDesign;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;
import java.util.function.ToDoubleFunction;
import org.jspecify.annotations.Nullable;

/**
 * Estimates a data model's capacity and monthly cost offline, pattern by pattern and table by table, and recommends
 * the cheapest billing mode and table class. Entry points for the {@code keysmith estimate} command:
 * {@link #estimate(Project, EstimateOptions)} and {@link #render(EstimateReport, ReportFormat)}.
 */
public final class CapacityEstimator {
    private CapacityEstimator() {}

    /**
     * Estimates the project's first data model (a project usually holds one).
     *
     * @throws IllegalArgumentException if the project has no data model
     */
    public static EstimateReport estimate(Project project, EstimateOptions options) {
        if (project.models().isEmpty()) {
            throw new IllegalArgumentException("Project " + project.name() + " has no data model to estimate");
        }
        return estimate(project.models().getFirst(), options);
    }

    /**
     * Estimates the named data model of the project.
     *
     * @throws IllegalArgumentException if the project has no model of that name
     */
    public static EstimateReport estimate(Project project, String modelName, EstimateOptions options) {
        return estimate(
                project.models().stream()
                        .filter(m -> m.name().equals(modelName))
                        .findFirst()
                        .orElseThrow(() -> new IllegalArgumentException(
                                "Project " + project.name() + " has no data model named " + modelName)),
                options);
    }

    /** Estimates one data model. */
    public static EstimateReport estimate(DataModel model, EstimateOptions options) {
        return new Run(model, options).report();
    }

    /** Renders a report as text, JSON, CSV or Markdown. */
    public static String render(EstimateReport report, ReportFormat format) {
        return ReportRenderer.render(report, format);
    }

    /** The same estimate under changed assumptions, line by line against the original. */
    public static EstimateDiff whatIf(DataModel model, EstimateOptions options, WhatIf change) {
        EstimateReport before = estimate(model, options);
        EstimateReport after = estimate(change.apply(model), change.apply(options));
        return EstimateDiff.between(before, after);
    }

    /** One estimate in progress. */
    private static final class Run {
        private final DataModel model;
        private final EstimateOptions options;
        private final CostModel costs;
        private final List<String> warnings = new ArrayList<>();
        private final List<LineItem> lines = new ArrayList<>();
        private final List<EntitySize> entities = new ArrayList<>();
        private final List<IndexEntrySize> indexEntries = new ArrayList<>();
        private final List<PatternEstimate> patterns = new ArrayList<>();
        private final List<TableEstimate> tables = new ArrayList<>();
        private final Map<String, TableCosting> costings = new LinkedHashMap<>();

        Run(DataModel model, EstimateOptions options) {
            this.model = model;
            this.options = options;
            this.costs = new CostModel(options.prices());
        }

        EstimateReport report() {
            for (AccessPattern p : model.patterns()) {
                if (model.table(p.table()).isEmpty()) {
                    warnings.add("Pattern " + p.id() + " uses table " + p.table()
                            + ", which the model does not have; it is left out");
                }
            }
            for (TableDesign table : model.tables()) {
                table(table);
            }
            double current = modelTotal("current settings", false);
            double recommended = modelTotal("recommended settings", true);
            return new EstimateReport(
                    model.name(),
                    options.prices().describe(),
                    options.prices().region(),
                    options.prices().asOf(),
                    options.prices().source(),
                    assumptions(),
                    entities,
                    indexEntries,
                    patterns,
                    tables,
                    recommended,
                    recommendation(current, recommended),
                    warnings,
                    lines);
        }

        private void table(TableDesign table) {
            int firstLine = lines.size();
            Sizing sizing = new Sizing(table, options, warnings);
            entities.addAll(sizing.entitySizes);
            indexEntries.addAll(sizing.indexEntrySizes);
            lines.addAll(sizing.lines);

            PatternMeter meter = new PatternMeter(table, sizing.profiles, options, costs, warnings);
            Map<String, Load> reads = pools(table);
            Map<String, Load> writes = pools(table);
            Map<String, List<Map.Entry<String, Load>>> readTerms = new LinkedHashMap<>();
            Map<String, List<Map.Entry<String, Load>>> writeTerms = new LinkedHashMap<>();
            Map<String, Double> creations = new LinkedHashMap<>();
            double itemWrites = 0;
            double bytesWritten = 0;
            double requests = 0;
            for (AccessPattern pattern : model.patterns()) {
                if (!pattern.table().equals(table.name())) {
                    continue;
                }
                PatternMeter.Metering m = meter.meter(pattern);
                patterns.add(m.estimate());
                lines.addAll(m.estimate().lines());
                boolean write = m.estimate().perRequest().write();
                m.pools().forEach((pool, load) -> {
                    (write ? writes : reads).merge(pool, load, Load::plus);
                    if (load.peak() > 0) {
                        (write ? writeTerms : readTerms)
                                .computeIfAbsent(pool, k -> new ArrayList<>())
                                .add(Map.entry(pattern.id(), load));
                    }
                });
                m.creationsPerSecond().forEach((entity, rate) -> creations.merge(entity, rate, Double::sum));
                itemWrites += m.itemWritesPerSecond();
                bytesWritten += m.bytesWrittenPerSecond();
                requests += m.estimate().requestsPerSecond().average();
            }
            String scope = "table " + table.name();
            checkProvisioned(table, reads, writes);
            poolLines(scope, Kind.READ, reads, readTerms);
            poolLines(scope, Kind.WRITE, writes, writeTerms);

            double ttlUnits = ttl(table, sizing.profiles, creations);
            Map<String, Double> storage = storage(table, sizing.profiles);
            long partitions = partitions(table, sizing.profiles, reads, writes, storage.get(PatternMeter.TABLE_POOL));
            double streamRequests = streamRequests(table, partitions);
            if (table.streamViewType() != null) {
                double records = itemWrites + ttlDeletes(sizing.profiles, creations);
                lines.add(new LineItem(
                        Section.CAPACITY,
                        scope,
                        "stream records per second",
                        records,
                        "records",
                        num(itemWrites) + " [item writes] + " + num(records - itemWrites) + " [TTL deletions] = "
                                + num(records, "records")));
            }
            boolean pitr = "true".equalsIgnoreCase(table.metadata().get(TableDesign.POINT_IN_TIME_RECOVERY));
            TableCosting costing = new TableCosting(
                    table.name(), reads, writes, ttlUnits, storage, pitr, streamRequests, bytesWritten);
            costings.put(table.name(), costing);

            Map<Option, Double> monthly = new LinkedHashMap<>();
            for (Option option : TableCosting.options()) {
                List<LineItem> optionLines = costing.lines(option, costs, options);
                lines.addAll(optionLines);
                monthly.put(option, optionLines.getLast().value());
            }
            Option best = monthly.entrySet().stream()
                    .min(Map.Entry.comparingByValue())
                    .orElseThrow()
                    .getKey();
            Double breakEven = breakEven(costing, best.tableClass(), requests);
            if (breakEven != null) {
                lines.add(new LineItem(
                        Section.COST,
                        scope,
                        "break-even requests per second",
                        breakEven,
                        "requests/s",
                        num(requests, "requests per s") + " x " + Fmt.precise(breakEven / requests)
                                + " [traffic multiple where on-demand and provisioned "
                                + CostModel.label(best.tableClass()) + " cost the same] = "
                                + num(breakEven, "requests per s")));
            }
            Option currentOption = new Option(table.billingMode(), table.tableClass());
            tables.add(new TableEstimate(
                    table.name(),
                    table.tableClass(),
                    table.billingMode(),
                    (long) Math.ceil(costing.storageBytes()),
                    partitions,
                    monthly,
                    best,
                    requests,
                    breakEven,
                    tableRecommendation(table.name(), monthly, best, currentOption, requests, breakEven),
                    lines.subList(firstLine, lines.size()).stream()
                            .filter(l -> l.scope().equals(scope) || l.scope().startsWith(scope + " "))
                            .toList()));
        }

        /** Warns where a provisioned table or GSI, as set in the model, cannot serve its patterns' peak. */
        private void checkProvisioned(TableDesign table, Map<String, Load> reads, Map<String, Load> writes) {
            if (table.billingMode() != BillingMode.PROVISIONED) {
                return;
            }
            check(
                    "table " + table.name(),
                    table.capacity(),
                    reads.get(PatternMeter.TABLE_POOL),
                    writes.get(PatternMeter.TABLE_POOL));
            for (IndexDesign gsi : table.gsis()) {
                check(
                        "index " + table.name() + "." + gsi.name(),
                        gsi.capacity(),
                        reads.get(gsi.name()),
                        writes.get(gsi.name()));
            }
        }

        private void check(String what, @Nullable ProvisionedCapacity capacity, Load reads, Load writes) {
            if (capacity == null) {
                return;
            }
            long rcu = capacity.readAutoScaling() != null
                    ? capacity.readAutoScaling().maxCapacity()
                    : capacity.readCapacityUnits();
            long wcu = capacity.writeAutoScaling() != null
                    ? capacity.writeAutoScaling().maxCapacity()
                    : capacity.writeCapacityUnits();
            if (reads.peak() > rcu) {
                warnings.add(what + " is provisioned with at most " + num(rcu, "RCU") + " but its patterns need "
                        + num(reads.peak(), "RCU")
                        + " at peak; reads above it are throttled once burst capacity is spent");
            }
            if (writes.peak() > wcu) {
                warnings.add(what + " is provisioned with at most " + num(wcu, "WCU") + " but its patterns need "
                        + num(writes.peak(), "WCU")
                        + " at peak; writes above it are throttled once burst capacity is spent");
            }
        }

        private static Map<String, Load> pools(TableDesign table) {
            Map<String, Load> pools = new LinkedHashMap<>();
            pools.put(PatternMeter.TABLE_POOL, Load.NONE);
            for (IndexDesign gsi : table.gsis()) {
                pools.put(gsi.name(), Load.NONE);
            }
            return pools;
        }

        private void poolLines(
                String scope, Kind kind, Map<String, Load> pools, Map<String, List<Map.Entry<String, Load>>> terms) {
            String unit = kind.provisionedUnit();
            String what = kind == Kind.READ ? "read" : "write";
            pools.forEach((pool, load) -> {
                String poolScope = pool.isEmpty() ? scope : scope + " index " + pool;
                List<Map.Entry<String, Load>> parts = terms.getOrDefault(pool, List.of());
                lines.add(new LineItem(
                        Section.CAPACITY,
                        poolScope,
                        what + " units per second (average)",
                        load.average(),
                        unit,
                        sum(parts, Load::average) + " = " + num(load.average(), unit)));
                lines.add(new LineItem(
                        Section.CAPACITY,
                        poolScope,
                        what + " units per second (peak)",
                        load.peak(),
                        unit,
                        sum(parts, Load::peak) + " [all patterns at their peak at once] = " + num(load.peak(), unit)));
            });
        }

        private static String sum(List<Map.Entry<String, Load>> parts, ToDoubleFunction<Load> f) {
            if (parts.isEmpty()) {
                return "0";
            }
            StringBuilder s = new StringBuilder();
            for (Map.Entry<String, Load> e : parts) {
                s.append(s.isEmpty() ? "" : " + ").append(num(f.applyAsDouble(e.getValue())));
                s.append(" [").append(e.getKey()).append("]");
            }
            return s.toString();
        }

        /** TTL deletions: as many items expire as are created (steady state); free, but streamed and replicated. */
        private double ttl(TableDesign table, List<EntityProfile> profiles, Map<String, Double> creations) {
            double units = 0;
            for (EntityProfile e : profiles) {
                if (!e.expires()) {
                    continue;
                }
                double rate = creations.getOrDefault(e.name(), 0.0);
                Metered unitsPerDelete = CapacityMath.write(e.itemBytes(), 0, false);
                units += rate * unitsPerDelete.units();
                lines.add(new LineItem(
                        Section.CAPACITY,
                        "entity " + table.name() + "." + e.name(),
                        "TTL deletions per second",
                        rate,
                        "deletions",
                        num(rate) + " [items created per second; as many expire in a steady state] = "
                                + num(rate, "deletions") + " [no write capacity consumed; streamed; replicated as "
                                + num(unitsPerDelete.units(), "WCU") + " each in other regions]"));
            }
            return units;
        }

        private static double ttlDeletes(List<EntityProfile> profiles, Map<String, Double> creations) {
            return profiles.stream()
                    .filter(EntityProfile::expires)
                    .mapToDouble(e -> creations.getOrDefault(e.name(), 0.0))
                    .sum();
        }

        /**
         * Stored bytes per capacity pool, with the per-item overhead: the table pool holds the items and the local
         * index entries (what backups and partitions see), each global index its own entries.
         */
        private Map<String, Double> storage(TableDesign table, List<EntityProfile> profiles) {
            long overhead = options.prices().units().perItemStorageOverheadBytes();
            long global =
                    options.additionalRegions() > 0 ? options.prices().units().globalTablesExtraOverheadBytes() : 0;
            Map<String, Double> bytes = new LinkedHashMap<>();
            Map<String, StringBuilder> formulas = new LinkedHashMap<>();
            bytes.put(PatternMeter.TABLE_POOL, 0.0);
            formulas.put(PatternMeter.TABLE_POOL, new StringBuilder());
            for (IndexDesign gsi : table.gsis()) {
                bytes.put(gsi.name(), 0.0);
                formulas.put(gsi.name(), new StringBuilder());
            }
            for (EntityProfile e : profiles) {
                StringBuilder f = formulas.get(PatternMeter.TABLE_POOL);
                bytes.merge(
                        PatternMeter.TABLE_POOL,
                        e.itemCount() * (double) (e.itemBytes() + overhead + global),
                        Double::sum);
                f.append(f.isEmpty() ? "" : " + ").append(num(e.itemCount())).append(" x (");
                f.append(num(e.itemBytes())).append(" + ").append(overhead);
                f.append(global > 0 ? " + " + global : "")
                        .append(") [")
                        .append(e.name())
                        .append("]");
                for (IndexDesign ix : table.indexes()) {
                    Long entry = e.entryBytes().get(ix.name());
                    if (entry == null) {
                        continue;
                    }
                    String pool = table.lsis().contains(ix) ? PatternMeter.TABLE_POOL : ix.name();
                    bytes.merge(pool, e.itemCount() * (double) (entry + overhead), Double::sum);
                    StringBuilder g = formulas.get(pool);
                    g.append(g.isEmpty() ? "" : " + ")
                            .append(num(e.itemCount()))
                            .append(" x (")
                            .append(num(entry));
                    g.append(" + ")
                            .append(overhead)
                            .append(") [")
                            .append(ix.name())
                            .append(" ")
                            .append(e.name());
                    g.append("]");
                }
            }
            bytes.forEach((pool, b) -> {
                StringBuilder f = formulas.get(pool);
                lines.add(new LineItem(
                        Section.SIZE,
                        "table " + table.name() + (pool.isEmpty() ? "" : " index " + pool),
                        "stored bytes",
                        b,
                        "B",
                        (f.isEmpty() ? "0" : f.toString()) + " = " + num(b, "B")));
            });
            return bytes;
        }

        private long partitions(
                TableDesign table,
                List<EntityProfile> profiles,
                Map<String, Load> reads,
                Map<String, Load> writes,
                double tableBytes) {
            String scope = "table " + table.name();
            Metered count = Partitions.count(
                    reads.get(PatternMeter.TABLE_POOL).peak(),
                    writes.get(PatternMeter.TABLE_POOL).peak(),
                    tableBytes);
            lines.add(LineItem.of(Section.PARTITIONS, scope, "partitions", "partitions", count));
            long overhead = options.prices().units().perItemStorageOverheadBytes();
            for (IndexDesign gsi : table.gsis()) {
                double bytes = profiles.stream()
                        .filter(e -> e.inIndex(gsi))
                        .mapToDouble(
                                e -> e.itemCount() * (double) (e.entryBytes().get(gsi.name()) + overhead))
                        .sum();
                Metered gsiCount = Partitions.count(
                        reads.get(gsi.name()).peak(), writes.get(gsi.name()).peak(), bytes);
                lines.add(LineItem.of(
                        Section.PARTITIONS, scope + " index " + gsi.name(), "partitions", "partitions", gsiCount));
            }
            return (long) count.units();
        }

        /** GetRecords calls a month by non-Lambda consumers: consumers x shards (about one per partition) x polls. */
        private double streamRequests(TableDesign table, long partitions) {
            if (table.streamViewType() == null || options.streamConsumers() == 0) {
                return 0;
            }
            double seconds = options.prices().secondsPerMonth();
            double requests = options.streamConsumers() * partitions * options.streamPollsPerSecond() * seconds;
            lines.add(new LineItem(
                    Section.CAPACITY,
                    "table " + table.name(),
                    "stream read requests per month",
                    requests,
                    "requests",
                    num(options.streamConsumers(), "consumers") + " x " + num(partitions, "shards") + " x "
                            + num(options.streamPollsPerSecond(), "polls per s") + " x " + num(seconds, "s") + " = "
                            + num(requests, "requests")));
            return requests;
        }

        /** The request rate at which on-demand and provisioned throughput cost the same, if there is one. */
        private @Nullable Double breakEven(TableCosting costing, TableClass tableClass, double requests) {
            if (requests <= 0) {
                return null;
            }
            Option onDemand = new Option(BillingMode.PAY_PER_REQUEST, tableClass);
            Option provisioned = new Option(BillingMode.PROVISIONED, tableClass);
            DoubleUnaryOperator gap = m -> costing.throughput(provisioned, m, costs, options)
                    - costing.throughput(onDemand, m, costs, options);
            double lo = 1e-6;
            if (gap.applyAsDouble(lo) <= 0) {
                return null;
            }
            double hi = lo;
            while (gap.applyAsDouble(hi) > 0) {
                lo = hi;
                hi *= 2;
                if (hi > 1e7) {
                    return null;
                }
            }
            for (int i = 0; i < 60; i++) {
                double mid = (lo + hi) / 2;
                if (gap.applyAsDouble(mid) > 0) {
                    lo = mid;
                } else {
                    hi = mid;
                }
            }
            return hi * requests;
        }

        private String tableRecommendation(
                String table,
                Map<Option, Double> monthly,
                Option best,
                Option current,
                double requests,
                @Nullable Double breakEven) {
            StringBuilder s =
                    new StringBuilder("Table ").append(table).append(": ").append(best.label());
            s.append(" is the cheapest at this traffic (")
                    .append(cents(monthly.get(best)))
                    .append(" a month");
            monthly.entrySet().stream()
                    .filter(e -> !e.getKey().equals(best))
                    .sorted(Map.Entry.comparingByValue())
                    .forEach(e -> s.append("; ")
                            .append(e.getKey().label())
                            .append(" ")
                            .append(cents(e.getValue())));
            s.append(").");
            if (!current.equals(best)) {
                s.append(" It is set to ").append(current.label()).append(" (").append(cents(monthly.get(current)));
                s.append(").");
            }
            if (breakEven != null) {
                s.append(" Provisioned ").append(CostModel.label(best.tableClass()));
                s.append(" becomes cheaper than on-demand above about ").append(num(Fmt.significant(breakEven)));
                s.append(" requests per second with this mix of patterns (now ").append(num(Fmt.significant(requests)));
                s.append(").");
            } else if (requests > 0) {
                s.append(" On-demand stays cheaper than provisioned at any request rate with this mix of patterns.");
            }
            return s.toString();
        }

        /** The model's monthly total with each table on its current or recommended option, after account credits. */
        private double modelTotal(String which, boolean recommended) {
            String scope = "model [" + which + "]";
            List<LineItem> parts = new ArrayList<>();
            double standardStorage = 0;
            double standardWcuHours = 0;
            double standardRcuHours = 0;
            double streamRequests = 0;
            for (TableEstimate t : tables) {
                Option option = recommended ? t.recommended() : new Option(t.currentMode(), t.currentClass());
                TableCosting costing = costings.get(t.table());
                parts.add(CostModel.money(
                        scope,
                        "table " + t.table() + " [" + option.label() + "]",
                        Fmt.usd(t.monthly().get(option)),
                        t.monthly().get(option)));
                if (option.tableClass() == TableClass.STANDARD) {
                    standardStorage += costing.storageBytes() * (1 + options.additionalRegions());
                    if (option.mode() == BillingMode.PROVISIONED) {
                        for (Load l : costing.writes().values()) {
                            standardWcuHours += costs.unitHours(l, options.provisioning());
                        }
                        for (Load l : costing.reads().values()) {
                            standardRcuHours += costs.unitHours(l, options.provisioning());
                        }
                    }
                }
                streamRequests += costing.streamRequestsPerMonth();
            }
            if (options.freeTier()) {
                LineItem wcu = costs.freeProvisioned(Kind.WRITE, standardWcuHours);
                LineItem rcu = costs.freeProvisioned(Kind.READ, standardRcuHours);
                parts.add(rename(wcu, scope));
                parts.add(rename(rcu, scope));
                parts.add(rename(costs.freeStorage(standardStorage), scope));
                parts.add(rename(costs.freeStreamReads(streamRequests), scope));
                double hoursPerMonth = options.prices().units().hoursPerMonth();
                standardWcuHours = Math.max(
                        0, standardWcuHours - options.prices().freeTier().provisionedWcu() * hoursPerMonth);
                standardRcuHours = Math.max(
                        0, standardRcuHours - options.prices().freeTier().provisionedRcu() * hoursPerMonth);
            }
            EstimateOptions.Reserved reserved = options.reserved();
            if (reserved != null) {
                if (reserved.writeUnits() > 0) {
                    parts.add(rename(costs.reservation(Kind.WRITE, reserved.writeUnits(), reserved.years()), scope));
                    parts.add(rename(
                            costs.reservationCredit(Kind.WRITE, reserved.writeUnits(), standardWcuHours), scope));
                }
                if (reserved.readUnits() > 0) {
                    parts.add(rename(costs.reservation(Kind.READ, reserved.readUnits(), reserved.years()), scope));
                    parts.add(
                            rename(costs.reservationCredit(Kind.READ, reserved.readUnits(), standardRcuHours), scope));
                }
            }
            lines.addAll(parts);
            double total = parts.stream().mapToDouble(LineItem::value).sum();
            StringBuilder f = new StringBuilder();
            for (LineItem p : parts) {
                f.append(f.isEmpty() ? "" : " + ")
                        .append(Fmt.usd(p.value()))
                        .append(" [")
                        .append(p.name())
                        .append("]");
            }
            lines.add(new LineItem(
                    Section.COST,
                    scope,
                    "monthly total",
                    total,
                    "USD",
                    (f.isEmpty() ? "0" : f) + " = " + Fmt.usd(total)));
            return total;
        }

        private static LineItem rename(LineItem line, String scope) {
            return new LineItem(line.section(), scope, line.name(), line.value(), line.unit(), line.formula());
        }

        private String recommendation(double current, double recommended) {
            StringBuilder s = new StringBuilder();
            for (TableEstimate t : tables) {
                s.append(t.recommendation()).append('\n');
            }
            s.append("Model ").append(model.name()).append(": ").append(cents(recommended));
            s.append(" a month with the recommended settings, ")
                    .append(cents(current))
                    .append(" as set now");
            s.append(options.freeTier() ? " (free tier applied once for the account)." : " (no free tier).");
            return s.toString();
        }

        private List<String> assumptions() {
            PriceTable p = options.prices();
            List<String> a = new ArrayList<>();
            a.add("Prices: " + p.describe() + " (" + p.service() + ", effective from " + p.effectiveFrom() + ")");
            a.add("Month: " + num(p.units().hoursPerMonth()) + " hours; GB = "
                    + num(p.units().gbBytes()) + " bytes");
            a.add(
                    "Reads: 4,096-byte units (eventual 0.5, strong 1, transactional 2); writes: 1,024-byte units"
                            + " (transactional 2, index writes not doubled); Query and Scan summed per 1 MB page before filters");
            a.add("Sizes: attribute names plus typical value sizes (strings 16 B, numbers 6 B, template variables "
                    + Sizing.VARIABLE_BYTES
                    + " B unless the model says otherwise); sample items measured where they exist ("
                    + (options.sizeStatistic() == EstimateOptions.SizeStatistic.P95 ? "95th percentile" : "average")
                    + "); storage adds " + p.units().perItemStorageOverheadBytes() + " B per item and index entry");
            Double target = options.provisioning().autoScalingTarget();
            a.add("Provisioned capacity: "
                    + (target == null
                            ? "fixed at the peak"
                            : "auto-scaled to " + num(target * 100) + "% utilization"
                                    + (options.provisioning().hourlyProfile() == null
                                            ? " of the average"
                                            : " hour by hour"))
                    + "; at least 1 unit per table and GSI; table peaks assume all patterns peak together");
            a.add("Free tier: " + (options.freeTier() ? "on, once for the account" : "off")
                    + "; reserved capacity: "
                    + (options.reserved() == null
                            ? "none"
                            : options.reserved().writeUnits() + " WCU and "
                                    + options.reserved().readUnits() + " RCU, "
                                    + options.reserved().years() + "-year"));
            a.add("Regions: " + (1 + options.additionalRegions()) + "; on-demand backups kept: "
                    + options.retainedBackups() + "; billed stream consumers: " + options.streamConsumers());
            if (options.trafficMultiplier() != 1 || options.itemSizeMultiplier() != 1) {
                a.add("Traffic x " + num(options.trafficMultiplier()) + "; item sizes x "
                        + num(options.itemSizeMultiplier()));
            }
            a.add("Optional attributes count as present; writes to items with several entity types use the first named"
                    + " entity type; TTL deletions equal"
                    + " item creations (steady state); partitions per reference 5.2 (a heuristic)");
            return a;
        }
    }
}
