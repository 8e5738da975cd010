package dev.keysmith.modeler.model;

/** Which attributes a secondary index copies. */
public enum ProjectionKind {
    ALL,
    KEYS_ONLY,
    INCLUDE
}
