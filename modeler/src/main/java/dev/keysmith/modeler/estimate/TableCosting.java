package dev.keysmith.modeler.estimate;

import static dev.keysmith.modeler.estimate.Fmt.num;

import dev.keysmith.modeler.estimate.CostModel.Kind;
import dev.keysmith.modeler.estimate.LineItem.Section;
import dev.keysmith.modeler.estimate.TableEstimate.Option;
import dev.keysmith.modeler.model.BillingMode;
import dev.keysmith.modeler.model.TableClass;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One table's monthly cost under one billing mode and table class: throughput per capacity pool (the table with its
 * local indexes, and each global index), storage, backups, streams and global-table replicas.
 *
 * @param reads read units per second per pool ("" is the table, else the GSI name)
 * @param writes write units per second per pool
 * @param ttlDeleteUnits write units per second of TTL deletions (free here, replicated in other regions)
 * @param storage stored bytes with overhead per pool, one region: the table's items and local index entries, each
 *     global index's entries
 * @param streamRequestsPerMonth billed GetRecords calls (non-Lambda consumers), 0 without streams
 * @param bytesWrittenPerSecond item bytes written per second (replication transfer)
 */
record TableCosting(
        String table,
        Map<String, Load> reads,
        Map<String, Load> writes,
        double ttlDeleteUnits,
        Map<String, Double> storage,
        boolean pointInTimeRecovery,
        double streamRequestsPerMonth,
        double bytesWrittenPerSecond) {

    /** The cost lines of one option and their total (the last line). */
    List<LineItem> lines(Option option, CostModel costs, EstimateOptions options) {
        String scope = "table " + table + " [" + option.label() + "]";
        TableClass tc = option.tableClass();
        List<LineItem> lines = new ArrayList<>();
        double writeUnitsForReplicas = switch (option.mode()) {
            case PAY_PER_REQUEST -> {
                double writeUnits = 0;
                for (Kind kind : Kind.values()) {
                    for (Map.Entry<String, Load> pool : (kind == Kind.READ ? reads : writes).entrySet()) {
                        double units =
                                pool.getValue().average() * costs.prices().secondsPerMonth();
                        lines.add(costs.onDemand(scoped(scope, pool.getKey()), kind, units, tc));
                        if (kind == Kind.WRITE) {
                            writeUnits += units;
                        }
                    }
                }
                yield writeUnits + ttlDeleteUnits * costs.prices().secondsPerMonth();
            }
            case PROVISIONED -> {
                double writeHours = 0;
                for (Kind kind : Kind.values()) {
                    for (Map.Entry<String, Load> pool : (kind == Kind.READ ? reads : writes).entrySet()) {
                        String poolScope = scoped(scope, pool.getKey());
                        LineItem hours =
                                costs.provisionedUnitHours(poolScope, kind, pool.getValue(), options.provisioning());
                        lines.add(hours);
                        lines.add(costs.provisioned(poolScope, kind, hours.value(), tc));
                        if (kind == Kind.WRITE) {
                            writeHours += hours.value();
                        }
                    }
                }
                yield writeHours;
            }
        };
        storage.forEach((pool, bytes) -> lines.add(costs.storage(scoped(scope, pool), bytes, tc)));
        if (pointInTimeRecovery) {
            lines.add(costs.pointInTimeRecovery(scope, backupBytes()));
        }
        if (options.retainedBackups() > 0) {
            lines.add(costs.onDemandBackups(scope, backupBytes(), options.retainedBackups()));
        }
        if (streamRequestsPerMonth > 0) {
            lines.add(costs.streamReads(scope, streamRequestsPerMonth));
        }
        int regions = options.additionalRegions();
        if (regions > 0) {
            lines.add(costs.replicatedWrites(scope, option.mode(), writeUnitsForReplicas, regions, tc));
            LineItem replicaStorage = costs.storage(scope, storageBytes(), tc);
            lines.add(CostModel.money(
                    scope,
                    "replica storage",
                    replicaStorage
                                    .formula()
                                    .substring(0, replicaStorage.formula().lastIndexOf(" = ")) + " x "
                            + num(regions, "regions"),
                    replicaStorage.value() * regions));
            lines.add(costs.replicationTransfer(
                    scope, bytesWrittenPerSecond * costs.prices().secondsPerMonth(), regions));
        }
        double total = lines.stream()
                .filter(l -> l.unit().equals("USD"))
                .mapToDouble(LineItem::value)
                .sum();
        StringBuilder f = new StringBuilder();
        for (LineItem l : lines) {
            if (l.unit().equals("USD")) {
                f.append(f.isEmpty() ? "" : " + ")
                        .append(Fmt.usd(l.value()))
                        .append(" [")
                        .append(l.name());
                f.append("]");
            }
        }
        lines.add(new LineItem(Section.COST, scope, "monthly total", total, "USD", f + " = " + Fmt.usd(total)));
        return lines;
    }

    /** The throughput cost only (no storage or backups) at {@code m} times the traffic: for the break-even search. */
    double throughput(Option option, double m, CostModel costs, EstimateOptions options) {
        TableClass tc = option.tableClass();
        int regions = options.additionalRegions();
        double seconds = costs.prices().secondsPerMonth();
        return switch (option.mode()) {
            case PAY_PER_REQUEST -> {
                double r = sum(reads) * m * seconds;
                double w = sum(writes) * m * seconds;
                double replicated = (w + ttlDeleteUnits * m * seconds)
                        * regions
                        * costs.prices().onDemand(tc).replicatedWriteRequestUnitPerMillion()
                        / 1_000_000;
                yield r * costs.perRequestUnit(Kind.READ, tc) + w * costs.perRequestUnit(Kind.WRITE, tc) + replicated;
            }
            case PROVISIONED -> {
                double cost = 0;
                double writeHours = 0;
                for (Load l : reads.values()) {
                    cost += costs.unitHours(l.times(m), options.provisioning()) * costs.hourly(Kind.READ, tc);
                }
                for (Load l : writes.values()) {
                    double hours = costs.unitHours(l.times(m), options.provisioning());
                    writeHours += hours;
                    cost += hours * costs.hourly(Kind.WRITE, tc);
                }
                yield cost
                        + writeHours * regions * costs.prices().provisioned(tc).replicatedWcuHour();
            }
        };
    }

    /** All stored bytes of the table and its indexes, one region. */
    double storageBytes() {
        return storage.values().stream().mapToDouble(Double::doubleValue).sum();
    }

    /** What backups and point-in-time recovery bill: the items and local index entries. */
    double backupBytes() {
        return storage.get(PatternMeter.TABLE_POOL);
    }

    private static String scoped(String scope, String pool) {
        return pool.isEmpty() ? scope : scope + " index " + pool;
    }

    private static double sum(Map<String, Load> pools) {
        return pools.values().stream().mapToDouble(Load::average).sum();
    }

    static List<Option> options() {
        List<Option> all = new ArrayList<>();
        for (BillingMode mode : List.of(BillingMode.PAY_PER_REQUEST, BillingMode.PROVISIONED)) {
            for (TableClass tc : TableClass.values()) {
                all.add(new Option(mode, tc));
            }
        }
        return all;
    }
}
