package dev.keysmith.modeler.estimate;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * How provisioned capacity is sized: fixed at the peak rate, or auto-scaled to keep utilization at a target (0 to 1),
 * following an optional 24-value hourly traffic profile (relative weights, hour 0 to 23 UTC; flat if absent).
 */
public record Provisioning(
        @Nullable Double autoScalingTarget, @Nullable List<Double> hourlyProfile) {
    /** Auto-scaling at 70% utilization (the console's default target) over a flat day. */
    public static final Provisioning DEFAULT = new Provisioning(0.7, null);
    /** Capacity fixed at the peak, no auto-scaling. */
    public static final Provisioning FIXED_AT_PEAK = new Provisioning(null, null);

    public Provisioning {
        if (autoScalingTarget != null && !(autoScalingTarget >= 0.2 && autoScalingTarget <= 0.9)) {
            // Application Auto Scaling accepts target utilization from 20% to 90%
            throw new IllegalArgumentException(
                    "The auto-scaling target utilization must be between 0.2 and 0.9, not " + autoScalingTarget);
        }
        if (hourlyProfile != null) {
            hourlyProfile = List.copyOf(hourlyProfile);
            if (hourlyProfile.size() != 24) {
                throw new IllegalArgumentException(
                        "The hourly traffic profile needs 24 values (one per hour), not " + hourlyProfile.size());
            }
            double sum = 0;
            for (double weight : hourlyProfile) {
                if (!(weight >= 0)) {
                    throw new IllegalArgumentException("Hourly traffic weights must be non-negative numbers");
                }
                sum += weight;
            }
            if (sum == 0) {
                throw new IllegalArgumentException("The hourly traffic profile has no traffic at all");
            }
        }
    }

    /** The highest hour's rate as a multiple of the daily average (1 for a flat day). */
    double peakMultiplier() {
        if (hourlyProfile == null) {
            return 1;
        }
        double sum = hourlyProfile.stream().mapToDouble(Double::doubleValue).sum();
        return hourlyProfile.stream().mapToDouble(Double::doubleValue).max().orElse(0) * 24 / sum;
    }
}
