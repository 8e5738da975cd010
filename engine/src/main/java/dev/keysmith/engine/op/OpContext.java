package dev.keysmith.engine.op;

import dev.keysmith.engine.storage.Storage;
import dev.keysmith.engine.stream.StreamLog;
import dev.keysmith.engine.table.Catalog;
import java.time.Clock;

/**
 * What every data-plane operation works with.
 *
 * @param locks items held by in-flight transactions (for TransactionConflict)
 * @param tokens ClientRequestToken idempotency of TransactWriteItems
 * @param streams where stream records are appended, in the write's transaction
 */
public record OpContext(
        Storage storage,
        Catalog catalog,
        EngineHooks hooks,
        Clock clock,
        ItemLocks locks,
        TransactionTokens tokens,
        StreamLog streams) {
    public OpContext(Storage storage, Catalog catalog, EngineHooks hooks, Clock clock, StreamLog streams) {
        this(storage, catalog, hooks, clock, new ItemLocks(), new TransactionTokens(clock), streams);
    }
}
