package dev.keysmith.modeler.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * How the application reads or writes data.
 *
 * @param table the table name
 * @param index the index name for a Query or Scan on an index, else null
 * @param keyCondition template text with named parameters, e.g.
 *     {@code PK = USER#{userId} AND begins_with(SK, 'ORDER#')}; for keyed operations the key attributes given
 * @param filter a filter expression (attribute names as written, e.g. {@code status = :s})
 * @param projection a projection expression (comma-separated attribute names), or null for all attributes
 * @param expectedItemsPerRequest items a request returns or writes on average
 * @param expectedEntityTypes names of the entity types the pattern reads or writes
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AccessPattern(
        @JsonProperty("id") String id,
        @JsonProperty("name") String name,
        @JsonProperty("description") String description,
        @JsonProperty("operation") Operation operation,
        @JsonProperty("table") String table,
        @JsonProperty("index") @Nullable String index,
        @JsonProperty("keyCondition") @Nullable String keyCondition,
        @JsonProperty("filter") @Nullable String filter,
        @JsonProperty("projection") @Nullable String projection,
        @JsonProperty("consistency") Consistency consistency,
        @JsonProperty("rate") Rate rate,
        @JsonProperty("expectedItemsPerRequest") int expectedItemsPerRequest,
        @JsonProperty("expectedEntityTypes") List<String> expectedEntityTypes) {

    public AccessPattern {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(table, "table");
        description = description == null ? "" : description;
        consistency = consistency == null ? Consistency.EVENTUAL : consistency;
        rate = rate == null ? Rate.of(0) : rate;
        expectedEntityTypes = expectedEntityTypes == null ? List.of() : List.copyOf(expectedEntityTypes);
    }

    /** A pattern with no index, filter or projection, eventual consistency, one item per request. */
    public static AccessPattern of(
            String id, String name, Operation operation, String table, @Nullable String keyCondition, Rate rate) {
        return new AccessPattern(
                id,
                name,
                "",
                operation,
                table,
                null,
                keyCondition,
                null,
                null,
                Consistency.EVENTUAL,
                rate,
                1,
                List.of());
    }

    public AccessPattern withIndex(@Nullable String index) {
        return new AccessPattern(
                id,
                name,
                description,
                operation,
                table,
                index,
                keyCondition,
                filter,
                projection,
                consistency,
                rate,
                expectedItemsPerRequest,
                expectedEntityTypes);
    }

    public AccessPattern withKeyCondition(@Nullable String keyCondition) {
        return new AccessPattern(
                id,
                name,
                description,
                operation,
                table,
                index,
                keyCondition,
                filter,
                projection,
                consistency,
                rate,
                expectedItemsPerRequest,
                expectedEntityTypes);
    }

    public AccessPattern withFilter(@Nullable String filter) {
        return new AccessPattern(
                id,
                name,
                description,
                operation,
                table,
                index,
                keyCondition,
                filter,
                projection,
                consistency,
                rate,
                expectedItemsPerRequest,
                expectedEntityTypes);
    }

    public AccessPattern withProjection(@Nullable String projection) {
        return new AccessPattern(
                id,
                name,
                description,
                operation,
                table,
                index,
                keyCondition,
                filter,
                projection,
                consistency,
                rate,
                expectedItemsPerRequest,
                expectedEntityTypes);
    }

    public AccessPattern withConsistency(Consistency consistency) {
        return new AccessPattern(
                id,
                name,
                description,
                operation,
                table,
                index,
                keyCondition,
                filter,
                projection,
                consistency,
                rate,
                expectedItemsPerRequest,
                expectedEntityTypes);
    }

    public AccessPattern withRate(Rate rate) {
        return new AccessPattern(
                id,
                name,
                description,
                operation,
                table,
                index,
                keyCondition,
                filter,
                projection,
                consistency,
                rate,
                expectedItemsPerRequest,
                expectedEntityTypes);
    }

    public AccessPattern withExpectedItemsPerRequest(int expectedItemsPerRequest) {
        return new AccessPattern(
                id,
                name,
                description,
                operation,
                table,
                index,
                keyCondition,
                filter,
                projection,
                consistency,
                rate,
                expectedItemsPerRequest,
                expectedEntityTypes);
    }

    public AccessPattern withExpectedEntityTypes(List<String> expectedEntityTypes) {
        return new AccessPattern(
                id,
                name,
                description,
                operation,
                table,
                index,
                keyCondition,
                filter,
                projection,
                consistency,
                rate,
                expectedItemsPerRequest,
                expectedEntityTypes);
    }
}
