package dev.keysmith.engine.storage;

/** The cursor of a store that does not exist. */
enum EmptyCursor implements Cursor {
    INSTANCE;

    @Override
    public boolean seek(byte[] key) {
        return false;
    }

    @Override
    public boolean first() {
        return false;
    }

    @Override
    public boolean last() {
        return false;
    }

    @Override
    public boolean next() {
        return false;
    }

    @Override
    public boolean prev() {
        return false;
    }

    @Override
    public byte[] key() {
        throw new IllegalStateException("The cursor is not positioned on an entry");
    }

    @Override
    public byte[] value() {
        throw new IllegalStateException("The cursor is not positioned on an entry");
    }

    @Override
    public void close() {}
}
