package dev.keysmith.engine.storage;

/**
 * A position in one store, moving in unsigned byte order of the keys. A fresh cursor is positioned nowhere: call
 * {@link #seek}, {@link #first} or {@link #last} first. {@link #key()} and {@link #value()} are valid only after a move
 * that returned true, and return fresh arrays.
 */
public interface Cursor extends AutoCloseable {

    /** Positions at the first key greater than or equal to {@code key}; false if there is none. */
    boolean seek(byte[] key);

    boolean first();

    boolean last();

    /** Moves to the next key; from a fresh cursor, to the first key. */
    boolean next();

    /** Moves to the previous key; from a fresh cursor, to the last key. */
    boolean prev();

    byte[] key();

    byte[] value();

    @Override
    void close();
}
