package dev.keysmith.engine.op;

import dev.keysmith.engine.change.ItemChange;
import dev.keysmith.engine.expr.Condition;
import dev.keysmith.engine.table.TableDef;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;

/** DeleteItem: removes an item by key, optionally under a condition; a missing item still costs one write unit. */
public final class DeleteItem {
    private DeleteItem() {}

    public static DeleteItemResponse execute(OpContext ctx, DeleteItemRequest req) {
        long start = System.nanoTime();
        String tableName = Requests.tableName(req.tableName());
        var names = Requests.orNull(req.expressionAttributeNames());
        var values = Requests.values(req.expressionAttributeValues());
        var expected = Requests.orNull(req.expected());
        ReturnValue returnValues = Requests.putOrDeleteReturnValues(req.returnValues());
        Requests.expressionParameters(
                Requests.present("Expected", expected, "ConditionalOperator", req.conditionalOperator()),
                Requests.present("ConditionExpression", req.conditionExpression()),
                names,
                values,
                "ConditionExpression is null");
        Map<String, AttributeValue> rawKey = GetItem.normalizeKey(Requests.orNull(req.key()));
        Condition condition =
                WriteConditions.parse(req.conditionExpression(), expected, req.conditionalOperator(), names, values);
        boolean returnOldOnFailure =
                req.returnValuesOnConditionCheckFailure() == ReturnValuesOnConditionCheckFailure.ALL_OLD;

        record Result(
                TableDef table,
                Map<String, AttributeValue> key,
                @Nullable Map<String, AttributeValue> old,
                Meter meter,
                List<ItemChange> changes) {}
        Result r = ctx.storage().write(tx -> {
            TableDef table = ctx.catalog().require(tx, tableName);
            Map<String, AttributeValue> key = KeyLayout.checkKey(table, rawKey);
            byte[] storageKey = KeyLayout.itemKey(table, key);
            ctx.locks().checkNotHeld(table.tableId(), storageKey);
            Map<String, AttributeValue> old = ItemWriter.read(tx, table, storageKey);
            WriteConditions.check(condition, old, returnOldOnFailure);
            Meter meter = new Meter(tableName, true);
            List<ItemChange> changes = new ArrayList<>(1);
            ItemWriter.write(tx, ctx, table, storageKey, old, null, meter, false, changes);
            return new Result(table, key, old, meter, changes);
        });
        ctx.hooks().changed(r.changes());
        WriteTraces.emit(ctx, "DeleteItem", r.table(), r.key(), r.meter(), start);
        var response =
                DeleteItemResponse.builder().consumedCapacity(r.meter().toResponse(req.returnConsumedCapacity()));
        if (returnValues == ReturnValue.ALL_OLD && r.old() != null) {
            response.attributes(r.old());
        }
        return response.build();
    }
}
