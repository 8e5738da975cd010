package dev.keysmith.engine.throughput;

import dev.keysmith.engine.error.Errors;
import dev.keysmith.engine.storage.Storage;
import dev.keysmith.engine.table.Catalog;
import dev.keysmith.engine.table.IndexDef;
import dev.keysmith.engine.table.TableDef;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.Capacity;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItem;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItemsResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsResponse;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Throughput emulation around the data-plane operations. Before a request runs, the buckets it would draw from (the
 * table's, or a GSI's for a read on that GSI, plus every GSI's for a write) must not be empty, else it is rejected up
 * front as DynamoDB does: ProvisionedThroughputExceededException, unprocessed items or keys in a batch (the exception
 * only when every table of the batch is throttled), a TransactionCanceledException reason in a transaction. After it
 * runs, the buckets are charged the capacity the operation metered (LSI capacity counts against the table). Requests
 * run with {@code ReturnConsumedCapacity: INDEXES} to learn it, and the answer is cut back to what the caller asked.
 * On-demand tables, missing tables and a disabled emulation pass straight through.
 */
public final class Throttle {
    private final Storage storage;
    private final Catalog catalog;
    private final Clock clock;
    private final boolean enabled;
    private final Map<String, TokenBucket> buckets = new HashMap<>();

    /** What throttles a request: the table's bucket or a GSI's. */
    private enum Bottleneck {
        TABLE,
        INDEX;

        RuntimeException exception() {
            return Errors.throughputExceeded(this == INDEX);
        }

        String message() {
            return Errors.throughputExceededMessage(this == INDEX);
        }
    }

    public Throttle(Storage storage, Catalog catalog, Clock clock, boolean enabled) {
        this.storage = storage;
        this.catalog = catalog;
        this.clock = clock;
        this.enabled = enabled;
    }

    /**
     * A single-table request: {@code run} executes it with the given ReturnConsumedCapacity, {@code consumed} reads
     * the response's capacity, {@code answer} puts the capacity the caller asked for back into the response.
     */
    public <R> R single(
            @Nullable String tableName,
            @Nullable String indexName,
            boolean write,
            @Nullable ReturnConsumedCapacity asked,
            Function<@Nullable ReturnConsumedCapacity, R> run,
            Function<R, @Nullable ConsumedCapacity> consumed,
            BiFunction<R, @Nullable ConsumedCapacity, R> answer) {
        TableDef table = provisioned(tableName);
        if (table == null) {
            return run.apply(asked);
        }
        Bottleneck bottleneck = throttledBy(table, indexName, write);
        if (bottleneck != null) {
            throw bottleneck.exception();
        }
        R response = run.apply(ReturnConsumedCapacity.INDEXES);
        ConsumedCapacity capacity = consumed.apply(response);
        debit(Map.of(table.name(), table), write, capacity == null ? List.of() : List.of(capacity));
        return answer.apply(response, capacity == null ? null : shape(capacity, asked));
    }

    public BatchWriteItemResponse batchWrite(
            BatchWriteItemRequest request, Function<BatchWriteItemRequest, BatchWriteItemResponse> run) {
        if (!enabled || !request.hasRequestItems() || request.requestItems().isEmpty()) {
            return run.apply(request);
        }
        Map<String, List<WriteRequest>> kept = new LinkedHashMap<>();
        Map<String, List<WriteRequest>> unprocessed = new LinkedHashMap<>();
        Map<String, TableDef> tables = new HashMap<>();
        Bottleneck first = null;
        for (var e : request.requestItems().entrySet()) {
            TableDef table = provisioned(e.getKey());
            Bottleneck bottleneck = table == null ? null : throttledBy(table, null, true);
            if (bottleneck == null) {
                kept.put(e.getKey(), e.getValue());
                if (table != null) {
                    tables.put(table.name(), table);
                }
            } else {
                unprocessed.put(e.getKey(), e.getValue());
                first = first == null ? bottleneck : first;
            }
        }
        if (kept.isEmpty() && first != null) {
            throw first.exception();
        }
        BatchWriteItemResponse response = run.apply(request.toBuilder()
                .requestItems(kept)
                .returnConsumedCapacity(ReturnConsumedCapacity.INDEXES)
                .build());
        debit(tables, true, response.consumedCapacity());
        Map<String, List<WriteRequest>> allUnprocessed = new LinkedHashMap<>(response.unprocessedItems());
        allUnprocessed.putAll(unprocessed);
        return response.toBuilder()
                .unprocessedItems(allUnprocessed)
                .consumedCapacity(shape(response.consumedCapacity(), request.returnConsumedCapacity()))
                .build();
    }

    public BatchGetItemResponse batchGet(
            BatchGetItemRequest request, Function<BatchGetItemRequest, BatchGetItemResponse> run) {
        if (!enabled || !request.hasRequestItems() || request.requestItems().isEmpty()) {
            return run.apply(request);
        }
        Map<String, KeysAndAttributes> kept = new LinkedHashMap<>();
        Map<String, KeysAndAttributes> unprocessed = new LinkedHashMap<>();
        Map<String, TableDef> tables = new HashMap<>();
        for (var e : request.requestItems().entrySet()) {
            TableDef table = provisioned(e.getKey());
            if (table != null && throttledBy(table, null, false) != null) {
                unprocessed.put(e.getKey(), e.getValue());
            } else {
                kept.put(e.getKey(), e.getValue());
                if (table != null) {
                    tables.put(table.name(), table);
                }
            }
        }
        if (kept.isEmpty()) {
            throw Bottleneck.TABLE.exception();
        }
        BatchGetItemResponse response = run.apply(request.toBuilder()
                .requestItems(kept)
                .returnConsumedCapacity(ReturnConsumedCapacity.INDEXES)
                .build());
        debit(tables, false, response.consumedCapacity());
        Map<String, KeysAndAttributes> allUnprocessed = new LinkedHashMap<>(response.unprocessedKeys());
        allUnprocessed.putAll(unprocessed);
        return response.toBuilder()
                .unprocessedKeys(allUnprocessed)
                .consumedCapacity(shape(response.consumedCapacity(), request.returnConsumedCapacity()))
                .build();
    }

    public TransactWriteItemsResponse transactWrite(
            TransactWriteItemsRequest request, Function<TransactWriteItemsRequest, TransactWriteItemsResponse> run) {
        if (!enabled || !request.hasTransactItems()) {
            return run.apply(request);
        }
        List<@Nullable String> names = new ArrayList<>();
        for (TransactWriteItem item : request.transactItems()) {
            names.add(writeTable(item));
        }
        Map<String, TableDef> tables = checkTransaction(names, true);
        TransactWriteItemsResponse response = run.apply(request.toBuilder()
                .returnConsumedCapacity(ReturnConsumedCapacity.INDEXES)
                .build());
        debit(tables, true, response.consumedCapacity());
        return response.toBuilder()
                .consumedCapacity(shape(response.consumedCapacity(), request.returnConsumedCapacity()))
                .build();
    }

    public TransactGetItemsResponse transactGet(
            TransactGetItemsRequest request, Function<TransactGetItemsRequest, TransactGetItemsResponse> run) {
        if (!enabled || !request.hasTransactItems()) {
            return run.apply(request);
        }
        List<@Nullable String> names = new ArrayList<>();
        for (TransactGetItem item : request.transactItems()) {
            names.add(item.get() == null ? null : item.get().tableName());
        }
        Map<String, TableDef> tables = checkTransaction(names, false);
        TransactGetItemsResponse response = run.apply(request.toBuilder()
                .returnConsumedCapacity(ReturnConsumedCapacity.INDEXES)
                .build());
        debit(tables, false, response.consumedCapacity());
        return response.toBuilder()
                .consumedCapacity(shape(response.consumedCapacity(), request.returnConsumedCapacity()))
                .build();
    }

    /** The provisioned tables of a transaction; cancels it with one reason per action if any is throttled. */
    private Map<String, TableDef> checkTransaction(List<@Nullable String> names, boolean write) {
        Map<String, TableDef> tables = new HashMap<>();
        List<CancellationReason> reasons = new ArrayList<>();
        boolean throttled = false;
        for (String name : names) {
            TableDef table = provisioned(name);
            Bottleneck bottleneck = table == null ? null : throttledBy(table, null, write);
            if (table != null) {
                tables.put(table.name(), table);
            }
            if (bottleneck == null) {
                reasons.add(CancellationReason.builder().code("None").build());
            } else {
                throttled = true;
                reasons.add(CancellationReason.builder()
                        .code("ProvisionedThroughputExceeded")
                        .message(bottleneck.message())
                        .build());
            }
        }
        if (throttled) {
            throw Errors.transactionCanceled(reasons);
        }
        return tables;
    }

    private static @Nullable String writeTable(TransactWriteItem item) {
        if (item.put() != null) {
            return item.put().tableName();
        }
        if (item.update() != null) {
            return item.update().tableName();
        }
        if (item.delete() != null) {
            return item.delete().tableName();
        }
        return item.conditionCheck() == null ? null : item.conditionCheck().tableName();
    }

    /** The table if emulation applies to it (enabled, the table exists and is provisioned), else null. */
    private @Nullable TableDef provisioned(@Nullable String tableName) {
        if (!enabled || tableName == null) {
            return null;
        }
        TableDef table = storage.read(tx -> catalog.find(tx, tableName));
        return table == null || table.billingMode() != BillingMode.PROVISIONED ? null : table;
    }

    /**
     * Null if the request may run, else the bucket that is empty. A read on a GSI draws from the GSI; a write draws
     * from the table and from every GSI.
     */
    private synchronized @Nullable Bottleneck throttledBy(TableDef table, @Nullable String indexName, boolean write) {
        IndexDef readIndex = indexName == null ? null : table.index(indexName);
        if (!write && readIndex != null && readIndex.global()) {
            return bucket(table, readIndex, false).empty() ? Bottleneck.INDEX : null;
        }
        if (bucket(table, null, write).empty()) {
            return Bottleneck.TABLE;
        }
        if (write) {
            for (IndexDef index : table.indexes()) {
                if (index.global() && bucket(table, index, true).empty()) {
                    return Bottleneck.INDEX;
                }
            }
        }
        return null;
    }

    private synchronized void debit(Map<String, TableDef> tables, boolean write, List<ConsumedCapacity> consumed) {
        for (ConsumedCapacity c : consumed) {
            TableDef table = tables.get(c.tableName());
            if (table == null) {
                continue;
            }
            if (c.table() == null) {
                bucket(table, null, write).debit(units(c.capacityUnits()));
                continue;
            }
            double tableUnits = units(c.table().capacityUnits());
            for (Capacity lsi : c.localSecondaryIndexes().values()) {
                tableUnits += units(lsi.capacityUnits());
            }
            bucket(table, null, write).debit(tableUnits);
            for (var gsi : c.globalSecondaryIndexes().entrySet()) {
                IndexDef index = table.index(gsi.getKey());
                if (index != null) {
                    bucket(table, index, write).debit(units(gsi.getValue().capacityUnits()));
                }
            }
        }
    }

    private static double units(@Nullable Double units) {
        return units == null ? 0 : units;
    }

    /** The bucket of the table (index null) or of a GSI, for reads or writes, refilled to now. */
    private TokenBucket bucket(TableDef table, @Nullable IndexDef index, boolean write) {
        long rate = index == null
                ? (write ? table.writeCapacity() : table.readCapacity())
                : (write ? index.writeCapacity() : index.readCapacity());
        String key = table.tableId() + '\0' + (index == null ? "" : index.name()) + (write ? "\0W" : "\0R");
        var now = clock.instant();
        TokenBucket bucket = buckets.computeIfAbsent(key, k -> new TokenBucket(rate, now));
        bucket.refill(rate, now);
        return bucket;
    }

    private static @Nullable ConsumedCapacity shape(ConsumedCapacity c, @Nullable ReturnConsumedCapacity asked) {
        if (asked == ReturnConsumedCapacity.INDEXES) {
            return c;
        }
        if (asked == ReturnConsumedCapacity.TOTAL) {
            return ConsumedCapacity.builder()
                    .tableName(c.tableName())
                    .capacityUnits(c.capacityUnits())
                    .readCapacityUnits(c.readCapacityUnits())
                    .writeCapacityUnits(c.writeCapacityUnits())
                    .build();
        }
        return null;
    }

    private static @Nullable List<ConsumedCapacity> shape(
            List<ConsumedCapacity> all, @Nullable ReturnConsumedCapacity asked) {
        if (asked != ReturnConsumedCapacity.INDEXES && asked != ReturnConsumedCapacity.TOTAL) {
            return null;
        }
        List<ConsumedCapacity> out = new ArrayList<>();
        for (ConsumedCapacity c : all) {
            out.add(shape(c, asked));
        }
        return out;
    }
}
