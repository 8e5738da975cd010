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
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ItemResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItem;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItemsResponse;

/**
 * TransactGetItems: up to 100 items read from one consistent snapshot, each metered as a transactional read (two units
 * per 4 KB). An item held by an in-flight write transaction cancels the read with TransactionConflict.
 */
public final class TransactGetItems {
    private TransactGetItems() {}

    public static TransactGetItemsResponse execute(OpContext ctx, TransactGetItemsRequest req) {
        List<TransactGetItem> items = Requests.orNull(req.transactItems());
        int size = items == null ? 0 : items.size();
        if (size < 1 || size > TransactWriteItems.MAX_ACTIONS) {
            throw Errors.validation("1 validation error detected: Value '" + (items == null ? "null" : items)
                    + "' at 'transactItems' failed to satisfy constraint: Member must have length "
                    + (size < 1 ? "greater than or equal to 1" : "less than or equal to 100"));
        }
        List<Projection> projections = new ArrayList<>(size);
        for (TransactGetItem item : items) {
            if (item.get() == null) {
                throw Errors.validation("1 validation error detected: Value null at 'transactItems.member.get' failed"
                        + " to satisfy constraint: Member must not be null");
            }
            var g = item.get();
            ExpressionContext ectx = new ExpressionContext(Requests.orNull(g.expressionAttributeNames()), null);
            projections.add(Requests.projection(g.projectionExpression(), null, ectx));
            ectx.checkAllUsed();
        }
        Map<String, Meter> meters = new LinkedHashMap<>();
        List<ItemResponse> responses = ctx.storage().read(tx -> {
            List<ItemResponse> out = new ArrayList<>(size);
            Set<ByteBuffer> seen = new HashSet<>();
            List<Integer> conflicts = new ArrayList<>();
            for (int i = 0; i < size; i++) {
                var g = items.get(i).get();
                String tableName = Requests.tableName(g.tableName());
                TableDef table = ctx.catalog().require(tx, tableName);
                Map<String, AttributeValue> key =
                        KeyLayout.checkKey(table, GetItem.normalizeKey(Requests.orNull(g.key())));
                byte[] storageKey = KeyLayout.itemKey(table, key);
                ByteBuffer id = ItemLocks.id(table.tableId(), storageKey);
                if (!seen.add(id)) {
                    throw Errors.validation("Transaction request cannot include multiple operations on one item");
                }
                if (ctx.locks().isHeld(id)) {
                    conflicts.add(i);
                }
                byte[] bytes = tx.get(table.itemStore(), storageKey);
                Map<String, AttributeValue> item = bytes == null ? null : ItemCodec.decode(bytes);
                meters.computeIfAbsent(tableName, n -> new Meter(n, false))
                        .addTable(Meter.readUnits(item == null ? 0 : ItemSize.of(item), Meter.ReadMode.TRANSACTIONAL));
                Projection p = projections.get(i);
                out.add(
                        item == null
                                ? ItemResponse.builder().build()
                                : ItemResponse.builder()
                                        .item(p == null ? item : p.apply(item))
                                        .build());
            }
            if (!conflicts.isEmpty()) {
                List<CancellationReason> reasons = new ArrayList<>(size);
                for (int i = 0; i < size; i++) {
                    reasons.add(
                            conflicts.contains(i)
                                    ? CancellationReason.builder()
                                            .code("TransactionConflict")
                                            .message("Transaction is ongoing for the item")
                                            .build()
                                    : CancellationReason.builder().code("None").build());
                }
                throw Errors.transactionCanceled(reasons);
            }
            return out;
        });
        var response = TransactGetItemsResponse.builder().responses(responses);
        response.consumedCapacity(Meter.toResponses(meters.values(), req.returnConsumedCapacity()));
        return response.build();
    }
}
