package dev.keysmith.modeler.estimate;

/**
 * What a base-table write does to one secondary index (Developer Guide, "Provisioned throughput considerations for
 * global secondary indexes"): nothing, a put, a delete, an in-place rewrite of the entry, or a key change (delete the
 * old entry, put the new one).
 */
public enum IndexWrite {
    NONE(0, "entry unchanged"),
    PUT(1, "put"),
    DELETE(1, "delete"),
    REWRITE(1, "projected attributes rewritten"),
    KEY_CHANGE(2, "key change: delete + put");

    private final int writes;
    private final String label;

    IndexWrite(int writes, String label) {
        this.writes = writes;
        this.label = label;
    }

    /** Index writes this change costs: 0, 1 or 2. */
    public int writes() {
        return writes;
    }

    /** The words used in formulas. */
    public String label() {
        return label;
    }
}
