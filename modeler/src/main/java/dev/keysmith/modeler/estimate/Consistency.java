package dev.keysmith.modeler.estimate;

/** How a read is metered: eventually consistent reads cost half a unit per 4 KB, transactional reads double. */
public enum Consistency {
    EVENTUAL(0.5, "eventual"),
    STRONG(1, "strong"),
    TRANSACTIONAL(2, "transactional");

    private final double factor;
    private final String label;

    Consistency(double factor, String label) {
        this.factor = factor;
        this.label = label;
    }

    /** Read units per started 4 KB: 0.5, 1 or 2. */
    public double factor() {
        return factor;
    }

    /** The word used in formulas. */
    public String label() {
        return label;
    }
}
