package dev.keysmith.modeler.model;

/** How a table is billed. */
public enum BillingMode {
    PAY_PER_REQUEST,
    PROVISIONED
}
