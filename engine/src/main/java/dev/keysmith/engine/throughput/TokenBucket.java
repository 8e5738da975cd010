package dev.keysmith.engine.throughput;

import java.time.Duration;
import java.time.Instant;

/**
 * Capacity units available to one table or GSI for reads or for writes: refilled at the provisioned rate per second,
 * holding at most {@link #BURST} of it (DynamoDB keeps up to five minutes of unused capacity for bursts). It starts
 * full. A request is admitted while the bucket is not empty and is then charged what it consumed, so one request can
 * overdraw it; the debt is repaid by later refills.
 */
final class TokenBucket {
    static final Duration BURST = Duration.ofSeconds(300);

    private double tokens;
    private Instant last;

    TokenBucket(long ratePerSecond, Instant now) {
        this.tokens = capacity(ratePerSecond);
        this.last = now;
    }

    private static double capacity(long ratePerSecond) {
        return (double) ratePerSecond * BURST.toSeconds();
    }

    /** Adds what {@code ratePerSecond} earned since the last refill, up to the burst capacity. */
    void refill(long ratePerSecond, Instant now) {
        if (now.isAfter(last)) {
            double seconds = Duration.between(last, now).toNanos() / 1e9;
            tokens = Math.min(capacity(ratePerSecond), tokens + seconds * ratePerSecond);
            last = now;
        }
        tokens = Math.min(tokens, capacity(ratePerSecond)); // after a decrease of the provisioned rate
    }

    boolean empty() {
        return tokens <= 0;
    }

    void debit(double units) {
        tokens -= units;
    }

    double tokens() {
        return tokens;
    }
}
