package dev.keysmith.modeler.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A global or local secondary index.
 *
 * @param nonKeyAttributes projected attributes when {@code projection} is INCLUDE (empty otherwise)
 * @param capacity provisioned capacity of a GSI on a PROVISIONED table; always null for an LSI
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record IndexDesign(
        @JsonProperty("name") String name,
        @JsonProperty("partitionKey") KeyAttribute partitionKey,
        @JsonProperty("sortKey") @Nullable KeyAttribute sortKey,
        @JsonProperty("projection") ProjectionKind projection,
        @JsonProperty("nonKeyAttributes") List<String> nonKeyAttributes,
        @JsonProperty("capacity") @Nullable ProvisionedCapacity capacity) {

    public IndexDesign {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(partitionKey, "partitionKey");
        projection = projection == null ? ProjectionKind.ALL : projection;
        nonKeyAttributes = nonKeyAttributes == null ? List.of() : List.copyOf(nonKeyAttributes);
    }

    /** An index projecting ALL attributes, without capacity. */
    public static IndexDesign of(String name, KeyAttribute partitionKey, @Nullable KeyAttribute sortKey) {
        return new IndexDesign(name, partitionKey, sortKey, ProjectionKind.ALL, List.of(), null);
    }

    public IndexDesign withProjection(ProjectionKind projection, List<String> nonKeyAttributes) {
        return new IndexDesign(name, partitionKey, sortKey, projection, nonKeyAttributes, capacity);
    }

    public IndexDesign withCapacity(@Nullable ProvisionedCapacity capacity) {
        return new IndexDesign(name, partitionKey, sortKey, projection, nonKeyAttributes, capacity);
    }

    /** Names of the index key attributes (partition key, then sort key if any). */
    public List<String> keyNames() {
        return sortKey == null ? List.of(partitionKey.name()) : List.of(partitionKey.name(), sortKey.name());
    }
}
