package dev.keysmith.modeler.sample;

import java.util.Objects;

/**
 * A hot partition: a {@code fraction} (0 to 1) of the items of {@code entityType} get the same partition-key variable
 * values, so their partition key is one single value.
 */
public record Skew(String entityType, double fraction) {

    public Skew {
        Objects.requireNonNull(entityType, "entityType");
        if (!(fraction >= 0 && fraction <= 1)) {
            throw new IllegalArgumentException("skew fraction must be between 0 and 1, got " + fraction);
        }
    }
}
