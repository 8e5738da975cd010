package dev.keysmith.modeler.estimate;

/**
 * The load an access pattern puts on its busiest partition-key value at peak, against what one partition can serve
 * (3,000 read or 1,000 write units per second).
 *
 * @param target "table Orders" or "index Orders.GSI1"
 * @param keyTemplate the partition key's template (or attribute name when no template is known)
 * @param cardinality distinct partition-key values the traffic spreads over
 * @param share the busiest value's share of the traffic
 * @param throttledShare the share of the busiest value's requests that would be throttled (0 when under the limit)
 */
public record HotKey(
        String target,
        String keyTemplate,
        long cardinality,
        double share,
        double unitsPerSecond,
        String unit,
        double limit,
        double throttledShare,
        String formula) {

    /** One partition serves at most this many read units per second. */
    public static final double READ_LIMIT = 3_000;
    /** One partition serves at most this many write units per second. */
    public static final double WRITE_LIMIT = 1_000;

    public boolean exceedsLimit() {
        return unitsPerSecond > limit;
    }
}
