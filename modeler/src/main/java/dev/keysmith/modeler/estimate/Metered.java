package dev.keysmith.modeler.estimate;

/**
 * A metered quantity with the formula it came from, inputs substituted, e.g. {@code "ceil(5,120 B / 4,096 B) = 2 RCU x
 * 0.5 [eventual] = 1 RCU"}.
 */
public record Metered(double units, String formula) {
    /** Nothing metered. */
    public static Metered zero(String why) {
        return new Metered(0, "0 [" + why + "]");
    }
}
