package dev.keysmith.engine.storage;

import java.nio.ByteBuffer;
import org.jspecify.annotations.Nullable;

/**
 * The committed state of {@link BufferedStorage} as of sequence number {@code seq}: the overlay's versions up to it
 * over a snapshot of the base. The base snapshot holds every change up to its own mark (at most {@code seq}) and the
 * overlay every change after the oldest mark a reader still has, so together they hold exactly the state of {@code
 * seq}.
 */
final class SnapshotTx implements ReadTx {
    /** The base store holding the sequence number of the newest change written to the base. */
    static final String MARK_STORE = "storage:flushed";

    static final byte[] MARK_KEY = {0};

    private final Overlay overlay;
    private final long seq;
    private final ReadTx base;
    private long baseMark = -1;

    SnapshotTx(Overlay overlay, long seq, ReadTx base) {
        this.overlay = overlay;
        this.seq = seq;
        this.base = base;
    }

    /** The sequence number of the newest change {@code tx} holds (0 if none). */
    static long mark(ReadTx tx) {
        byte[] mark = tx.get(MARK_STORE, MARK_KEY);
        return mark == null ? 0 : ByteBuffer.wrap(mark).getLong();
    }

    static void setMark(WriteTx tx, long seq) {
        tx.put(
                MARK_STORE,
                MARK_KEY,
                ByteBuffer.allocate(Long.BYTES).putLong(seq).array());
    }

    /** Whether the base's entries of this store are hidden: a drop this reader sees that the base does not hold yet. */
    private boolean baseHidden(Overlay.Snapshot store) {
        if (store.drop() < 0) {
            return false;
        }
        if (baseMark < 0) {
            baseMark = mark(base);
        }
        return store.drop() > baseMark;
    }

    @Override
    public byte @Nullable [] get(String store, byte[] key) {
        Overlay.StoreVersions versions = overlay.store(store);
        if (versions == null) {
            return base.get(store, key);
        }
        Overlay.Snapshot snapshot = new Overlay.Snapshot(versions, seq);
        byte[] value = snapshot.find(key);
        if (value != null) {
            return value == Layer.TOMBSTONE ? null : value.clone();
        }
        return baseHidden(snapshot) ? null : base.get(store, key);
    }

    @Override
    public Cursor cursor(String store) {
        Overlay.StoreVersions versions = overlay.store(store);
        if (versions == null) {
            return base.cursor(store);
        }
        Overlay.Snapshot snapshot = new Overlay.Snapshot(versions, seq);
        return new MergedCursor(snapshot, baseHidden(snapshot) ? EmptyCursor.INSTANCE : base.cursor(store), true);
    }

    @Override
    public boolean storeExists(String store) {
        Overlay.StoreVersions versions = overlay.store(store);
        Overlay.Event event = versions == null ? null : versions.eventAt(seq);
        return event != null ? event.exists() : base.storeExists(store);
    }
}
