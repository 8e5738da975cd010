package dev.keysmith.engine.op;

import dev.keysmith.engine.expr.ExpressionContext;
import dev.keysmith.engine.expr.Projection;
import dev.keysmith.engine.keys.ItemCodec;
import dev.keysmith.engine.keys.KeyCodec;
import dev.keysmith.engine.table.TableDef;
import dev.keysmith.engine.trace.ExecutionTrace;
import dev.keysmith.engine.value.ItemSize;
import dev.keysmith.engine.value.ItemValidator;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;

/** GetItem: one item by its full key; metered on the item's size per 4 KB (the minimum if it does not exist). */
public final class GetItem {
    private GetItem() {}

    public static GetItemResponse execute(OpContext ctx, GetItemRequest req) {
        long start = System.nanoTime();
        String tableName = Requests.tableName(req.tableName());
        var names = Requests.orNull(req.expressionAttributeNames());
        var attributesToGet = Requests.orNull(req.attributesToGet());
        Requests.expressionParameters(
                Requests.present("AttributesToGet", attributesToGet),
                Requests.present("ProjectionExpression", req.projectionExpression()),
                names,
                null,
                "");
        ExpressionContext ectx = new ExpressionContext(names, null);
        Projection projection = Requests.projection(req.projectionExpression(), attributesToGet, ectx);
        ectx.checkAllUsed();
        Map<String, AttributeValue> rawKey = Requests.orNull(req.key());
        Meter.ReadMode mode = Meter.ReadMode.of(req.consistentRead());

        record Result(TableDef table, Map<String, AttributeValue> key, byte[] bytes) {}
        Result r = ctx.storage().read(tx -> {
            TableDef table = ctx.catalog().require(tx, tableName);
            Map<String, AttributeValue> key = KeyLayout.checkKey(table, normalizeKey(rawKey));
            return new Result(table, key, tx.get(table.itemStore(), KeyLayout.itemKey(table, key)));
        });
        Map<String, AttributeValue> item = r.bytes() == null ? null : ItemCodec.decode(r.bytes());
        int size = item == null ? 0 : ItemSize.of(item);
        Meter meter = new Meter(tableName, false);
        meter.addTable(Meter.readUnits(size, mode));
        var response = GetItemResponse.builder().consumedCapacity(meter.toResponse(req.returnConsumedCapacity()));
        if (item != null) {
            response.item(projection == null ? item : projection.apply(item));
        }
        if (ctx.hooks().tracing()) {
            AttributeValue pk = r.key().get(r.table().hash().name());
            ctx.hooks()
                    .trace(new ExecutionTrace(
                            "GetItem",
                            tableName,
                            null,
                            pk,
                            KeyCodec.hash16(KeyCodec.encode(pk)),
                            r.table().range() == null
                                    ? null
                                    : r.table().range().name() + " = "
                                            + r.key().get(r.table().range().name()),
                            true,
                            null,
                            item == null ? 0 : 1,
                            item == null ? 0 : 1,
                            size,
                            false,
                            null,
                            meter.total(),
                            Map.of(),
                            System.nanoTime() - start));
        }
        return response.build();
    }

    /** Validates key values and puts numbers in canonical form, so equal numbers find the same item. */
    static Map<String, AttributeValue> normalizeKey(Map<String, AttributeValue> key) {
        return key == null ? null : ItemValidator.validateItem(key);
    }
}
