package dev.keysmith.modeler.model;

/** The DynamoDB table class. */
public enum TableClass {
    STANDARD,
    STANDARD_INFREQUENT_ACCESS
}
