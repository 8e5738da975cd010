package dev.keysmith.engine.op;

import dev.keysmith.engine.change.ItemChange;
import dev.keysmith.engine.keys.ItemCodec;
import dev.keysmith.engine.storage.WriteTx;
import dev.keysmith.engine.table.Catalog;
import dev.keysmith.engine.table.IndexDef;
import dev.keysmith.engine.table.TableDef;
import dev.keysmith.engine.ttl.TtlIndex;
import dev.keysmith.engine.value.AttributeValues;
import dev.keysmith.engine.value.ItemSize;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.IndexStatus;
import software.amazon.awssdk.services.dynamodb.model.OperationType;

/**
 * Writes one item change inside a write transaction: the table record, every index entry it affects, the table
 * statistics, and the capacity it costs (DynamoDB's rules: the larger of the old and new item per 1 KB, plus per
 * index 0, 1 or 2 writes of the index entry size).
 */
final class ItemWriter {
    private ItemWriter() {}

    /** Reads the stored item under {@code key}, or null. */
    static @Nullable Map<String, AttributeValue> read(WriteTx tx, TableDef table, byte[] key) {
        byte[] bytes = tx.get(table.itemStore(), key);
        return bytes == null ? null : ItemCodec.decode(bytes);
    }

    /**
     * Replaces {@code oldItem} by {@code newItem} (either may be null) under {@code key}, maintaining indexes and
     * statistics and metering the write into {@code meter}. Appends the change to {@code changes} if not null.
     */
    static void write(
            WriteTx tx,
            OpContext ctx,
            TableDef table,
            byte[] key,
            @Nullable Map<String, AttributeValue> oldItem,
            @Nullable Map<String, AttributeValue> newItem,
            @Nullable Meter meter,
            boolean transactional,
            List<ItemChange> changes) {
        write(tx, ctx, table, key, oldItem, newItem, meter, transactional, changes, false);
    }

    /**
     * The same, for the time-to-live sweeper when {@code byTtl}: no capacity, and the stream record says the service
     * deleted the item.
     */
    static void write(
            WriteTx tx,
            OpContext ctx,
            TableDef table,
            byte[] key,
            @Nullable Map<String, AttributeValue> oldItem,
            @Nullable Map<String, AttributeValue> newItem,
            @Nullable Meter meter,
            boolean transactional,
            List<ItemChange> changes,
            boolean byTtl) {
        Catalog catalog = ctx.catalog();
        int oldSize = oldItem == null ? 0 : ItemSize.of(oldItem);
        int newSize = newItem == null ? 0 : ItemSize.of(newItem);
        if (newItem == null) {
            if (oldItem != null) {
                tx.delete(table.itemStore(), key);
            }
        } else {
            tx.put(table.itemStore(), key, ItemCodec.encode(newItem));
        }
        if (table.ttlAttribute() != null) {
            TtlIndex.update(tx, table, key, oldItem, newItem);
        }
        if (meter != null) {
            meter.addTable(Meter.writeUnits(Math.max(oldSize, newSize)) * (transactional ? 2 : 1));
        }
        for (IndexDef index : table.indexes()) {
            writeIndex(tx, catalog, table, index, oldItem, newItem, meter);
        }
        long countDelta = (newItem != null ? 1 : 0) - (oldItem != null ? 1 : 0);
        if (countDelta != 0 || oldSize != newSize) {
            catalog.adjustStats(tx, table.name(), countDelta, (long) newSize - oldSize);
        }
        if (oldItem != null || newItem != null) {
            Map<String, AttributeValue> any = newItem != null ? newItem : oldItem;
            OperationType kind = oldItem == null
                    ? OperationType.INSERT
                    : newItem == null ? OperationType.REMOVE : OperationType.MODIFY;
            ItemChange change = new ItemChange(
                    table.name(),
                    kind,
                    KeyLayout.keyOf(table, any),
                    oldItem,
                    newItem,
                    byTtl,
                    ctx.clock().instant());
            ctx.streams().append(tx, table, change);
            changes.add(change);
        }
    }

    private static void writeIndex(
            WriteTx tx,
            Catalog catalog,
            TableDef table,
            IndexDef index,
            @Nullable Map<String, AttributeValue> oldItem,
            @Nullable Map<String, AttributeValue> newItem,
            @Nullable Meter meter) {
        byte[] oldKey = oldItem == null ? null : KeyLayout.indexKey(table, index, oldItem);
        byte[] newKey = newItem == null ? null : KeyLayout.indexKey(table, index, newItem);
        if (oldKey == null && newKey == null) {
            return;
        }
        Map<String, AttributeValue> oldEntry = oldKey == null ? null : Projections.indexEntry(table, index, oldItem);
        Map<String, AttributeValue> newEntry = newKey == null ? null : Projections.indexEntry(table, index, newItem);
        // While a new GSI is backfilling, this item's entry may not be there yet: count only what really changes.
        boolean backfilling = index.status() == IndexStatus.CREATING;
        double units = 0;
        if (oldKey != null && newKey != null && Arrays.equals(oldKey, newKey)) {
            boolean present = !backfilling || tx.get(index.storeName(), newKey) != null;
            if (present && sameEntry(oldEntry, newEntry)) {
                return; // nothing projected changed: no index write (DynamoDB charges 0 here)
            }
            tx.put(index.storeName(), newKey, ItemCodec.encode(newEntry));
            int oldSize = present ? ItemSize.of(oldEntry) : 0;
            int newSize = ItemSize.of(newEntry);
            units = Meter.writeUnits(newSize);
            catalog.adjustIndexStats(tx, table.name(), index.name(), present ? 0 : 1, newSize - oldSize);
        } else {
            if (oldKey != null && tx.delete(index.storeName(), oldKey)) {
                int oldSize = ItemSize.of(oldEntry);
                units += Meter.writeUnits(oldSize);
                catalog.adjustIndexStats(tx, table.name(), index.name(), -1, -oldSize);
            }
            if (newKey != null) {
                boolean present = backfilling && tx.get(index.storeName(), newKey) != null;
                tx.put(index.storeName(), newKey, ItemCodec.encode(newEntry));
                int newSize = ItemSize.of(newEntry);
                units += Meter.writeUnits(newSize);
                if (!present) {
                    catalog.adjustIndexStats(tx, table.name(), index.name(), 1, newSize);
                }
            }
        }
        if (meter != null) {
            meter.addIndex(index.name(), index.global(), units);
        }
    }

    private static boolean sameEntry(Map<String, AttributeValue> a, Map<String, AttributeValue> b) {
        return AttributeValues.equal(AttributeValue.fromM(a), AttributeValue.fromM(b));
    }
}
