package dev.keysmith.engine.storage;

import java.util.function.Function;

/**
 * Named stores of byte keys and values, ordered by unsigned byte comparison, read and written in transactions.
 *
 * <p>A store is created by its first {@link WriteTx#put put}; reading a store that does not exist sees it empty.
 */
public interface Storage extends AutoCloseable {

    /** Runs {@code work} in a read-only snapshot transaction and returns its result. */
    <T> T read(Function<ReadTx, T> work);

    /**
     * Runs {@code work} in a write transaction, serialized with every other write, and commits it when {@code work}
     * returns. An exception thrown by {@code work} aborts the transaction and propagates unchanged. The storage may run
     * {@code work} more than once, so it must have no side effects outside the transaction. A write transaction cannot
     * be opened inside another one on the same thread.
     */
    <T> T write(Function<WriteTx, T> work);

    @Override
    void close();
}
