package dev.keysmith.modeler.model;

/** The read consistency an access pattern needs. */
public enum Consistency {
    EVENTUAL,
    STRONG,
    TRANSACTIONAL
}
