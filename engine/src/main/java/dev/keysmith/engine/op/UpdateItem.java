package dev.keysmith.engine.op;

import dev.keysmith.engine.change.ItemChange;
import dev.keysmith.engine.expr.Condition;
import dev.keysmith.engine.expr.ExpressionContext;
import dev.keysmith.engine.expr.Expressions;
import dev.keysmith.engine.expr.Legacy;
import dev.keysmith.engine.expr.Update;
import dev.keysmith.engine.table.TableDef;
import dev.keysmith.engine.value.ItemSize;
import dev.keysmith.engine.value.ItemValidator;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;

/**
 * UpdateItem: edits an item's attributes, creating the item if it does not exist; metered on the larger of the item
 * before and after.
 */
public final class UpdateItem {
    private UpdateItem() {}

    public static UpdateItemResponse execute(OpContext ctx, UpdateItemRequest req) {
        long start = System.nanoTime();
        String tableName = Requests.tableName(req.tableName());
        var names = Requests.orNull(req.expressionAttributeNames());
        var values = Requests.values(req.expressionAttributeValues());
        var expected = Requests.orNull(req.expected());
        var attributeUpdates = Requests.orNull(req.attributeUpdates());
        ReturnValue returnValues = req.returnValues() == null ? ReturnValue.NONE : req.returnValues();
        Requests.expressionParameters(
                Requests.present(
                        "AttributeUpdates",
                        attributeUpdates,
                        "Expected",
                        expected,
                        "ConditionalOperator",
                        req.conditionalOperator()),
                Requests.present(
                        "UpdateExpression", req.updateExpression(), "ConditionExpression", req.conditionExpression()),
                names,
                values,
                req.updateExpression() == null ? "UpdateExpression is null" : "ConditionExpression is null");
        Map<String, AttributeValue> rawKey = GetItem.normalizeKey(Requests.orNull(req.key()));
        ExpressionContext ectx = new ExpressionContext(names, values);
        Update update = req.updateExpression() != null
                ? Expressions.update(req.updateExpression(), ectx)
                : attributeUpdates != null ? Legacy.attributeUpdates(attributeUpdates) : null;
        Condition condition =
                WriteConditions.parse(req.conditionExpression(), expected, req.conditionalOperator(), ectx);
        ectx.checkAllUsed();
        boolean returnOldOnFailure =
                req.returnValuesOnConditionCheckFailure() == ReturnValuesOnConditionCheckFailure.ALL_OLD;

        record Result(
                TableDef table,
                Map<String, AttributeValue> key,
                @Nullable Map<String, AttributeValue> old,
                Map<String, AttributeValue> updated,
                Meter meter,
                List<ItemChange> changes) {}
        Result r = ctx.storage().write(tx -> {
            TableDef table = ctx.catalog().require(tx, tableName);
            Map<String, AttributeValue> key = KeyLayout.checkKey(table, rawKey);
            if (update != null) {
                update.checkKeyAttributes(table.keyAttributeNames());
            }
            byte[] storageKey = KeyLayout.itemKey(table, key);
            ctx.locks().checkNotHeld(table.tableId(), storageKey);
            Map<String, AttributeValue> old = ItemWriter.read(tx, table, storageKey);
            WriteConditions.check(condition, old, returnOldOnFailure);
            if (update != null) {
                update.checkIndexKeyPaths(table.indexKeyAttributeNames());
            }
            Map<String, AttributeValue> base = new LinkedHashMap<>(old == null ? key : old);
            Map<String, AttributeValue> updated =
                    update == null ? base : ItemValidator.validateItem(update.apply(base));
            ItemSize.checkUpdate(updated);
            KeyLayout.checkIndexKeys(table, updated);
            Meter meter = new Meter(tableName, true);
            List<ItemChange> changes = new ArrayList<>(1);
            ItemWriter.write(tx, ctx, table, storageKey, old, updated, meter, false, changes);
            return new Result(table, key, old, updated, meter, changes);
        });
        ctx.hooks().changed(r.changes());
        WriteTraces.emit(ctx, "UpdateItem", r.table(), r.key(), r.meter(), start);
        var response =
                UpdateItemResponse.builder().consumedCapacity(r.meter().toResponse(req.returnConsumedCapacity()));
        Map<String, AttributeValue> attributes = returnedAttributes(returnValues, r.old(), r.updated(), update);
        if (attributes != null && !attributes.isEmpty()) {
            response.attributes(attributes);
        }
        return response.build();
    }

    private static @Nullable Map<String, AttributeValue> returnedAttributes(
            ReturnValue rv,
            @Nullable Map<String, AttributeValue> old,
            Map<String, AttributeValue> updated,
            @Nullable Update update) {
        return switch (rv) {
            case NONE, UNKNOWN_TO_SDK_VERSION -> null;
            case ALL_OLD -> old;
            case ALL_NEW -> updated;
            case UPDATED_OLD -> old == null || update == null ? null : update.updatedAttributes(old);
            case UPDATED_NEW -> update == null ? null : update.updatedAttributes(updated);
        };
    }
}
