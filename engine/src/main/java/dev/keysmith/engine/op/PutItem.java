package dev.keysmith.engine.op;

import dev.keysmith.engine.change.ItemChange;
import dev.keysmith.engine.error.Errors;
import dev.keysmith.engine.expr.Condition;
import dev.keysmith.engine.table.TableDef;
import dev.keysmith.engine.value.ItemSize;
import dev.keysmith.engine.value.ItemValidator;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;

/** PutItem: creates or replaces an item, optionally under a condition. */
public final class PutItem {
    private PutItem() {}

    public static PutItemResponse execute(OpContext ctx, PutItemRequest req) {
        long start = System.nanoTime();
        String tableName = Requests.tableName(req.tableName());
        Map<String, AttributeValue> rawItem = Requests.orNull(req.item());
        if (rawItem == null) {
            throw Errors.validation("1 validation error detected: Value null at 'item' failed to satisfy constraint:"
                    + " Member must not be null");
        }
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
        Map<String, AttributeValue> item = ItemValidator.validateItem(rawItem);
        Condition condition =
                WriteConditions.parse(req.conditionExpression(), expected, req.conditionalOperator(), names, values);
        ItemSize.checkPut(item);
        boolean returnOldOnFailure =
                req.returnValuesOnConditionCheckFailure() == ReturnValuesOnConditionCheckFailure.ALL_OLD;

        record Result(
                TableDef table, @Nullable Map<String, AttributeValue> old, Meter meter, List<ItemChange> changes) {}
        Result r = ctx.storage().write(tx -> {
            TableDef table = ctx.catalog().require(tx, tableName);
            KeyLayout.checkItemKeys(table, item);
            byte[] key = KeyLayout.itemKey(table, item);
            ctx.locks().checkNotHeld(table.tableId(), key);
            Map<String, AttributeValue> old = ItemWriter.read(tx, table, key);
            WriteConditions.check(condition, old, returnOldOnFailure);
            Meter meter = new Meter(tableName, true);
            List<ItemChange> changes = new ArrayList<>(1);
            ItemWriter.write(tx, ctx, table, key, old, item, meter, false, changes);
            return new Result(table, old, meter, changes);
        });
        ctx.hooks().changed(r.changes());
        WriteTraces.emit(ctx, "PutItem", r.table(), item, r.meter(), start);
        var response = PutItemResponse.builder().consumedCapacity(r.meter().toResponse(req.returnConsumedCapacity()));
        if (returnValues == ReturnValue.ALL_OLD && r.old() != null) {
            response.attributes(r.old());
        }
        return response.build();
    }
}
