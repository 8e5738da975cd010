package dev.keysmith.engine.storage;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One store's changes lying over a lower view of the same store: what a write transaction has not committed yet, or
 * what {@link BufferedStorage} has committed but not yet written to Xodus. An entry's value is either the new value or
 * {@link #TOMBSTONE}, which hides the lower view's entry.
 */
interface Layer {
    /** The value of a deleted key; compared by identity, never handed out. */
    byte[] TOMBSTONE = new byte[0];

    /** The value or {@link #TOMBSTONE} this layer holds for {@code key}, or null when the lower view decides. */
    byte @Nullable [] find(byte[] key);

    /**
     * The layer's nearest entry after {@code from} ({@code forward}) or before it, {@code from} itself included when
     * {@code inclusive}; from the first or last entry when {@code from} is null. Null when there is none.
     */
    Map.@Nullable Entry<byte[], byte[]> nearest(byte @Nullable [] from, boolean inclusive, boolean forward);
}
