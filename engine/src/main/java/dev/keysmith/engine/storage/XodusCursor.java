package dev.keysmith.engine.storage;

import jetbrains.exodus.ArrayByteIterable;
import jetbrains.exodus.env.Store;
import jetbrains.exodus.env.Transaction;

/** {@link Cursor} over a Xodus store; {@link #first} and {@link #last} restart from a fresh Xodus cursor. */
final class XodusCursor implements Cursor {
    private final Store store;
    private final Transaction txn;
    private jetbrains.exodus.env.Cursor cursor;
    private boolean positioned;

    XodusCursor(Store store, Transaction txn) {
        this.store = store;
        this.txn = txn;
        this.cursor = store.openCursor(txn);
    }

    @Override
    public boolean seek(byte[] key) {
        positioned = cursor.getSearchKeyRange(new ArrayByteIterable(key)) != null;
        return positioned;
    }

    @Override
    public boolean first() {
        restart();
        positioned = cursor.getNext();
        return positioned;
    }

    @Override
    public boolean last() {
        restart();
        positioned = cursor.getLast();
        return positioned;
    }

    @Override
    public boolean next() {
        positioned = cursor.getNext();
        return positioned;
    }

    @Override
    public boolean prev() {
        positioned = cursor.getPrev();
        return positioned;
    }

    @Override
    public byte[] key() {
        requirePosition();
        return XodusStorage.array(cursor.getKey());
    }

    @Override
    public byte[] value() {
        requirePosition();
        return XodusStorage.array(cursor.getValue());
    }

    @Override
    public void close() {
        cursor.close();
    }

    private void restart() {
        cursor.close();
        cursor = store.openCursor(txn);
    }

    private void requirePosition() {
        if (!positioned) {
            throw new IllegalStateException("The cursor is not positioned on an entry");
        }
    }
}
