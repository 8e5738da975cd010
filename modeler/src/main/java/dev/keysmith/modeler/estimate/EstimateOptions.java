package dev.keysmith.modeler.estimate;

import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The assumptions of an estimate that the model does not hold. Start from {@link #defaults()} and change what you need
 * with the {@code with...} methods.
 *
 * @param prices the price table (bundled us-east-1 by default)
 * @param provisioning how provisioned capacity would be sized (auto-scaling at 70% by default)
 * @param freeTier whether the account's always-free allowances apply (once per model, not per table)
 * @param reserved reserved capacity bought for Standard provisioned tables, or null
 * @param additionalRegions global-table replicas in this many other regions (0: a single-region table)
 * @param retainedBackups on-demand backups kept per table at any time
 * @param streamConsumers stream consumers other than Lambda and global-table replication (their reads are billed)
 * @param streamPollsPerSecond GetRecords calls per shard per second for each such consumer
 * @param sizeStatistic which sample-data statistic sizes items when samples exist
 * @param trafficMultiplier scales every access pattern's rate
 * @param itemSizeMultiplier scales every item and index entry size
 * @param patterns per access pattern id, what the model does not say (cardinality, skew, filter, updated attributes)
 */
public record EstimateOptions(
        PriceTable prices,
        Provisioning provisioning,
        boolean freeTier,
        @Nullable Reserved reserved,
        int additionalRegions,
        int retainedBackups,
        int streamConsumers,
        double streamPollsPerSecond,
        SizeStatistic sizeStatistic,
        double trafficMultiplier,
        double itemSizeMultiplier,
        Map<String, PatternAssumptions> patterns) {

    /** Which sample-data statistic sizes items: the average or the 95th percentile. */
    public enum SizeStatistic {
        AVERAGE,
        P95
    }

    /**
     * Reserved capacity units bought (in blocks of 100) for a 1- or 3-year term.
     *
     * @param writeUnits reserved WCU
     * @param readUnits reserved RCU
     */
    public record Reserved(long writeUnits, long readUnits, int years) {
        public Reserved {
            if (writeUnits < 0 || readUnits < 0) {
                throw new IllegalArgumentException("Reserved capacity cannot be negative");
            }
            if (years != 1 && years != 3) {
                throw new IllegalArgumentException("Reserved capacity terms are 1 or 3 years, not " + years);
            }
        }
    }

    public EstimateOptions {
        if (additionalRegions < 0 || retainedBackups < 0 || streamConsumers < 0) {
            throw new IllegalArgumentException("Regions, backups and stream consumers cannot be negative");
        }
        if (!(streamPollsPerSecond >= 0)) {
            throw new IllegalArgumentException("Stream polls per second must be a non-negative number");
        }
        if (!(trafficMultiplier >= 0) || !(itemSizeMultiplier > 0)) {
            throw new IllegalArgumentException(
                    "The traffic multiplier must be non-negative and the item size multiplier positive");
        }
        patterns = Map.copyOf(patterns);
    }

    /** Bundled prices, auto-scaling at 70%, free tier on, one region, no backups, Lambda stream consumers only. */
    public static EstimateOptions defaults() {
        return new EstimateOptions(
                PriceTable.bundled(),
                Provisioning.DEFAULT,
                true,
                null,
                0,
                0,
                0,
                1,
                SizeStatistic.AVERAGE,
                1,
                1,
                Map.of());
    }

    /** The assumptions for one pattern ({@link PatternAssumptions#NONE} when none were given). */
    public PatternAssumptions pattern(String patternId) {
        return patterns.getOrDefault(patternId, PatternAssumptions.NONE);
    }

    public EstimateOptions withPrices(PriceTable prices) {
        return new EstimateOptions(
                prices,
                provisioning,
                freeTier,
                reserved,
                additionalRegions,
                retainedBackups,
                streamConsumers,
                streamPollsPerSecond,
                sizeStatistic,
                trafficMultiplier,
                itemSizeMultiplier,
                patterns);
    }

    public EstimateOptions withProvisioning(Provisioning provisioning) {
        return new EstimateOptions(
                prices,
                provisioning,
                freeTier,
                reserved,
                additionalRegions,
                retainedBackups,
                streamConsumers,
                streamPollsPerSecond,
                sizeStatistic,
                trafficMultiplier,
                itemSizeMultiplier,
                patterns);
    }

    public EstimateOptions withFreeTier(boolean freeTier) {
        return new EstimateOptions(
                prices,
                provisioning,
                freeTier,
                reserved,
                additionalRegions,
                retainedBackups,
                streamConsumers,
                streamPollsPerSecond,
                sizeStatistic,
                trafficMultiplier,
                itemSizeMultiplier,
                patterns);
    }

    public EstimateOptions withReserved(@Nullable Reserved reserved) {
        return new EstimateOptions(
                prices,
                provisioning,
                freeTier,
                reserved,
                additionalRegions,
                retainedBackups,
                streamConsumers,
                streamPollsPerSecond,
                sizeStatistic,
                trafficMultiplier,
                itemSizeMultiplier,
                patterns);
    }

    public EstimateOptions withAdditionalRegions(int additionalRegions) {
        return new EstimateOptions(
                prices,
                provisioning,
                freeTier,
                reserved,
                additionalRegions,
                retainedBackups,
                streamConsumers,
                streamPollsPerSecond,
                sizeStatistic,
                trafficMultiplier,
                itemSizeMultiplier,
                patterns);
    }

    public EstimateOptions withRetainedBackups(int retainedBackups) {
        return new EstimateOptions(
                prices,
                provisioning,
                freeTier,
                reserved,
                additionalRegions,
                retainedBackups,
                streamConsumers,
                streamPollsPerSecond,
                sizeStatistic,
                trafficMultiplier,
                itemSizeMultiplier,
                patterns);
    }

    public EstimateOptions withStreamConsumers(int streamConsumers, double streamPollsPerSecond) {
        return new EstimateOptions(
                prices,
                provisioning,
                freeTier,
                reserved,
                additionalRegions,
                retainedBackups,
                streamConsumers,
                streamPollsPerSecond,
                sizeStatistic,
                trafficMultiplier,
                itemSizeMultiplier,
                patterns);
    }

    public EstimateOptions withSizeStatistic(SizeStatistic sizeStatistic) {
        return new EstimateOptions(
                prices,
                provisioning,
                freeTier,
                reserved,
                additionalRegions,
                retainedBackups,
                streamConsumers,
                streamPollsPerSecond,
                sizeStatistic,
                trafficMultiplier,
                itemSizeMultiplier,
                patterns);
    }

    public EstimateOptions withTrafficMultiplier(double trafficMultiplier) {
        return new EstimateOptions(
                prices,
                provisioning,
                freeTier,
                reserved,
                additionalRegions,
                retainedBackups,
                streamConsumers,
                streamPollsPerSecond,
                sizeStatistic,
                trafficMultiplier,
                itemSizeMultiplier,
                patterns);
    }

    public EstimateOptions withItemSizeMultiplier(double itemSizeMultiplier) {
        return new EstimateOptions(
                prices,
                provisioning,
                freeTier,
                reserved,
                additionalRegions,
                retainedBackups,
                streamConsumers,
                streamPollsPerSecond,
                sizeStatistic,
                trafficMultiplier,
                itemSizeMultiplier,
                patterns);
    }

    public EstimateOptions withPattern(String patternId, PatternAssumptions assumptions) {
        Map<String, PatternAssumptions> all = new HashMap<>(patterns);
        all.put(patternId, assumptions);
        return new EstimateOptions(
                prices,
                provisioning,
                freeTier,
                reserved,
                additionalRegions,
                retainedBackups,
                streamConsumers,
                streamPollsPerSecond,
                sizeStatistic,
                trafficMultiplier,
                itemSizeMultiplier,
                all);
    }
}
