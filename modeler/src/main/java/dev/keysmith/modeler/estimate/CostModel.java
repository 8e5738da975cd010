package dev.keysmith.modeler.estimate;

import static dev.keysmith.modeler.estimate.Fmt.num;
import static dev.keysmith.modeler.estimate.Fmt.usd;

import dev.keysmith.modeler.estimate.LineItem.Section;
import dev.keysmith.modeler.model.BillingMode;
import dev.keysmith.modeler.model.TableClass;
import java.util.List;

/**
 * The money side of an estimate, from a {@link PriceTable}: on-demand request units, provisioned unit-hours (fixed or
 * auto-scaled, optionally following an hourly profile), reserved capacity, storage, backups, streams, global-table
 * replicas and the account's free tier. Each method returns a {@link LineItem} in USD per month (or unit-hours) whose
 * formula shows its inputs.
 */
public final class CostModel {
    private static final double MILLION = 1_000_000;
    private static final double HUNDRED_THOUSAND = 100_000;

    private final PriceTable prices;

    public CostModel(PriceTable prices) {
        this.prices = prices;
    }

    public PriceTable prices() {
        return prices;
    }

    /** Whether a capacity pool is read or write capacity. */
    public enum Kind {
        READ("RCU", "RRU"),
        WRITE("WCU", "WRU");

        private final String provisionedUnit;
        private final String onDemandUnit;

        Kind(String provisionedUnit, String onDemandUnit) {
            this.provisionedUnit = provisionedUnit;
            this.onDemandUnit = onDemandUnit;
        }

        public String provisionedUnit() {
            return provisionedUnit;
        }

        public String onDemandUnit() {
            return onDemandUnit;
        }
    }

    /** Capacity units consumed in a month at an average rate of {@code unitsPerSecond}. */
    public Metered unitsPerMonth(double unitsPerSecond, Kind kind) {
        double units = unitsPerSecond * prices.secondsPerMonth();
        return new Metered(
                units,
                num(unitsPerSecond, kind.provisionedUnit()) + " per s x "
                        + num(prices.units().hoursPerMonth()) + " hours x 3,600 s = "
                        + num(units, kind.onDemandUnit()));
    }

    /** On-demand request units for a month: read (RRU) or write (WRU) units at the table class's price. */
    public LineItem onDemand(String scope, Kind kind, double unitsPerMonth, TableClass tableClass) {
        PriceTable.OnDemand p = prices.onDemand(tableClass);
        double perMillion = kind == Kind.READ ? p.readRequestUnitPerMillion() : p.writeRequestUnitPerMillion();
        return money(
                scope,
                "on-demand " + (kind == Kind.READ ? "reads" : "writes") + " (" + label(tableClass) + ")",
                num(unitsPerMonth, kind.onDemandUnit()) + " x " + usd(perMillion) + " / " + num(MILLION),
                unitsPerMonth * perMillion / MILLION);
    }

    /**
     * The unit-hours a month of provisioned capacity needs for a load of capacity units per second: fixed at the peak,
     * or auto-scaled to {@code target} utilization hour by hour (at least 1 unit, the minimum for a table or GSI).
     */
    public LineItem provisionedUnitHours(String scope, Kind kind, Load load, Provisioning provisioning) {
        String unit = kind.provisionedUnit();
        double hoursPerMonth = prices.units().hoursPerMonth();
        String name = "provisioned " + unit + " hours";
        Double target = provisioning.autoScalingTarget();
        if (target == null) {
            double peak = Math.max(load.peak(), load.average() * provisioning.peakMultiplier());
            long units = Math.max(1, ceilUnits(peak));
            String f = "max(ceil(" + num(peak, unit) + " [peak]); 1) = " + num(units, unit) + " x "
                    + num(hoursPerMonth, "hours") + " = " + num(units * hoursPerMonth, unit + " hours");
            return new LineItem(Section.COST, scope, name, units * hoursPerMonth, unit + " hours", f);
        }
        if (provisioning.hourlyProfile() == null) {
            long units = Math.max(1, ceilUnits(load.average() / target));
            String f = "max(ceil(" + num(load.average(), unit) + " [average] / " + num(target)
                    + " [target utilization]); 1) = " + num(units, unit) + " x " + num(hoursPerMonth, "hours") + " = "
                    + num(units * hoursPerMonth, unit + " hours");
            return new LineItem(Section.COST, scope, name, units * hoursPerMonth, unit + " hours", f);
        }
        List<Double> weights = provisioning.hourlyProfile();
        double weightSum = weights.stream().mapToDouble(Double::doubleValue).sum();
        long perDay = 0;
        StringBuilder sum = new StringBuilder("(");
        for (int h = 0; h < 24; h++) {
            double w = weights.get(h);
            perDay += Math.max(1, ceilUnits(load.average() * w * 24 / weightSum / target));
            sum.append(h == 0 ? "" : " + ")
                    .append("max(ceil(")
                    .append(num(load.average()))
                    .append(" x ");
            sum.append(num(w))
                    .append(" x 24 / ")
                    .append(num(weightSum))
                    .append(" / ")
                    .append(num(target));
            sum.append("); 1)");
        }
        double hours = perDay * hoursPerMonth / 24;
        String f = sum + ") [hourly profile, target utilization] = " + num(perDay, unit + " hours per day") + " x "
                + num(hoursPerMonth, "hours") + " / 24 = " + num(hours, unit + " hours");
        return new LineItem(Section.COST, scope, name, hours, unit + " hours", f);
    }

    /**
     * The unit-hours of {@link #provisionedUnitHours} as a number only (no formula), for searches that evaluate it
     * many times.
     */
    public double unitHours(Load load, Provisioning provisioning) {
        double hoursPerMonth = prices.units().hoursPerMonth();
        Double target = provisioning.autoScalingTarget();
        if (target == null) {
            double peak = Math.max(load.peak(), load.average() * provisioning.peakMultiplier());
            return Math.max(1, ceilUnits(peak)) * hoursPerMonth;
        }
        List<Double> weights = provisioning.hourlyProfile();
        if (weights == null) {
            return Math.max(1, ceilUnits(load.average() / target)) * hoursPerMonth;
        }
        double weightSum = weights.stream().mapToDouble(Double::doubleValue).sum();
        long perDay = 0;
        for (double w : weights) {
            perDay += Math.max(1, ceilUnits(load.average() * w * 24 / weightSum / target));
        }
        return perDay * hoursPerMonth / 24;
    }

    /** The hourly price of a provisioned unit. */
    public double hourly(Kind kind, TableClass tableClass) {
        PriceTable.Provisioned p = prices.provisioned(tableClass);
        return kind == Kind.READ ? p.rcuHour() : p.wcuHour();
    }

    /** The price of one on-demand request unit. */
    public double perRequestUnit(Kind kind, TableClass tableClass) {
        PriceTable.OnDemand p = prices.onDemand(tableClass);
        return (kind == Kind.READ ? p.readRequestUnitPerMillion() : p.writeRequestUnitPerMillion()) / MILLION;
    }

    /** The price of provisioned unit-hours (write, read, or replicated write). */
    public LineItem provisioned(String scope, Kind kind, double unitHours, TableClass tableClass) {
        PriceTable.Provisioned p = prices.provisioned(tableClass);
        double hourly = kind == Kind.READ ? p.rcuHour() : p.wcuHour();
        return money(
                scope,
                "provisioned " + kind.provisionedUnit() + " (" + label(tableClass) + ")",
                num(unitHours, kind.provisionedUnit() + " hours") + " x " + usd(hourly),
                unitHours * hourly);
    }

    /**
     * Global tables: every write is replicated to each of {@code replicaRegions} other regions, billed as replicated
     * write units (on-demand) or replicated WCU-hours (provisioned).
     */
    public LineItem replicatedWrites(
            String scope, BillingMode mode, double writeUnits, int replicaRegions, TableClass tableClass) {
        return switch (mode) {
            case PAY_PER_REQUEST -> {
                double perMillion = prices.onDemand(tableClass).replicatedWriteRequestUnitPerMillion();
                yield money(
                        scope,
                        "replicated writes (" + label(tableClass) + ")",
                        num(writeUnits, "WRU") + " x " + num(replicaRegions, "regions") + " x " + usd(perMillion)
                                + " / " + num(MILLION),
                        writeUnits * replicaRegions * perMillion / MILLION);
            }
            case PROVISIONED -> {
                double hourly = prices.provisioned(tableClass).replicatedWcuHour();
                yield money(
                        scope,
                        "replicated WCU (" + label(tableClass) + ")",
                        num(writeUnits, "WCU hours") + " x " + num(replicaRegions, "regions") + " x " + usd(hourly),
                        writeUnits * replicaRegions * hourly);
            }
        };
    }

    /** Inter-region data transfer for global-table replication: every written byte goes to each other region. */
    public LineItem replicationTransfer(String scope, double bytesWrittenPerMonth, int replicaRegions) {
        double gb = gigabytes(bytesWrittenPerMonth);
        double perGb = prices.dataTransfer().interRegionPerGb();
        return money(
                scope,
                "replication data transfer",
                num(bytesWrittenPerMonth, "B") + " / " + num(prices.units().gbBytes(), "B") + " x "
                        + num(replicaRegions, "regions") + " x " + usd(perGb),
                gb * replicaRegions * perGb);
    }

    /** Storage for a month of {@code bytes} (items and index entries with their 100-byte overhead). */
    public LineItem storage(String scope, double bytes, TableClass tableClass) {
        double perGb = prices.storagePerGbMonth(tableClass);
        return money(
                scope,
                "storage (" + label(tableClass) + ")",
                num(bytes, "B") + " / " + num(prices.units().gbBytes(), "B") + " x " + usd(perGb),
                gigabytes(bytes) * perGb);
    }

    /** Continuous backups (point-in-time recovery), billed on the table's size (items and local indexes). */
    public LineItem pointInTimeRecovery(String scope, double bytes) {
        double perGb = prices.backup().pitrGbMonth();
        return money(
                scope,
                "point-in-time recovery",
                num(bytes, "B") + " / " + num(prices.units().gbBytes(), "B") + " x " + usd(perGb),
                gigabytes(bytes) * perGb);
    }

    /** On-demand backups: each retained full backup is billed on the table's size. */
    public LineItem onDemandBackups(String scope, double bytes, int retainedBackups) {
        double perGb = prices.backup().onDemandBackupGbMonth();
        return money(
                scope,
                "on-demand backups",
                num(retainedBackups, "backups") + " x " + num(bytes, "B") + " / "
                        + num(prices.units().gbBytes(), "B") + " x " + usd(perGb),
                retainedBackups * gigabytes(bytes) * perGb);
    }

    /** Streams read requests (GetRecords calls) by consumers other than Lambda and global-table replication. */
    public LineItem streamReads(String scope, double requestsPerMonth) {
        double per100k = prices.streams().readRequestUnitsPer100k();
        return money(
                scope,
                "stream read requests",
                num(requestsPerMonth, "requests") + " x " + usd(per100k) + " / " + num(HUNDRED_THOUSAND),
                requestsPerMonth * per100k / HUNDRED_THOUSAND);
    }

    /** Reserved capacity: blocks of units paid up front (spread over the term's months) plus their hourly rate. */
    public LineItem reservation(Kind kind, long units, int years) {
        PriceTable.ReservedCapacity rc = prices.reservedCapacity();
        PriceTable.Block block =
                kind == Kind.READ ? rc.term(years).rcu() : rc.term(years).wcu();
        long blocks = Math.ceilDiv(units, rc.blockUnits());
        double monthly = blocks
                * (block.upfront() / (12.0 * years)
                        + block.hourly() * prices.units().hoursPerMonth());
        return money(
                "model",
                "reserved " + kind.provisionedUnit() + " (" + years + "-year term)",
                num(blocks, "blocks") + " x (" + usd(block.upfront()) + " / " + num(12 * years, "months") + " + "
                        + usd(block.hourly()) + " x " + num(prices.units().hoursPerMonth(), "hours") + ")",
                monthly);
    }

    /** What reserved units save: the Standard provisioned price of the unit-hours they cover (a negative amount). */
    public LineItem reservationCredit(Kind kind, long units, double unitHours) {
        String unit = kind.provisionedUnit();
        double hourly = kind == Kind.READ
                ? prices.provisioned(TableClass.STANDARD).rcuHour()
                : prices.provisioned(TableClass.STANDARD).wcuHour();
        long reservedUnits = Math.ceilDiv(units, prices.reservedCapacity().blockUnits())
                * prices.reservedCapacity().blockUnits();
        double covered = Math.min(unitHours, reservedUnits * prices.units().hoursPerMonth());
        return money(
                "model",
                "reserved " + unit + " covers provisioned hours",
                "-min(" + num(unitHours, unit + " hours") + "; " + num(reservedUnits, unit) + " x "
                        + num(prices.units().hoursPerMonth(), "hours") + ") x " + usd(hourly),
                -covered * hourly);
    }

    /** The always-free 25 WCU and 25 RCU of Standard provisioned capacity, once per account and region. */
    public LineItem freeProvisioned(Kind kind, double unitHours) {
        PriceTable.FreeTier free = prices.freeTier();
        String unit = kind.provisionedUnit();
        double freeUnits = kind == Kind.READ ? free.provisionedRcu() : free.provisionedWcu();
        double hourly = kind == Kind.READ
                ? prices.provisioned(TableClass.STANDARD).rcuHour()
                : prices.provisioned(TableClass.STANDARD).wcuHour();
        double hoursPerMonth = prices.units().hoursPerMonth();
        double covered = Math.min(unitHours, freeUnits * hoursPerMonth);
        return money(
                "model",
                "free tier: provisioned " + unit,
                "-min(" + num(unitHours, unit + " hours") + "; " + num(freeUnits, unit) + " x "
                        + num(hoursPerMonth, "hours") + ") x " + usd(hourly),
                -covered * hourly);
    }

    /** The always-free 25 GB of Standard storage, once per account and region. */
    public LineItem freeStorage(double standardBytes) {
        double gb = gigabytes(standardBytes);
        double freeGb = prices.freeTier().standardStorageGbMonth();
        double perGb = prices.storagePerGbMonth(TableClass.STANDARD);
        return money(
                "model",
                "free tier: Standard storage",
                "-min(" + num(standardBytes, "B") + " / " + num(prices.units().gbBytes(), "B") + "; "
                        + num(freeGb, "GB") + ") x " + usd(perGb),
                -Math.min(gb, freeGb) * perGb);
    }

    /** The always-free 2.5 million stream read requests a month, once per account and region. */
    public LineItem freeStreamReads(double requestsPerMonth) {
        double free = prices.freeTier().streamsReadRequestUnitsPerMonth();
        double per100k = prices.streams().readRequestUnitsPer100k();
        return money(
                "model",
                "free tier: stream read requests",
                "-min(" + num(requestsPerMonth, "requests") + "; " + num(free, "requests") + ") x " + usd(per100k)
                        + " / " + num(HUNDRED_THOUSAND),
                -Math.min(requestsPerMonth, free) * per100k / HUNDRED_THOUSAND);
    }

    /** The table class as reports name it. */
    static String label(TableClass tableClass) {
        return switch (tableClass) {
            case STANDARD -> "Standard";
            case STANDARD_INFREQUENT_ACCESS -> "Standard-IA";
        };
    }

    /** The billing mode as reports name it. */
    static String label(BillingMode mode) {
        return switch (mode) {
            case PAY_PER_REQUEST -> "on-demand";
            case PROVISIONED -> "provisioned";
        };
    }

    /** Rounds a computed rate up to whole units, ignoring floating-point noise below 1e-9. */
    static long ceilUnits(double units) {
        return (long) Math.ceil(units - 1e-9);
    }

    /** Bytes as billing gigabytes ({@code units.gbBytes}, 2^30 by default). */
    public double gigabytes(double bytes) {
        return bytes / prices.units().gbBytes();
    }

    static LineItem money(String scope, String name, String expression, double usd) {
        return new LineItem(Section.COST, scope, name, usd, "USD", expression + " = " + usd(usd));
    }
}
