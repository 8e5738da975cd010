package dev.keysmith.modeler.estimate;

/** DynamoDB's capacity modes. */
public enum BillingMode {
    ON_DEMAND("on-demand"),
    PROVISIONED("provisioned");

    private final String label;

    BillingMode(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
