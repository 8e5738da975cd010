package dev.keysmith.modeler.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;

/** A key attribute of a table or index: its name and scalar type. */
public record KeyAttribute(
        @JsonProperty("name") String name,
        @JsonProperty("type") ScalarType type) {

    public KeyAttribute {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
    }

    public static KeyAttribute string(String name) {
        return new KeyAttribute(name, ScalarType.S);
    }

    public static KeyAttribute number(String name) {
        return new KeyAttribute(name, ScalarType.N);
    }
}
