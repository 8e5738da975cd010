package dev.keysmith.modeler.model;

import java.util.Optional;

/** A DynamoDB attribute type. */
public enum AttributeType {
    S,
    N,
    B,
    BOOL,
    NULL,
    L,
    M,
    SS,
    NS,
    BS;

    /** The key type for S, N and B; empty for the types a key attribute cannot have. */
    public Optional<ScalarType> asScalar() {
        return switch (this) {
            case S -> Optional.of(ScalarType.S);
            case N -> Optional.of(ScalarType.N);
            case B -> Optional.of(ScalarType.B);
            case BOOL, NULL, L, M, SS, NS, BS -> Optional.empty();
        };
    }
}
