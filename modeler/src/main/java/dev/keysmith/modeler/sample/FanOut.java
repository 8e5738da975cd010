package dev.keysmith.modeler.sample;

import java.util.Objects;

/**
 * Parent-child fan-out: every item of {@code parent} gets between {@code min} and {@code max} items of {@code child}
 * (inclusive), generated right after it and sharing its key variables, so child keys render into the parent's
 * partition. A child entity with a fan-out is generated only this way, never on its own.
 */
public record FanOut(String child, String parent, int min, int max) {

    public FanOut {
        Objects.requireNonNull(child, "child");
        Objects.requireNonNull(parent, "parent");
        if (min < 0 || max < min) {
            throw new IllegalArgumentException(
                    "fan-out of " + child + " must have 0 <= min <= max, got " + min + ".." + max);
        }
        if (child.equals(parent)) {
            throw new IllegalArgumentException("entity " + child + " cannot be its own parent");
        }
    }
}
