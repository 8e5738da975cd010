package dev.keysmith.engine.backup;

import dev.keysmith.engine.EngineConfig;
import dev.keysmith.engine.error.Errors;
import dev.keysmith.engine.op.OpContext;
import dev.keysmith.engine.op.TableLoader;
import dev.keysmith.engine.table.CapacityHistory;
import dev.keysmith.engine.table.Catalog;
import dev.keysmith.engine.table.IndexDef;
import dev.keysmith.engine.table.KeyDef;
import dev.keysmith.engine.table.TableDef;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.IndexStatus;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughput;
import software.amazon.awssdk.services.dynamodb.model.RestoreSummary;
import software.amazon.awssdk.services.dynamodb.model.RestoreTableFromBackupRequest;
import software.amazon.awssdk.services.dynamodb.model.RestoreTableFromBackupResponse;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

/**
 * RestoreTableFromBackup: creates a new table with the backup's key schema, indexes (or the overrides), billing mode
 * and throughput (or the overrides), and writes every backed-up item into it, building its indexes and statistics, in
 * one storage transaction. As in DynamoDB, stream, time-to-live and tag settings are not restored. The response shows
 * the table CREATING with its RestoreSummary.
 */
final class RestoreTableFromBackup {
    private RestoreTableFromBackup() {}

    static RestoreTableFromBackupResponse execute(
            OpContext ctx,
            EngineConfig config,
            Function<String, TableDescription> describe,
            RestoreTableFromBackupRequest request) {
        String target = Names.check(request.targetTableName(), "targetTableName");
        Instant now = config.clock().instant();
        Catalog catalog = ctx.catalog();
        Backup backup = ctx.storage().write(tx -> {
            Backup b = Backup.require(tx, request.backupArn());
            if (catalog.find(tx, target) != null) {
                throw Errors.tableAlreadyExists(target);
            }
            TableDef def = restoredDefinition(b.table(), target, config, now, request);
            catalog.create(tx, def);
            TableLoader.load(tx, ctx, def, b.itemStore());
            return b;
        });
        TableDescription description = describe.apply(target).toBuilder()
                .tableStatus(TableStatus.CREATING)
                .restoreSummary(RestoreSummary.builder()
                        .sourceBackupArn(backup.arn())
                        .sourceTableArn(backup.table().arn())
                        .restoreDateTime(now)
                        .restoreInProgress(true)
                        .build())
                .build();
        return RestoreTableFromBackupResponse.builder()
                .tableDescription(description)
                .build();
    }

    private static TableDef restoredDefinition(
            TableDef source, String target, EngineConfig config, Instant now, RestoreTableFromBackupRequest r) {
        String tableId = UUID.randomUUID().toString();
        BillingMode billing = r.billingModeOverride() == null ? source.billingMode() : r.billingModeOverride();
        boolean provisioned = billing == BillingMode.PROVISIONED;
        ProvisionedThroughput override = r.provisionedThroughputOverride();
        long read = 0;
        long write = 0;
        if (provisioned) {
            if (override != null) {
                read = override.readCapacityUnits() == null ? 0 : override.readCapacityUnits();
                write = override.writeCapacityUnits() == null ? 0 : override.writeCapacityUnits();
            } else {
                read = source.readCapacity();
                write = source.writeCapacity();
            }
            if (read < 1 || write < 1) {
                throw Errors.validation("One or more parameter values were invalid: ReadCapacityUnits and"
                        + " WriteCapacityUnits must both be specified when BillingMode is PROVISIONED");
            }
        } else if (override != null) {
            throw Errors.validation("One or more parameter values were invalid: Neither ReadCapacityUnits nor"
                    + " WriteCapacityUnits can be specified when BillingMode is PAY_PER_REQUEST");
        }
        List<IndexDef> indexes = new ArrayList<>();
        if (r.hasLocalSecondaryIndexOverride()) {
            for (LocalSecondaryIndex lsi : r.localSecondaryIndexOverride()) {
                indexes.add(index(source, tableId, lsi.indexName(), false, lsi.keySchema(), lsi.projection(), 0, 0));
            }
        } else {
            source.indexes().stream().filter(i -> !i.global()).forEach(i -> indexes.add(copy(i, tableId, 0, 0)));
        }
        if (r.hasGlobalSecondaryIndexOverride()) {
            for (GlobalSecondaryIndex gsi : r.globalSecondaryIndexOverride()) {
                ProvisionedThroughput t = gsi.provisionedThroughput();
                long gr = provisioned ? (t == null || t.readCapacityUnits() == null ? read : t.readCapacityUnits()) : 0;
                long gw = provisioned
                        ? (t == null || t.writeCapacityUnits() == null ? write : t.writeCapacityUnits())
                        : 0;
                indexes.add(index(source, tableId, gsi.indexName(), true, gsi.keySchema(), gsi.projection(), gr, gw));
            }
        } else {
            for (IndexDef i : source.indexes()) {
                if (i.global()) {
                    long gr = provisioned ? (i.readCapacity() > 0 ? i.readCapacity() : read) : 0;
                    long gw = provisioned ? (i.writeCapacity() > 0 ? i.writeCapacity() : write) : 0;
                    indexes.add(copy(i, tableId, gr, gw));
                }
            }
        }
        Set<String> used = new LinkedHashSet<>(source.keyAttributeNames());
        for (IndexDef i : indexes) {
            used.add(i.hash().name());
            if (i.range() != null) {
                used.add(i.range().name());
            }
        }
        List<AttributeDefinition> attributes = source.attributeDefinitions().stream()
                .filter(a -> used.contains(a.attributeName()))
                .toList();
        return new TableDef(
                target,
                tableId,
                Catalog.tableArn(config, target),
                now,
                source.hash(),
                source.range(),
                attributes,
                billing,
                read,
                write,
                source.tableClass(),
                false,
                indexes,
                TableDef.itemStoreName(tableId),
                TableStatus.ACTIVE,
                null,
                null,
                null,
                CapacityHistory.NONE);
    }

    private static IndexDef copy(IndexDef i, String tableId, long read, long write) {
        return new IndexDef(
                i.name(),
                i.global(),
                i.hash(),
                i.range(),
                i.projectionType(),
                i.nonKeyAttributes(),
                IndexDef.storeName(tableId, i.name()),
                IndexStatus.ACTIVE,
                read,
                write);
    }

    /** An index from an override; it must name an index of the backup, on attributes the backup defines. */
    private static IndexDef index(
            TableDef source,
            String tableId,
            @Nullable String name,
            boolean global,
            List<KeySchemaElement> keys,
            @Nullable Projection projection,
            long read,
            long write) {
        IndexDef existing = name == null ? null : source.index(name);
        if (existing == null || existing.global() != global) {
            throw Errors.validation("One or more parameter values were invalid: The "
                    + (global ? "global" : "local") + " secondary index " + name
                    + " in the override does not exist in the backup");
        }
        if (keys == null || keys.isEmpty() || projection == null || projection.projectionType() == null) {
            return copy(existing, tableId, read, write);
        }
        KeyDef hash = attribute(source, keys.get(0).attributeName());
        KeyDef range = keys.size() > 1 ? attribute(source, keys.get(1).attributeName()) : null;
        List<String> nonKey = projection.hasNonKeyAttributes()
                ? projection.nonKeyAttributes().stream().sorted().toList()
                : List.of();
        ProjectionType type = projection.projectionType();
        return new IndexDef(
                name,
                global,
                hash,
                range,
                type,
                nonKey,
                IndexDef.storeName(tableId, name),
                IndexStatus.ACTIVE,
                read,
                write);
    }

    private static KeyDef attribute(TableDef source, String name) {
        for (AttributeDefinition a : source.attributeDefinitions()) {
            if (a.attributeName().equals(name)) {
                return new KeyDef(name, a.attributeType());
            }
        }
        throw Errors.validation("One or more parameter values were invalid: Some index key attributes are not defined"
                + " in AttributeDefinitions. Keys: [" + name + "]");
    }
}
