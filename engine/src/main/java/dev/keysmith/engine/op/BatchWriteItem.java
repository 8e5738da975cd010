package dev.keysmith.engine.op;

import dev.keysmith.engine.change.ItemChange;
import dev.keysmith.engine.error.Errors;
import dev.keysmith.engine.table.TableDef;
import dev.keysmith.engine.value.ItemSize;
import dev.keysmith.engine.value.ItemValidator;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * BatchWriteItem: up to 25 puts and deletes across tables. Every request is validated before anything is written;
 * each write is metered like a single PutItem or DeleteItem. The engine never throttles, so UnprocessedItems is empty.
 */
public final class BatchWriteItem {
    static final int MAX_REQUESTS = 25;

    private BatchWriteItem() {}

    private record Op(String table, Map<String, AttributeValue> putItem, Map<String, AttributeValue> deleteKey) {}

    public static BatchWriteItemResponse execute(OpContext ctx, BatchWriteItemRequest req) {
        var requestItems = Requests.orNull(req.requestItems());
        if (requestItems == null || requestItems.isEmpty()) {
            throw Errors.validation("The requestItems parameter is required for BatchWriteItem");
        }
        int total = 0;
        List<Op> ops = new ArrayList<>();
        for (var entry : requestItems.entrySet()) {
            List<WriteRequest> writes = entry.getValue();
            if (writes == null || writes.isEmpty() || writes.size() > MAX_REQUESTS) {
                throw Errors.validation("1 validation error detected: Value '" + requestItems + "' at 'requestItems'"
                        + " failed to satisfy constraint: Map value must satisfy constraint: [Member must have length"
                        + " less than or equal to 25, Member must have length greater than or equal to 1]");
            }
            total += writes.size();
            String table = Requests.tableName(entry.getKey());
            for (WriteRequest w : writes) {
                boolean put = w.putRequest() != null;
                boolean delete = w.deleteRequest() != null;
                if (put == delete) {
                    throw Errors.validation(
                            "One or more parameter values were invalid: A WriteRequest must contain exactly one of"
                                    + " PutRequest or DeleteRequest");
                }
                if (put) {
                    Map<String, AttributeValue> item =
                            ItemValidator.validateItem(w.putRequest().item());
                    ItemSize.checkPut(item);
                    ops.add(new Op(table, item, null));
                } else {
                    ops.add(new Op(
                            table, null, GetItem.normalizeKey(w.deleteRequest().key())));
                }
            }
        }
        if (total > MAX_REQUESTS) {
            throw Errors.validation("Too many items requested for the BatchWriteItem call");
        }
        record Result(Map<String, Meter> meters, List<ItemChange> changes) {}
        Result r = ctx.storage().write(tx -> {
            Map<String, TableDef> tables = new LinkedHashMap<>();
            List<byte[]> keys = new ArrayList<>(ops.size());
            Set<ByteBuffer> seen = new HashSet<>();
            for (Op op : ops) {
                TableDef table =
                        tables.computeIfAbsent(op.table(), n -> ctx.catalog().require(tx, n));
                byte[] key;
                if (op.putItem() != null) {
                    KeyLayout.checkItemKeys(table, op.putItem());
                    key = KeyLayout.itemKey(table, op.putItem());
                } else {
                    key = KeyLayout.itemKey(table, KeyLayout.checkKey(table, op.deleteKey()));
                }
                if (!seen.add(ByteBuffer.wrap(Query.concat(table.tableId().getBytes(), key)))) {
                    throw Errors.validation("Provided list of item keys contains duplicates");
                }
                keys.add(key);
            }
            Map<String, Meter> meters = new LinkedHashMap<>();
            List<ItemChange> changes = new ArrayList<>(ops.size());
            StatsDeltas deltas = new StatsDeltas();
            for (int i = 0; i < ops.size(); i++) {
                Op op = ops.get(i);
                TableDef table = tables.get(op.table());
                Meter meter = meters.computeIfAbsent(op.table(), n -> new Meter(n, true));
                var old = ItemWriter.read(tx, table, keys.get(i));
                ItemWriter.write(tx, ctx, table, keys.get(i), old, op.putItem(), meter, false, changes, false, deltas);
            }
            deltas.flush(tx, ctx.catalog());
            return new Result(meters, changes);
        });
        ctx.hooks().changed(r.changes());
        var response = BatchWriteItemResponse.builder().unprocessedItems(Map.of());
        response.consumedCapacity(Meter.toResponses(r.meters().values(), req.returnConsumedCapacity()));
        return response.build();
    }
}
