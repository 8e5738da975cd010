package dev.keysmith.engine.table;

import java.time.Instant;
import java.time.ZoneOffset;
import org.jspecify.annotations.Nullable;

/**
 * When a table's capacity settings last changed, as DescribeTable reports them.
 *
 * @param decreasesOnDay provisioned-throughput decreases made on the UTC day of {@code lastDecrease}
 * @param lastUpdateToPayPerRequest when the table last switched to on-demand (or was created on-demand)
 */
public record CapacityHistory(
        @Nullable Instant lastIncrease,
        @Nullable Instant lastDecrease,
        int decreasesOnDay,
        @Nullable Instant lastUpdateToPayPerRequest) {

    public static final CapacityHistory NONE = new CapacityHistory(null, null, 0, null);

    /** DynamoDB's {@code NumberOfDecreasesToday}: decreases made since the start of the current UTC day. */
    public long decreasesToday(Instant now) {
        if (lastDecrease == null) {
            return 0;
        }
        boolean sameDay = lastDecrease
                .atZone(ZoneOffset.UTC)
                .toLocalDate()
                .equals(now.atZone(ZoneOffset.UTC).toLocalDate());
        return sameDay ? decreasesOnDay : 0;
    }

    CapacityHistory throughputChanged(long oldRead, long oldWrite, long newRead, long newWrite, Instant now) {
        Instant increase = newRead > oldRead || newWrite > oldWrite ? now : lastIncrease;
        if (newRead < oldRead || newWrite < oldWrite) {
            return new CapacityHistory(increase, now, (int) decreasesToday(now) + 1, lastUpdateToPayPerRequest);
        }
        return new CapacityHistory(increase, lastDecrease, decreasesOnDay, lastUpdateToPayPerRequest);
    }

    CapacityHistory switchedToPayPerRequest(Instant now) {
        return new CapacityHistory(lastIncrease, lastDecrease, decreasesOnDay, now);
    }
}
