package dev.keysmith.engine.op;

import dev.keysmith.engine.error.Errors;
import dev.keysmith.engine.expr.ExpressionContext;
import dev.keysmith.engine.expr.Projection;
import dev.keysmith.engine.keys.ItemCodec;
import dev.keysmith.engine.table.TableDef;
import dev.keysmith.engine.value.ItemSize;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;

/**
 * BatchGetItem: up to 100 keys across tables, each read metered like a GetItem (per item, rounded up per 4 KB). Keys
 * beyond the 16 MB response limit come back in UnprocessedKeys.
 */
public final class BatchGetItem {
    static final int MAX_KEYS = 100;
    static final long MAX_RESPONSE_BYTES = 16L * 1024 * 1024;

    private BatchGetItem() {}

    private record TableRead(
            String requestName,
            String table,
            List<Map<String, AttributeValue>> keys,
            Projection projection,
            Meter.ReadMode mode,
            KeysAndAttributes original) {}

    public static BatchGetItemResponse execute(OpContext ctx, BatchGetItemRequest req) {
        var requestItems = Requests.orNull(req.requestItems());
        if (requestItems == null || requestItems.isEmpty()) {
            throw Errors.validation("The requestItems parameter is required for BatchGetItem");
        }
        int total = 0;
        List<TableRead> reads = new ArrayList<>();
        for (var entry : requestItems.entrySet()) {
            KeysAndAttributes ka = entry.getValue();
            List<Map<String, AttributeValue>> keys = Requests.orNull(ka.keys());
            if (keys == null || keys.isEmpty() || keys.size() > MAX_KEYS) {
                throw Errors.validation("1 validation error detected: Value at 'RequestItems." + entry.getKey()
                        + ".member.Keys' failed to satisfy constraint: Member must have length "
                        + (keys == null || keys.isEmpty()
                                ? "greater than or equal to 1"
                                : "less than or equal to 100"));
            }
            total += keys.size();
            var names = Requests.orNull(ka.expressionAttributeNames());
            var attributesToGet = Requests.orNull(ka.attributesToGet());
            Requests.expressionParameters(
                    Requests.present("AttributesToGet", attributesToGet),
                    Requests.present("ProjectionExpression", ka.projectionExpression()),
                    names,
                    null,
                    "");
            ExpressionContext ectx = new ExpressionContext(names, null);
            Projection projection = Requests.projection(ka.projectionExpression(), attributesToGet, ectx);
            ectx.checkAllUsed();
            List<Map<String, AttributeValue>> normalized = new ArrayList<>(keys.size());
            for (var key : keys) {
                normalized.add(GetItem.normalizeKey(key));
            }
            reads.add(new TableRead(
                    entry.getKey(),
                    Requests.tableName(entry.getKey()),
                    normalized,
                    projection,
                    Meter.ReadMode.of(ka.consistentRead()),
                    ka));
        }
        if (total > MAX_KEYS) {
            throw Errors.validation("Too many items requested for the BatchGetItem call");
        }
        Map<String, List<Map<String, AttributeValue>>> responses = new LinkedHashMap<>();
        Map<String, KeysAndAttributes> unprocessed = new LinkedHashMap<>();
        List<Meter> meters = new ArrayList<>();
        ctx.storage().read(tx -> {
            long responseBytes = 0;
            for (TableRead read : reads) {
                TableDef table = ctx.catalog().require(tx, read.table());
                Set<ByteBuffer> seen = new HashSet<>();
                List<byte[]> storageKeys = new ArrayList<>();
                for (var key : read.keys()) {
                    byte[] k = KeyLayout.itemKey(table, KeyLayout.checkKey(table, key));
                    if (!seen.add(ByteBuffer.wrap(k))) {
                        throw Errors.validation("Provided list of item keys contains duplicates");
                    }
                    storageKeys.add(k);
                }
                Meter meter = new Meter(read.table(), false);
                List<Map<String, AttributeValue>> items = new ArrayList<>();
                List<Map<String, AttributeValue>> left = new ArrayList<>();
                for (int i = 0; i < storageKeys.size(); i++) {
                    if (responseBytes >= MAX_RESPONSE_BYTES) {
                        left.add(read.keys().get(i));
                        continue;
                    }
                    byte[] bytes = tx.get(table.itemStore(), storageKeys.get(i));
                    Map<String, AttributeValue> item = bytes == null ? null : ItemCodec.decode(bytes);
                    int size = item == null ? 0 : ItemSize.of(item);
                    meter.addTable(Meter.readUnits(size, read.mode()));
                    if (item != null) {
                        Map<String, AttributeValue> out = read.projection() == null
                                ? item
                                : read.projection().apply(item);
                        responseBytes += ItemSize.of(out);
                        items.add(out);
                    }
                }
                responses.put(read.requestName(), items);
                if (!left.isEmpty()) {
                    unprocessed.put(
                            read.requestName(),
                            read.original().toBuilder().keys(left).build());
                }
                meters.add(meter);
            }
            return null;
        });
        return BatchGetItemResponse.builder()
                .responses(responses)
                .unprocessedKeys(unprocessed)
                .consumedCapacity(Meter.toResponses(meters, req.returnConsumedCapacity()))
                .build();
    }
}
