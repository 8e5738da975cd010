package dev.keysmith.modeler.estimate;

/** A rate (capacity units or requests per second) on average and at peak. */
public record Load(double average, double peak) {
    public static final Load NONE = new Load(0, 0);

    public Load {
        if (!(average >= 0) || !(peak >= 0)) {
            throw new IllegalArgumentException("Rates must be non-negative numbers");
        }
        peak = Math.max(peak, average);
    }

    public Load plus(Load other) {
        return new Load(average + other.average, peak + other.peak);
    }

    public Load times(double factor) {
        return new Load(average * factor, peak * factor);
    }
}
