package dev.keysmith.engine.table;

import dev.keysmith.engine.EngineConfig;
import dev.keysmith.engine.error.Errors;
import dev.keysmith.engine.storage.Storage;
import dev.keysmith.engine.storage.WriteTx;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateGlobalSecondaryIndexAction;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexUpdate;
import software.amazon.awssdk.services.dynamodb.model.IndexStatus;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughput;
import software.amazon.awssdk.services.dynamodb.model.StreamSpecification;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;
import software.amazon.awssdk.services.dynamodb.model.UpdateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateTableResponse;

/**
 * UpdateTable: billing mode, table and GSI throughput, table class, deletion protection, stream specification, and
 * GSI creation and deletion. Changes apply at once; the response shows {@code TableStatus: UPDATING} when capacity,
 * class, stream or indexes changed (as DynamoDB's does) and DescribeTable shows ACTIVE right after. A created GSI is
 * recorded with {@code IndexStatus: CREATING}; the data plane backfills it and then marks it ACTIVE with {@link
 * Catalog#setIndexStatus}.
 */
final class UpdateTable {
    private static final String INVALID = CreateTableValidator.INVALID;
    private static final String REFER =
            " Refer to the Amazon DynamoDB Developer Guide for current limits and how to request higher limits.";

    private final Storage storage;
    private final Catalog catalog;
    private final EngineConfig config;
    private final DescribeTable describe;

    UpdateTable(Storage storage, Catalog catalog, EngineConfig config, DescribeTable describe) {
        this.storage = storage;
        this.catalog = catalog;
        this.config = config;
        this.describe = describe;
    }

    UpdateTableResponse execute(UpdateTableRequest request) {
        UpdateTableValidator.validate(request);
        Instant now = config.clock().instant();
        TableDescription description = storage.write(tx -> {
            TableDef old = catalog.requireForControlPlane(tx, request.tableName());
            TableDef updated = apply(tx, old, request, now);
            catalog.put(tx, updated);
            return describe.describe(tx, updated);
        });
        boolean onlyProtection = request.provisionedThroughput() == null
                && request.billingModeAsString() == null
                && request.streamSpecification() == null
                && request.tableClassAsString() == null
                && request.globalSecondaryIndexUpdates().isEmpty();
        TableStatus shown = onlyProtection ? TableStatus.ACTIVE : TableStatus.UPDATING;
        return UpdateTableResponse.builder()
                .tableDescription(description.toBuilder().tableStatus(shown).build())
                .build();
    }

    private TableDef apply(WriteTx tx, TableDef old, UpdateTableRequest r, Instant now) {
        TableDef.Builder b = old.toBuilder();
        capacity(b, old, r, now);
        if (r.tableClassAsString() != null) {
            b.tableClass = r.tableClass();
        }
        if (r.deletionProtectionEnabled() != null) {
            b.deletionProtection = r.deletionProtectionEnabled();
        }
        stream(b, old, r.streamSpecification(), now);
        List<AttributeDefinition> attributes = indexes(tx, b, old, r);
        return b.build(attributes);
    }

    private static void capacity(TableDef.Builder b, TableDef old, UpdateTableRequest r, Instant now) {
        BillingMode mode = r.billingModeAsString() == null ? old.billingMode() : r.billingMode();
        ProvisionedThroughput pt = r.provisionedThroughput();
        Map<String, ProvisionedThroughput> indexThroughput = new LinkedHashMap<>();
        for (GlobalSecondaryIndexUpdate u : r.globalSecondaryIndexUpdates()) {
            if (u.update() != null) {
                indexThroughput.put(u.update().indexName(), u.update().provisionedThroughput());
            }
        }
        for (String name : indexThroughput.keySet()) {
            IndexDef index = old.index(name);
            if (index == null || !index.global()) {
                // the live text reads "Requested resource not found: Index: <name> for table: <table>" (not confirmed)
                throw Errors.resourceNotFound(
                        "Requested resource not found: Index: " + name + " for table: " + old.name() + " not found");
            }
        }
        if (mode == BillingMode.PAY_PER_REQUEST) {
            if (pt != null) {
                throw Errors.validation(INVALID
                        + "Neither ReadCapacityUnits nor WriteCapacityUnits can be specified when BillingMode is"
                        + " PAY_PER_REQUEST");
            }
            if (!indexThroughput.isEmpty()) {
                throw Errors.validation(INVALID + "ProvisionedThroughput should not be specified for index: "
                        + indexThroughput.keySet().iterator().next() + " when BillingMode is PAY_PER_REQUEST");
            }
            if (old.billingMode() != BillingMode.PAY_PER_REQUEST) {
                b.billingMode = BillingMode.PAY_PER_REQUEST;
                b.readCapacity = 0;
                b.writeCapacity = 0;
                b.indexes = b.indexes.stream().map(i -> i.withThroughput(0, 0)).toList();
                b.capacityHistory = old.capacityHistory().switchedToPayPerRequest(now);
            }
            return;
        }
        boolean switching = old.billingMode() == BillingMode.PAY_PER_REQUEST;
        if (switching) {
            if (pt == null) {
                throw Errors.validation(INVALID
                        + "ReadCapacityUnits and WriteCapacityUnits must both be specified when BillingMode is"
                        + " PROVISIONED");
            }
            for (IndexDef index : old.indexes()) {
                if (index.global() && !indexThroughput.containsKey(index.name())) {
                    throw Errors.validation(
                            INVALID + "ProvisionedThroughput is not specified for index: " + index.name());
                }
            }
            b.billingMode = BillingMode.PROVISIONED;
        } else if (pt != null
                && pt.readCapacityUnits() == old.readCapacity()
                && pt.writeCapacityUnits() == old.writeCapacity()) {
            throw Errors.validation("The provisioned throughput for the table will not change. The requested value"
                    + " equals the current value. Current ReadCapacityUnits provisioned for the table: "
                    + old.readCapacity() + ". Requested ReadCapacityUnits: " + pt.readCapacityUnits()
                    + ". Current WriteCapacityUnits provisioned for the table: " + old.writeCapacity()
                    + ". Requested WriteCapacityUnits: " + pt.writeCapacityUnits() + "." + REFER);
        }
        if (pt != null) {
            b.capacityHistory = b.capacityHistory.throughputChanged(
                    old.readCapacity(), old.writeCapacity(), pt.readCapacityUnits(), pt.writeCapacityUnits(), now);
            b.readCapacity = pt.readCapacityUnits();
            b.writeCapacity = pt.writeCapacityUnits();
        }
        List<IndexDef> indexes = new ArrayList<>();
        for (IndexDef index : b.indexes) {
            ProvisionedThroughput ipt = indexThroughput.get(index.name());
            if (ipt == null) {
                indexes.add(index);
                continue;
            }
            if (!switching
                    && ipt.readCapacityUnits() == index.readCapacity()
                    && ipt.writeCapacityUnits() == index.writeCapacity()) {
                throw Errors.validation("The provisioned throughput for the index " + index.name()
                        + " will not change. The requested value equals the current value. Current ReadCapacityUnits"
                        + " provisioned for the index: " + index.readCapacity() + ". Requested ReadCapacityUnits: "
                        + ipt.readCapacityUnits() + ". Current WriteCapacityUnits provisioned for the index: "
                        + index.writeCapacity() + ". Requested WriteCapacityUnits: " + ipt.writeCapacityUnits() + "."
                        + REFER);
            }
            indexes.add(index.withThroughput(ipt.readCapacityUnits(), ipt.writeCapacityUnits()));
        }
        b.indexes = indexes;
    }

    private static void stream(TableDef.Builder b, TableDef old, @Nullable StreamSpecification spec, Instant now) {
        if (spec == null) {
            return;
        }
        if (Boolean.TRUE.equals(spec.streamEnabled())) {
            if (old.streamEnabled()) {
                throw Errors.validation("Table already has an enabled stream: TableName: " + old.name());
            }
            b.streamViewType = spec.streamViewType();
            b.latestStreamLabel = CreateTable.streamLabel(now);
        } else {
            if (!old.streamEnabled()) {
                throw Errors.validation("Table has no stream to disable: TableName: " + old.name());
            }
            b.streamViewType = null;
        }
    }

    /** GSI creation and deletion; returns the table's attribute definitions afterwards. */
    private static List<AttributeDefinition> indexes(
            WriteTx tx, TableDef.Builder b, TableDef old, UpdateTableRequest r) {
        List<GlobalSecondaryIndexUpdate> changes = r.globalSecondaryIndexUpdates().stream()
                .filter(u -> u.create() != null || u.delete() != null)
                .toList();
        if (changes.isEmpty()) {
            return old.attributeDefinitions();
        }
        if (changes.size() > 1) {
            throw Errors.of(
                    "LimitExceededException",
                    "Subscriber limit exceeded: Only 1 online index can be created or deleted simultaneously per table",
                    400);
        }
        GlobalSecondaryIndexUpdate change = changes.getFirst();
        List<IndexDef> indexes = new ArrayList<>(b.indexes);
        if (change.delete() != null) {
            String name = change.delete().indexName();
            IndexDef index = old.index(name);
            if (index == null || !index.global()) {
                throw Errors.resourceNotFound(
                        "Requested resource not found: Index: " + name + " for table: " + old.name() + " not found");
            }
            indexes.remove(index);
            tx.dropStore(index.storeName());
            b.indexes = indexes;
            return usedAttributes(old, indexes, old.attributeDefinitions());
        }
        CreateGlobalSecondaryIndexAction create = change.create();
        if (old.index(create.indexName()) != null) {
            throw Errors.validation(INVALID + "Duplicate index name: " + create.indexName());
        }
        if (old.indexes().stream().filter(IndexDef::global).count() >= CreateTableValidator.MAX_GSIS) {
            throw Errors.of(
                    "LimitExceededException",
                    "Subscriber limit exceeded: GlobalSecondaryIndex count exceeds the per-table limit of "
                            + CreateTableValidator.MAX_GSIS,
                    400);
        }
        if (!r.hasAttributeDefinitions()) {
            throw Errors.validation(INVALID + "AttributeDefinitions is not specified for index: " + create.indexName());
        }
        Map<String, AttributeDefinition> attributes = new LinkedHashMap<>();
        old.attributeDefinitions().forEach(a -> attributes.put(a.attributeName(), a));
        r.attributeDefinitions().forEach(a -> attributes.putIfAbsent(a.attributeName(), a));
        List<String> requested = r.attributeDefinitions().stream()
                .map(AttributeDefinition::attributeName)
                .toList();
        List<String> keyNames =
                create.keySchema().stream().map(KeySchemaElement::attributeName).toList();
        for (String key : keyNames) {
            if (!attributes.containsKey(key)) {
                throw Errors.validation(CreateTableValidator.notDefined(keyNames, requested));
            }
        }
        boolean provisioned = b.billingMode == BillingMode.PROVISIONED;
        ProvisionedThroughput ipt = create.provisionedThroughput();
        if (provisioned && ipt == null) {
            throw Errors.validation(
                    INVALID + "ProvisionedThroughput is not specified for index: " + create.indexName());
        }
        if (!provisioned && ipt != null) {
            throw Errors.validation(INVALID + "ProvisionedThroughput should not be specified for index: "
                    + create.indexName() + " when BillingMode is PAY_PER_REQUEST");
        }
        KeySchemaElement hash = create.keySchema().get(0);
        KeySchemaElement range =
                create.keySchema().size() == 2 ? create.keySchema().get(1) : null;
        indexes.add(new IndexDef(
                create.indexName(),
                true,
                new KeyDef(
                        hash.attributeName(),
                        attributes.get(hash.attributeName()).attributeType()),
                range == null
                        ? null
                        : new KeyDef(
                                range.attributeName(),
                                attributes.get(range.attributeName()).attributeType()),
                ProjectionType.fromValue(create.projection().projectionTypeAsString()),
                create.projection().hasNonKeyAttributes()
                        ? create.projection().nonKeyAttributes().stream()
                                .sorted()
                                .toList()
                        : List.of(),
                IndexDef.storeName(old.tableId(), create.indexName()),
                IndexStatus.CREATING,
                provisioned ? ipt.readCapacityUnits() : 0,
                provisioned ? ipt.writeCapacityUnits() : 0));
        b.indexes = indexes;
        return usedAttributes(old, indexes, List.copyOf(attributes.values()));
    }

    /** The attribute definitions still used by a key of the table or of an index, sorted by name. */
    private static List<AttributeDefinition> usedAttributes(
            TableDef table, List<IndexDef> indexes, List<AttributeDefinition> candidates) {
        Set<String> used = new HashSet<>(table.keyAttributeNames());
        for (IndexDef index : indexes) {
            used.add(index.hash().name());
            if (index.range() != null) {
                used.add(index.range().name());
            }
        }
        return candidates.stream()
                .filter(a -> used.contains(a.attributeName()))
                .sorted(Comparator.comparing(AttributeDefinition::attributeName))
                .toList();
    }
}
