package dev.keysmith.engine.storage;

import org.jspecify.annotations.Nullable;

/** A consistent snapshot of every store. Valid only inside the {@link Storage} call that provides it. */
public interface ReadTx {

    /** The value stored under {@code key}, or null if there is none (or the store does not exist). */
    byte @Nullable [] get(String store, byte[] key);

    /** A cursor over {@code store} in unsigned byte order of the keys; the caller closes it. */
    Cursor cursor(String store);

    boolean storeExists(String store);
}
