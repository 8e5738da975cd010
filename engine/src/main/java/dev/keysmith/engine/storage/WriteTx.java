package dev.keysmith.engine.storage;

/** A write transaction: reads see its own writes. */
public interface WriteTx extends ReadTx {

    /** Stores {@code value} under {@code key}, replacing any previous value; creates the store if needed. */
    void put(String store, byte[] key, byte[] value);

    /** Removes {@code key}; true if it was present. */
    boolean delete(String store, byte[] key);

    /** Removes the whole store with all its entries; nothing happens if it does not exist. */
    void dropStore(String store);
}
