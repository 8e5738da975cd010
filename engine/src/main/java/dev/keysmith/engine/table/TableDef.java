package dev.keysmith.engine.table;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TableClass;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

/**
 * Everything the catalog knows about a table.
 *
 * @param tableId a random UUID, fixed at creation; store names derive from it, so a re-created table never sees the
 *     old table's data
 * @param readCapacity provisioned read capacity, 0 for on-demand
 * @param writeCapacity provisioned write capacity, 0 for on-demand
 * @param itemStore the storage store holding the items ({@code t:<tableId>})
 * @param streamViewType the stream view type while a stream is enabled, else null
 * @param latestStreamLabel the label of the latest stream (kept after the stream is disabled), else null
 */
public record TableDef(
        String name,
        String tableId,
        String arn,
        Instant created,
        KeyDef hash,
        @Nullable KeyDef range,
        List<AttributeDefinition> attributeDefinitions,
        BillingMode billingMode,
        long readCapacity,
        long writeCapacity,
        TableClass tableClass,
        boolean deletionProtection,
        List<IndexDef> indexes,
        String itemStore,
        TableStatus status,
        @Nullable String ttlAttribute,
        @Nullable StreamViewType streamViewType,
        @Nullable String latestStreamLabel,
        CapacityHistory capacityHistory) {

    public TableDef {
        attributeDefinitions = List.copyOf(attributeDefinitions);
        indexes = List.copyOf(indexes);
    }

    /** A table whose capacity settings never changed. */
    public TableDef(
            String name,
            String tableId,
            String arn,
            Instant created,
            KeyDef hash,
            @Nullable KeyDef range,
            List<AttributeDefinition> attributeDefinitions,
            BillingMode billingMode,
            long readCapacity,
            long writeCapacity,
            TableClass tableClass,
            boolean deletionProtection,
            List<IndexDef> indexes,
            String itemStore,
            TableStatus status,
            @Nullable String ttlAttribute,
            @Nullable StreamViewType streamViewType,
            @Nullable String latestStreamLabel) {
        this(
                name,
                tableId,
                arn,
                created,
                hash,
                range,
                attributeDefinitions,
                billingMode,
                readCapacity,
                writeCapacity,
                tableClass,
                deletionProtection,
                indexes,
                itemStore,
                status,
                ttlAttribute,
                streamViewType,
                latestStreamLabel,
                CapacityHistory.NONE);
    }

    public static String itemStoreName(String tableId) {
        return "t:" + tableId;
    }

    /** The table's key attribute names: the hash key, then the range key if any. */
    public Set<String> keyAttributeNames() {
        Set<String> names = new LinkedHashSet<>();
        names.add(hash.name());
        if (range != null) {
            names.add(range.name());
        }
        return names;
    }

    /** The key attribute names of the table's secondary indexes (hash and range keys of each GSI and LSI). */
    public Set<String> indexKeyAttributeNames() {
        Set<String> names = new LinkedHashSet<>();
        for (IndexDef index : indexes) {
            names.add(index.hash().name());
            if (index.range() != null) {
                names.add(index.range().name());
            }
        }
        return names;
    }

    public @Nullable IndexDef index(String indexName) {
        for (IndexDef index : indexes) {
            if (index.name().equals(indexName)) {
                return index;
            }
        }
        return null;
    }

    public boolean streamEnabled() {
        return streamViewType != null;
    }

    Builder toBuilder() {
        return new Builder(this);
    }

    /** Copies a definition with some fields changed (UpdateTable). */
    static final class Builder {
        private final TableDef base;
        BillingMode billingMode;
        long readCapacity;
        long writeCapacity;
        TableClass tableClass;
        boolean deletionProtection;
        List<IndexDef> indexes;
        TableStatus status;

        @Nullable
        StreamViewType streamViewType;

        @Nullable
        String latestStreamLabel;

        @Nullable
        String ttlAttribute;

        CapacityHistory capacityHistory;

        private Builder(TableDef base) {
            this.base = base;
            billingMode = base.billingMode;
            readCapacity = base.readCapacity;
            writeCapacity = base.writeCapacity;
            tableClass = base.tableClass;
            deletionProtection = base.deletionProtection;
            indexes = base.indexes;
            status = base.status;
            streamViewType = base.streamViewType;
            latestStreamLabel = base.latestStreamLabel;
            ttlAttribute = base.ttlAttribute;
            capacityHistory = base.capacityHistory;
        }

        TableDef build() {
            return build(base.attributeDefinitions);
        }

        TableDef build(List<AttributeDefinition> attributeDefinitions) {
            return new TableDef(
                    base.name,
                    base.tableId,
                    base.arn,
                    base.created,
                    base.hash,
                    base.range,
                    attributeDefinitions,
                    billingMode,
                    readCapacity,
                    writeCapacity,
                    tableClass,
                    deletionProtection,
                    indexes,
                    base.itemStore,
                    status,
                    ttlAttribute,
                    streamViewType,
                    latestStreamLabel,
                    capacityHistory);
        }
    }
}
