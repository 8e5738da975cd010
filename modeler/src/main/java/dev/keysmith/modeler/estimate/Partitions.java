package dev.keysmith.modeler.estimate;

import static dev.keysmith.modeler.estimate.Fmt.num;

/**
 * Partition estimates (reference §5.2): enough partitions for the throughput (3,000 RCU and 1,000 WCU each) and for
 * the size (10 GB each), and the load on a single partition-key value.
 */
public final class Partitions {
    /** A partition holds at most 10 GB. */
    public static final long PARTITION_BYTES = 10L * 1_073_741_824L;

    private Partitions() {}

    /** {@code max(ceil(RCU / 3,000 + WCU / 1,000), ceil(bytes / 10 GB), 1)}. */
    public static Metered count(double readUnits, double writeUnits, double bytes) {
        long byThroughput = CostModel.ceilUnits(readUnits / HotKey.READ_LIMIT + writeUnits / HotKey.WRITE_LIMIT);
        long bySize = Math.ceilDiv((long) Math.ceil(bytes), PARTITION_BYTES);
        long partitions = Math.max(1, Math.max(byThroughput, bySize));
        return new Metered(
                partitions,
                "max(ceil(" + num(readUnits, "RCU") + " / " + num(HotKey.READ_LIMIT) + " + " + num(writeUnits, "WCU")
                        + " / " + num(HotKey.WRITE_LIMIT) + "); ceil(" + num(bytes, "B") + " / "
                        + num(PARTITION_BYTES, "B") + "); 1) = " + num(partitions, "partitions"));
    }

    /**
     * The peak load on the busiest partition-key value: the pattern's peak units times the larger of 1 / cardinality
     * and the configured hot-key share.
     */
    public static HotKey hotKey(
            String target,
            String keyTemplate,
            double peakUnits,
            boolean write,
            long cardinality,
            @org.jspecify.annotations.Nullable Double hotKeyShare) {
        String unit = write ? "WCU" : "RCU";
        double limit = write ? HotKey.WRITE_LIMIT : HotKey.READ_LIMIT;
        double uniform = 1.0 / cardinality;
        double share = hotKeyShare == null ? uniform : Math.max(uniform, hotKeyShare);
        double load = peakUnits * share;
        String formula = hotKeyShare == null
                ? num(peakUnits, unit) + " [peak] / " + num(cardinality) + " [key values] = " + num(load, unit)
                : num(peakUnits, unit) + " [peak] x max(1 / " + num(cardinality) + " [key values]; " + num(hotKeyShare)
                        + " [hot-key share]) = " + num(load, unit);
        double throttled = load > limit ? 1 - limit / load : 0;
        return new HotKey(target, keyTemplate, cardinality, share, load, unit, limit, throttled, formula);
    }
}
