package dev.keysmith.modeler.model;

/** What a DynamoDB stream record carries. */
public enum StreamViewType {
    KEYS_ONLY,
    NEW_IMAGE,
    OLD_IMAGE,
    NEW_AND_OLD_IMAGES
}
