package dev.keysmith.engine.storage;

import java.util.Arrays;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * What one write transaction did to one store: whether it dropped the store first (hiding everything before), whether
 * the store came to exist, and the entries it put or deleted ({@link Layer#TOMBSTONE}) after that, in key order.
 */
final class StoreChange implements Layer {
    final NavigableMap<byte[], byte[]> entries = new TreeMap<>(Arrays::compareUnsigned);
    /** The transaction dropped the store, so nothing from before it counts. */
    boolean dropped;
    /** The store did not exist before (or was dropped) and exists now. */
    boolean created;
    /** Whether the store exists now, or null while that is what it was before the transaction. */
    @Nullable
    Boolean exists;

    @Override
    public byte @Nullable [] find(byte[] key) {
        return entries.get(key);
    }

    @Override
    public Map.@Nullable Entry<byte[], byte[]> nearest(byte @Nullable [] from, boolean inclusive, boolean forward) {
        if (from == null) {
            return forward ? entries.firstEntry() : entries.lastEntry();
        }
        if (forward) {
            return inclusive ? entries.ceilingEntry(from) : entries.higherEntry(from);
        }
        return inclusive ? entries.floorEntry(from) : entries.lowerEntry(from);
    }

    /** Whether the change must be remembered as an event of the store's existence. */
    boolean changesExistence() {
        return dropped || created;
    }

    /** Applies this change to {@code tx}, as the transaction that made it did to the view below it. */
    void applyTo(WriteTx tx, String store) {
        if (dropped) {
            tx.dropStore(store);
        }
        for (var e : entries.entrySet()) {
            write(tx, store, e.getKey(), e.getValue());
        }
        if (created && !tx.storeExists(store)) {
            createEmpty(tx, store);
        }
    }

    /** Puts {@code value} under {@code key}, or deletes the key if it is {@link #TOMBSTONE}. */
    static void write(WriteTx tx, String store, byte[] key, byte[] value) {
        if (value == TOMBSTONE) {
            tx.delete(store, key);
        } else {
            tx.put(store, key, value);
        }
    }

    /** Creates {@code store} with no entries (a store is created by its first put). */
    static void createEmpty(WriteTx tx, String store) {
        byte[] any = {0};
        tx.put(store, any, any);
        tx.delete(store, any);
    }
}
