package dev.keysmith.modeler.engine;

import dev.keysmith.modeler.model.BillingMode;
import dev.keysmith.modeler.model.IndexDesign;
import dev.keysmith.modeler.model.KeyAttribute;
import dev.keysmith.modeler.model.ProjectionKind;
import dev.keysmith.modeler.model.ProvisionedCapacity;
import dev.keysmith.modeler.model.TableClass;
import dev.keysmith.modeler.model.TableDesign;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.CreateGlobalSecondaryIndexAction;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughput;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamSpecification;

/** Builds the control-plane requests for a {@link TableDesign}, and the key schemas used to compare with a target. */
final class TableRequests {

    /** Capacity used for a PROVISIONED table or GSI whose design gives none. */
    private static final ProvisionedCapacity DEFAULT_CAPACITY = ProvisionedCapacity.of(5, 5);

    private TableRequests() {}

    static CreateTableRequest createTable(TableDesign t) {
        CreateTableRequest.Builder b = CreateTableRequest.builder()
                .tableName(t.name())
                .keySchema(keySchema(t.partitionKey(), t.sortKey()))
                .attributeDefinitions(attributeDefinitions(t))
                .billingMode(billingMode(t));
        if (t.billingMode() == BillingMode.PROVISIONED) {
            b.provisionedThroughput(throughput(t.capacity()));
        }
        if (!t.gsis().isEmpty()) {
            b.globalSecondaryIndexes(t.gsis().stream().map(g -> gsi(t, g)).toList());
        }
        if (!t.lsis().isEmpty()) {
            b.localSecondaryIndexes(t.lsis().stream()
                    .map(l -> LocalSecondaryIndex.builder()
                            .indexName(l.name())
                            .keySchema(keySchema(t.partitionKey(), l.sortKey()))
                            .projection(projection(l))
                            .build())
                    .toList());
        }
        if (t.streamViewType() != null) {
            b.streamSpecification(StreamSpecification.builder()
                    .streamEnabled(true)
                    .streamViewType(t.streamViewType().name())
                    .build());
        }
        if (t.tableClass() != TableClass.STANDARD) {
            b.tableClass(t.tableClass().name());
        }
        if (t.deletionProtection()) {
            b.deletionProtectionEnabled(true);
        }
        return b.build();
    }

    static GlobalSecondaryIndex gsi(TableDesign t, IndexDesign g) {
        GlobalSecondaryIndex.Builder b = GlobalSecondaryIndex.builder()
                .indexName(g.name())
                .keySchema(keySchema(g.partitionKey(), g.sortKey()))
                .projection(projection(g));
        if (t.billingMode() == BillingMode.PROVISIONED) {
            b.provisionedThroughput(throughput(g.capacity() != null ? g.capacity() : t.capacity()));
        }
        return b.build();
    }

    static CreateGlobalSecondaryIndexAction createGsiAction(TableDesign t, IndexDesign g) {
        GlobalSecondaryIndex gsi = gsi(t, g);
        return CreateGlobalSecondaryIndexAction.builder()
                .indexName(gsi.indexName())
                .keySchema(gsi.keySchema())
                .projection(gsi.projection())
                .provisionedThroughput(gsi.provisionedThroughput())
                .build();
    }

    /** The attribute definitions of the table keys and every index key, each once. */
    static List<AttributeDefinition> attributeDefinitions(TableDesign t) {
        Map<String, KeyAttribute> keys = new LinkedHashMap<>();
        List<KeyAttribute> all = new ArrayList<>();
        all.add(t.partitionKey());
        if (t.sortKey() != null) {
            all.add(t.sortKey());
        }
        for (IndexDesign index : t.indexes()) {
            all.add(index.partitionKey());
            if (index.sortKey() != null) {
                all.add(index.sortKey());
            }
        }
        all.forEach(k -> keys.putIfAbsent(k.name(), k));
        return keys.values().stream()
                .map(k -> AttributeDefinition.builder()
                        .attributeName(k.name())
                        .attributeType(ScalarAttributeType.fromValue(k.type().name()))
                        .build())
                .toList();
    }

    /** The definitions an index's keys need (UpdateTable must repeat them when adding a GSI). */
    static List<AttributeDefinition> attributeDefinitions(IndexDesign index) {
        List<KeyAttribute> keys = new ArrayList<>();
        keys.add(index.partitionKey());
        if (index.sortKey() != null) {
            keys.add(index.sortKey());
        }
        return keys.stream()
                .map(k -> AttributeDefinition.builder()
                        .attributeName(k.name())
                        .attributeType(ScalarAttributeType.fromValue(k.type().name()))
                        .build())
                .toList();
    }

    static List<KeySchemaElement> keySchema(KeyAttribute partitionKey, @Nullable KeyAttribute sortKey) {
        List<KeySchemaElement> schema = new ArrayList<>();
        schema.add(KeySchemaElement.builder()
                .attributeName(partitionKey.name())
                .keyType(KeyType.HASH)
                .build());
        if (sortKey != null) {
            schema.add(KeySchemaElement.builder()
                    .attributeName(sortKey.name())
                    .keyType(KeyType.RANGE)
                    .build());
        }
        return schema;
    }

    static Projection projection(IndexDesign index) {
        Projection.Builder b = Projection.builder()
                .projectionType(ProjectionType.fromValue(index.projection().name()));
        if (index.projection() == ProjectionKind.INCLUDE) {
            b.nonKeyAttributes(index.nonKeyAttributes());
        }
        return b.build();
    }

    private static software.amazon.awssdk.services.dynamodb.model.BillingMode billingMode(TableDesign t) {
        return switch (t.billingMode()) {
            case PAY_PER_REQUEST -> software.amazon.awssdk.services.dynamodb.model.BillingMode.PAY_PER_REQUEST;
            case PROVISIONED -> software.amazon.awssdk.services.dynamodb.model.BillingMode.PROVISIONED;
        };
    }

    private static ProvisionedThroughput throughput(@Nullable ProvisionedCapacity capacity) {
        ProvisionedCapacity c = capacity == null ? DEFAULT_CAPACITY : capacity;
        return ProvisionedThroughput.builder()
                .readCapacityUnits(Math.max(1, c.readCapacityUnits()))
                .writeCapacityUnits(Math.max(1, c.writeCapacityUnits()))
                .build();
    }
}
