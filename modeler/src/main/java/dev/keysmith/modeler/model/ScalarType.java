package dev.keysmith.modeler.model;

/** The type of a key attribute (DynamoDB allows only these three). */
public enum ScalarType {
    S,
    N,
    B;

    /** The same type as a general attribute type. */
    public AttributeType asAttributeType() {
        return switch (this) {
            case S -> AttributeType.S;
            case N -> AttributeType.N;
            case B -> AttributeType.B;
        };
    }
}
