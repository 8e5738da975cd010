package dev.keysmith.engine.storage;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A write transaction of {@link BufferedStorage}: its changes are held here, over the committed snapshot it reads,
 * until the commit hands them to the log and the overlay. Its reads see its own changes.
 */
final class TxBuffer extends GroupCommit.TrackedTx {
    private final ReadTx below;
    private final Map<String, StoreChange> changes = new LinkedHashMap<>();

    TxBuffer(ReadTx below) {
        this.below = below;
    }

    /** The changes by store, in the order the stores were first changed. */
    Map<String, StoreChange> changes() {
        return changes;
    }

    boolean isEmpty() {
        return changes.isEmpty();
    }

    @Override
    public byte @Nullable [] get(String store, byte[] key) {
        StoreChange change = changes.get(store);
        if (change != null) {
            byte[] own = change.entries.get(key);
            if (own != null) {
                return own == Layer.TOMBSTONE ? null : own.clone();
            }
            if (change.dropped) {
                return null;
            }
        }
        return below.get(store, key);
    }

    @Override
    public Cursor cursor(String store) {
        StoreChange change = changes.get(store);
        if (change == null) {
            return below.cursor(store);
        }
        return new MergedCursor(change, change.dropped ? EmptyCursor.INSTANCE : below.cursor(store), false);
    }

    @Override
    public boolean storeExists(String store) {
        StoreChange change = changes.get(store);
        if (change != null && change.exists != null) {
            return change.exists;
        }
        return below.storeExists(store);
    }

    @Override
    public void put(String store, byte[] key, byte[] value) {
        StoreChange change = changes.computeIfAbsent(store, s -> new StoreChange());
        if (change.exists == null) {
            change.exists = below.storeExists(store);
        }
        if (!change.exists) {
            change.created = true;
            change.exists = true;
        }
        change.entries.put(key, value);
        changed = true;
    }

    @Override
    public boolean delete(String store, byte[] key) {
        if (get(store, key) == null) {
            return false;
        }
        changes.computeIfAbsent(store, s -> new StoreChange()).entries.put(key, Layer.TOMBSTONE);
        changed = true;
        return true;
    }

    @Override
    public void dropStore(String store) {
        if (!storeExists(store)) {
            return;
        }
        StoreChange change = changes.computeIfAbsent(store, s -> new StoreChange());
        change.entries.clear();
        change.dropped = true;
        change.created = false;
        change.exists = false;
        changed = true;
    }
}
