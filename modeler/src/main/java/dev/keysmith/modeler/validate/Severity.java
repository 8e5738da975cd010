package dev.keysmith.modeler.validate;

/** How serious a diagnostic is. */
public enum Severity {
    /** DynamoDB would reject the design, or the design cannot work as described. */
    ERROR,
    /** Works, but likely wrong, slow, expensive or throttled. */
    WARNING,
    /** Worth knowing. */
    INFO
}
