package dev.keysmith.engine.op;

import dev.keysmith.engine.change.ItemChange;
import dev.keysmith.engine.keys.ItemCodec;
import dev.keysmith.engine.storage.WriteTx;
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
        StatsDeltas deltas = new StatsDeltas();
        write(tx, ctx, table, key, oldItem, newItem, meter, transactional, changes, byTtl, deltas);
        deltas.flush(tx, ctx.catalog());
    }

    /**
     * The same, collecting statistics changes into {@code deltas}; the caller flushes them before the transaction
     * ends (batches flush once for all their items).
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
            boolean byTtl,
            StatsDeltas deltas) {
        int oldSize = oldItem == null ? 0 : ItemSize.of(oldItem);
        int newSize = newItem == null ? 0 : ItemSize.of(newItem);
        byte[] encodedNew = newItem == null ? null : ItemCodec.encode(newItem);
        if (encodedNew == null) {
            if (oldItem != null) {
                tx.delete(table.itemStore(), key);
            }
        } else {
            tx.put(table.itemStore(), key, encodedNew);
        }
        if (table.ttlAttribute() != null) {
            TtlIndex.update(tx, table, key, oldItem, newItem);
        }
        if (meter != null) {
            meter.addTable(Meter.writeUnits(Math.max(oldSize, newSize)) * (transactional ? 2 : 1));
        }
        Sized oldSized = oldItem == null ? null : new Sized(oldItem, oldSize, null);
        Sized newSized = newItem == null ? null : new Sized(newItem, newSize, encodedNew);
        for (IndexDef index : table.indexes()) {
            writeIndex(tx, deltas, table, index, oldSized, newSized, meter);
        }
        long countDelta = (newItem != null ? 1 : 0) - (oldItem != null ? 1 : 0);
        if (countDelta != 0 || oldSize != newSize) {
            deltas.table(table.name(), countDelta, (long) newSize - oldSize);
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

    /**
     * An item with its size and, for the new item, its stored bytes: an ALL index entry is the item itself, so its
     * size and bytes are the item's and need no second computation.
     */
    private record Sized(Map<String, AttributeValue> item, int size, byte @Nullable [] bytes) {}

    /** The index entry of {@code sized}'s item, its size and (unless not needed) its stored bytes. */
    private static Sized entry(TableDef table, IndexDef index, Sized sized, boolean encode) {
        if (Projections.projectsAll(index)) {
            return sized;
        }
        Map<String, AttributeValue> entry = Projections.indexEntry(table, index, sized.item());
        return new Sized(entry, ItemSize.of(entry), encode ? ItemCodec.encode(entry) : null);
    }

    private static void writeIndex(
            WriteTx tx,
            StatsDeltas deltas,
            TableDef table,
            IndexDef index,
            @Nullable Sized oldItem,
            @Nullable Sized newItem,
            @Nullable Meter meter) {
        byte[] oldKey = oldItem == null ? null : KeyLayout.indexKey(table, index, oldItem.item());
        byte[] newKey = newItem == null ? null : KeyLayout.indexKey(table, index, newItem.item());
        if (oldKey == null && newKey == null) {
            return;
        }
        Sized oldEntry = oldKey == null ? null : entry(table, index, oldItem, false);
        Sized newEntry = newKey == null ? null : entry(table, index, newItem, true);
        // While a new GSI is backfilling, this item's entry may not be there yet: count only what really changes.
        boolean backfilling = index.status() == IndexStatus.CREATING;
        double units = 0;
        if (oldKey != null && newKey != null && Arrays.equals(oldKey, newKey)) {
            boolean present = !backfilling || tx.get(index.storeName(), newKey) != null;
            if (present && sameEntry(oldEntry.item(), newEntry.item())) {
                return; // nothing projected changed: no index write (DynamoDB charges 0 here)
            }
            tx.put(index.storeName(), newKey, newEntry.bytes());
            int oldSize = present ? oldEntry.size() : 0;
            units = Meter.writeUnits(newEntry.size());
            deltas.index(table.name(), index.name(), present ? 0 : 1, newEntry.size() - oldSize);
        } else {
            if (oldKey != null && tx.delete(index.storeName(), oldKey)) {
                units += Meter.writeUnits(oldEntry.size());
                deltas.index(table.name(), index.name(), -1, -oldEntry.size());
            }
            if (newKey != null) {
                boolean present = backfilling && tx.get(index.storeName(), newKey) != null;
                tx.put(index.storeName(), newKey, newEntry.bytes());
                units += Meter.writeUnits(newEntry.size());
                if (!present) {
                    deltas.index(table.name(), index.name(), 1, newEntry.size());
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
