package dev.keysmith.engine.table;

import dev.keysmith.engine.EngineConfig;
import dev.keysmith.engine.error.Errors;
import dev.keysmith.engine.storage.Storage;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.CreateTableResponse;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.IndexStatus;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamSpecification;
import software.amazon.awssdk.services.dynamodb.model.TableClass;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

/**
 * CreateTable. The table is usable at once (DescribeTable reports it ACTIVE), but the response itself shows {@code
 * TableStatus: CREATING} (and GSIs {@code CREATING}), as DynamoDB's does, so clients that wait for ACTIVE with a
 * waiter behave as they would against AWS. (DynamoDB Local answers ACTIVE here; we follow DynamoDB.)
 */
final class CreateTable {
    private static final DateTimeFormatter STREAM_LABEL =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS").withZone(ZoneOffset.UTC);

    private final Storage storage;
    private final Catalog catalog;
    private final EngineConfig config;

    CreateTable(Storage storage, Catalog catalog, EngineConfig config) {
        this.storage = storage;
        this.catalog = catalog;
        this.config = config;
    }

    CreateTableResponse execute(CreateTableRequest request) {
        CreateTableValidator.validate(request);
        var tags = Tags.validate(request.hasTags() ? request.tags() : null, "tags");
        Tags.checkCount(tags.size());
        Instant now = config.clock().instant();
        TableDef def = definition(request, UUID.randomUUID().toString(), now);
        storage.write(tx -> {
            if (catalog.find(tx, def.name()) != null) {
                throw Errors.resourceInUse("Table already exists: " + def.name());
            }
            catalog.put(tx, def);
            if (!tags.isEmpty()) {
                Tags.write(tx, def, tags);
            }
            return def;
        });
        return CreateTableResponse.builder()
                .tableDescription(TableDescriptions.describe(
                        def,
                        TableStats.EMPTY,
                        name -> TableStats.EMPTY,
                        now,
                        TableStatus.CREATING,
                        IndexStatus.CREATING))
                .build();
    }

    private TableDef definition(CreateTableRequest r, String tableId, Instant now) {
        Map<String, ScalarAttributeType> types = r.attributeDefinitions().stream()
                .collect(Collectors.toMap(
                        AttributeDefinition::attributeName, AttributeDefinition::attributeType, (a, b) -> a));
        Function<KeySchemaElement, KeyDef> key = k -> new KeyDef(k.attributeName(), types.get(k.attributeName()));
        BillingMode billing = "PAY_PER_REQUEST".equals(r.billingModeAsString())
                ? BillingMode.PAY_PER_REQUEST
                : BillingMode.PROVISIONED;
        boolean provisioned = billing == BillingMode.PROVISIONED;
        List<IndexDef> indexes = new ArrayList<>();
        for (LocalSecondaryIndex lsi : r.localSecondaryIndexes()) {
            indexes.add(index(tableId, lsi.indexName(), false, lsi.keySchema(), lsi.projection(), key, 0, 0));
        }
        for (GlobalSecondaryIndex gsi : r.globalSecondaryIndexes()) {
            long read = provisioned ? gsi.provisionedThroughput().readCapacityUnits() : 0;
            long write = provisioned ? gsi.provisionedThroughput().writeCapacityUnits() : 0;
            indexes.add(index(tableId, gsi.indexName(), true, gsi.keySchema(), gsi.projection(), key, read, write));
        }
        StreamSpecification stream = r.streamSpecification();
        boolean streaming = stream != null && Boolean.TRUE.equals(stream.streamEnabled());
        List<AttributeDefinition> attributes = r.attributeDefinitions().stream()
                .sorted(Comparator.comparing(AttributeDefinition::attributeName))
                .toList();
        return new TableDef(
                r.tableName(),
                tableId,
                TableDescriptions.tableArn(config, r.tableName()),
                now,
                key.apply(r.keySchema().get(0)),
                r.keySchema().size() == 2 ? key.apply(r.keySchema().get(1)) : null,
                attributes,
                billing,
                provisioned ? r.provisionedThroughput().readCapacityUnits() : 0,
                provisioned ? r.provisionedThroughput().writeCapacityUnits() : 0,
                r.tableClassAsString() == null ? TableClass.STANDARD : r.tableClass(),
                Boolean.TRUE.equals(r.deletionProtectionEnabled()),
                indexes,
                TableDef.itemStoreName(tableId),
                TableStatus.ACTIVE,
                null,
                streaming ? stream.streamViewType() : null,
                streaming ? streamLabel(now) : null,
                provisioned ? CapacityHistory.NONE : CapacityHistory.NONE.switchedToPayPerRequest(now));
    }

    static String streamLabel(Instant now) {
        return STREAM_LABEL.format(now);
    }

    private static IndexDef index(
            String tableId,
            String name,
            boolean global,
            List<KeySchemaElement> keys,
            Projection projection,
            Function<KeySchemaElement, KeyDef> key,
            long read,
            long write) {
        @Nullable KeyDef range = keys.size() == 2 ? key.apply(keys.get(1)) : null;
        List<String> nonKey = projection.hasNonKeyAttributes()
                ? projection.nonKeyAttributes().stream().sorted().toList()
                : List.of();
        return new IndexDef(
                name,
                global,
                key.apply(keys.get(0)),
                range,
                ProjectionType.fromValue(projection.projectionTypeAsString()),
                nonKey,
                IndexDef.storeName(tableId, name),
                IndexStatus.ACTIVE,
                read,
                write);
    }
}
