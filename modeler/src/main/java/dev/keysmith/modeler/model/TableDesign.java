package dev.keysmith.modeler.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * A DynamoDB table design.
 *
 * @param capacity provisioned capacity; expected when {@code billingMode} is PROVISIONED, ignored otherwise
 * @param ttlAttribute the Time to Live attribute, or null when TTL is off
 * @param streamViewType the stream view type, or null when streams are off
 * @param attributes attributes declared at table level (NoSQL Workbench "NonKeyAttributes"), in order
 * @param metadata free-form settings kept for export, e.g. {@code pointInTimeRecovery=true}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TableDesign(
        @JsonProperty("name") String name,
        @JsonProperty("partitionKey") KeyAttribute partitionKey,
        @JsonProperty("sortKey") @Nullable KeyAttribute sortKey,
        @JsonProperty("billingMode") BillingMode billingMode,
        @JsonProperty("capacity") @Nullable ProvisionedCapacity capacity,
        @JsonProperty("tableClass") TableClass tableClass,
        @JsonProperty("ttlAttribute") @Nullable String ttlAttribute,
        @JsonProperty("streamViewType") @Nullable StreamViewType streamViewType,
        @JsonProperty("deletionProtection") boolean deletionProtection,
        @JsonProperty("gsis") List<IndexDesign> gsis,
        @JsonProperty("lsis") List<IndexDesign> lsis,
        @JsonProperty("attributes") List<AttributeSpec> attributes,
        @JsonProperty("entities") List<EntityType> entities,
        @JsonProperty("sampleItems") List<SampleItem> sampleItems,
        @JsonProperty("metadata") Map<String, String> metadata) {

    /** Metadata key: point-in-time recovery enabled ("true"/"false"). */
    public static final String POINT_IN_TIME_RECOVERY = "pointInTimeRecovery";

    public TableDesign {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(partitionKey, "partitionKey");
        billingMode = billingMode == null ? BillingMode.PAY_PER_REQUEST : billingMode;
        tableClass = tableClass == null ? TableClass.STANDARD : tableClass;
        gsis = gsis == null ? List.of() : List.copyOf(gsis);
        lsis = lsis == null ? List.of() : List.copyOf(lsis);
        attributes = attributes == null ? List.of() : List.copyOf(attributes);
        entities = entities == null ? List.of() : List.copyOf(entities);
        sampleItems = sampleItems == null ? List.of() : List.copyOf(sampleItems);
        metadata = metadata == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
    }

    /** An on-demand STANDARD table with no indexes, entities or items. */
    public static TableDesign of(String name, KeyAttribute partitionKey, @Nullable KeyAttribute sortKey) {
        return new TableDesign(
                name,
                partitionKey,
                sortKey,
                BillingMode.PAY_PER_REQUEST,
                null,
                TableClass.STANDARD,
                null,
                null,
                false,
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                Map.of());
    }

    /** Names of the table key attributes (partition key, then sort key if any). */
    public List<String> keyNames() {
        return sortKey == null ? List.of(partitionKey.name()) : List.of(partitionKey.name(), sortKey.name());
    }

    /** GSIs then LSIs. */
    public List<IndexDesign> indexes() {
        List<IndexDesign> all = new ArrayList<>(gsis);
        all.addAll(lsis);
        return List.copyOf(all);
    }

    public Optional<IndexDesign> index(String indexName) {
        return indexes().stream().filter(i -> i.name().equals(indexName)).findFirst();
    }

    public Optional<EntityType> entity(String entityName) {
        return entities.stream().filter(e -> e.name().equals(entityName)).findFirst();
    }

    /** The declared type of an attribute: a table or index key, a table attribute, or the first entity declaring it. */
    public Optional<AttributeType> attributeType(String attributeName) {
        for (IndexDesign index : indexes()) {
            if (index.partitionKey().name().equals(attributeName)) {
                return Optional.of(index.partitionKey().type().asAttributeType());
            }
            if (index.sortKey() != null && index.sortKey().name().equals(attributeName)) {
                return Optional.of(index.sortKey().type().asAttributeType());
            }
        }
        if (partitionKey.name().equals(attributeName)) {
            return Optional.of(partitionKey.type().asAttributeType());
        }
        if (sortKey != null && sortKey.name().equals(attributeName)) {
            return Optional.of(sortKey.type().asAttributeType());
        }
        return attributes.stream()
                .filter(a -> a.name().equals(attributeName))
                .map(AttributeSpec::type)
                .findFirst()
                .or(() -> entities.stream()
                        .flatMap(e -> e.attribute(attributeName).stream())
                        .map(AttributeSpec::type)
                        .findFirst());
    }

    public TableDesign withName(String name) {
        return new TableDesign(
                name,
                partitionKey,
                sortKey,
                billingMode,
                capacity,
                tableClass,
                ttlAttribute,
                streamViewType,
                deletionProtection,
                gsis,
                lsis,
                attributes,
                entities,
                sampleItems,
                metadata);
    }

    public TableDesign withKeys(KeyAttribute partitionKey, @Nullable KeyAttribute sortKey) {
        return new TableDesign(
                name,
                partitionKey,
                sortKey,
                billingMode,
                capacity,
                tableClass,
                ttlAttribute,
                streamViewType,
                deletionProtection,
                gsis,
                lsis,
                attributes,
                entities,
                sampleItems,
                metadata);
    }

    public TableDesign withBilling(BillingMode billingMode, @Nullable ProvisionedCapacity capacity) {
        return new TableDesign(
                name,
                partitionKey,
                sortKey,
                billingMode,
                capacity,
                tableClass,
                ttlAttribute,
                streamViewType,
                deletionProtection,
                gsis,
                lsis,
                attributes,
                entities,
                sampleItems,
                metadata);
    }

    public TableDesign withTableClass(TableClass tableClass) {
        return new TableDesign(
                name,
                partitionKey,
                sortKey,
                billingMode,
                capacity,
                tableClass,
                ttlAttribute,
                streamViewType,
                deletionProtection,
                gsis,
                lsis,
                attributes,
                entities,
                sampleItems,
                metadata);
    }

    public TableDesign withTtlAttribute(@Nullable String ttlAttribute) {
        return new TableDesign(
                name,
                partitionKey,
                sortKey,
                billingMode,
                capacity,
                tableClass,
                ttlAttribute,
                streamViewType,
                deletionProtection,
                gsis,
                lsis,
                attributes,
                entities,
                sampleItems,
                metadata);
    }

    public TableDesign withStreamViewType(@Nullable StreamViewType streamViewType) {
        return new TableDesign(
                name,
                partitionKey,
                sortKey,
                billingMode,
                capacity,
                tableClass,
                ttlAttribute,
                streamViewType,
                deletionProtection,
                gsis,
                lsis,
                attributes,
                entities,
                sampleItems,
                metadata);
    }

    public TableDesign withDeletionProtection(boolean deletionProtection) {
        return new TableDesign(
                name,
                partitionKey,
                sortKey,
                billingMode,
                capacity,
                tableClass,
                ttlAttribute,
                streamViewType,
                deletionProtection,
                gsis,
                lsis,
                attributes,
                entities,
                sampleItems,
                metadata);
    }

    public TableDesign withGsis(List<IndexDesign> gsis) {
        return new TableDesign(
                name,
                partitionKey,
                sortKey,
                billingMode,
                capacity,
                tableClass,
                ttlAttribute,
                streamViewType,
                deletionProtection,
                gsis,
                lsis,
                attributes,
                entities,
                sampleItems,
                metadata);
    }

    public TableDesign withLsis(List<IndexDesign> lsis) {
        return new TableDesign(
                name,
                partitionKey,
                sortKey,
                billingMode,
                capacity,
                tableClass,
                ttlAttribute,
                streamViewType,
                deletionProtection,
                gsis,
                lsis,
                attributes,
                entities,
                sampleItems,
                metadata);
    }

    public TableDesign withAttributes(List<AttributeSpec> attributes) {
        return new TableDesign(
                name,
                partitionKey,
                sortKey,
                billingMode,
                capacity,
                tableClass,
                ttlAttribute,
                streamViewType,
                deletionProtection,
                gsis,
                lsis,
                attributes,
                entities,
                sampleItems,
                metadata);
    }

    public TableDesign withEntities(List<EntityType> entities) {
        return new TableDesign(
                name,
                partitionKey,
                sortKey,
                billingMode,
                capacity,
                tableClass,
                ttlAttribute,
                streamViewType,
                deletionProtection,
                gsis,
                lsis,
                attributes,
                entities,
                sampleItems,
                metadata);
    }

    public TableDesign withSampleItems(List<SampleItem> sampleItems) {
        return new TableDesign(
                name,
                partitionKey,
                sortKey,
                billingMode,
                capacity,
                tableClass,
                ttlAttribute,
                streamViewType,
                deletionProtection,
                gsis,
                lsis,
                attributes,
                entities,
                sampleItems,
                metadata);
    }

    public TableDesign withMetadata(Map<String, String> metadata) {
        return new TableDesign(
                name,
                partitionKey,
                sortKey,
                billingMode,
                capacity,
                tableClass,
                ttlAttribute,
                streamViewType,
                deletionProtection,
                gsis,
                lsis,
                attributes,
                entities,
                sampleItems,
                metadata);
    }

    /** Replaces the entity type with the same name as {@code entity}, or appends it. */
    public TableDesign withEntity(EntityType entity) {
        return withEntities(ModelLists.replaceOrAppend(entities, entity, EntityType::name));
    }

    /** Applies {@code edit} to the entity type named {@code entityName} (no change when there is none). */
    public TableDesign editEntity(String entityName, UnaryOperator<EntityType> edit) {
        return withEntities(ModelLists.edit(entities, entityName, EntityType::name, edit));
    }
}
