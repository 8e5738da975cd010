package dev.keysmith.modeler.estimate;

/** DynamoDB's table classes: Standard, and Standard-Infrequent Access (cheaper storage, dearer throughput). */
public enum TableClass {
    STANDARD("Standard"),
    STANDARD_INFREQUENT_ACCESS("Standard-IA");

    private final String label;

    TableClass(String label) {
        this.label = label;
    }

    /** The name used in reports. */
    public String label() {
        return label;
    }
}
