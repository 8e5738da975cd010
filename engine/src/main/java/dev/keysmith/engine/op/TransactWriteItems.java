package dev.keysmith.engine.op;

import dev.keysmith.engine.change.ItemChange;
import dev.keysmith.engine.error.Errors;
import dev.keysmith.engine.expr.Condition;
import dev.keysmith.engine.expr.ExpressionContext;
import dev.keysmith.engine.expr.Expressions;
import dev.keysmith.engine.expr.Update;
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
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsResponse;

/**
 * TransactWriteItems: up to 100 puts, updates, deletes and condition checks on distinct items, applied atomically in
 * one storage transaction. Any failed condition cancels all of it (TransactionCanceledException with one reason per
 * action); an item held by another in-flight transaction cancels it with TransactionConflict. Table writes cost
 * double; index writes are metered once.
 */
public final class TransactWriteItems {
    static final int MAX_ACTIONS = 100;
    static final long MAX_REQUEST_BYTES = 4L * 1024 * 1024;

    private TransactWriteItems() {}

    private enum Kind {
        CHECK,
        PUT,
        UPDATE,
        DELETE
    }

    private record Action(
            Kind kind,
            String table,
            @Nullable Map<String, AttributeValue> item,
            @Nullable Map<String, AttributeValue> key,
            @Nullable Condition condition,
            @Nullable Update update,
            boolean returnOldOnFailure) {}

    private record Target(TableDef table, Map<String, AttributeValue> key, byte[] storageKey) {}

    public static TransactWriteItemsResponse execute(OpContext ctx, TransactWriteItemsRequest req) {
        List<TransactWriteItem> items = Requests.orNull(req.transactItems());
        int size = items == null ? 0 : items.size();
        if (size < 1 || size > MAX_ACTIONS) {
            throw Errors.validation("1 validation error detected: Value '" + (items == null ? "null" : items)
                    + "' at 'transactItems' failed to satisfy constraint: Member must have length "
                    + (size < 1 ? "greater than or equal to 1" : "less than or equal to 100"));
        }
        List<Action> actions = new ArrayList<>(size);
        long bytes = 0;
        for (TransactWriteItem item : items) {
            Action a = parse(item);
            if (a.item() != null) {
                bytes += ItemSize.of(a.item());
            }
            actions.add(a);
        }
        if (bytes > MAX_REQUEST_BYTES) {
            throw Errors.validation("Transaction request size has exceeded the maximum allowed size of 4 MB");
        }
        String token = req.clientRequestToken();
        if (token != null) {
            TransactWriteItemsResponse earlier = ctx.tokens().replay(token, req);
            if (earlier != null) {
                return earlier;
            }
        }
        List<Target> targets = resolve(ctx, actions);
        List<ByteBuffer> ids = new ArrayList<>(targets.size());
        for (Target t : targets) {
            ids.add(ItemLocks.id(t.table().tableId(), t.storageKey()));
        }
        Object owner = new Object();
        List<Integer> conflicts = ctx.locks().tryLockAll(ids, owner);
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
        if (token != null) {
            ctx.tokens().begin(token, req);
        }
        boolean done = false;
        try {
            record Result(Map<String, Meter> meters, List<ItemChange> changes) {}
            Result r = ctx.storage().write(tx -> {
                List<Map<String, AttributeValue>> current = new ArrayList<>(size);
                List<CancellationReason> reasons = new ArrayList<>(size);
                boolean failed = false;
                for (int i = 0; i < size; i++) {
                    Target t = targets.get(i);
                    Map<String, AttributeValue> old = ItemWriter.read(tx, t.table(), t.storageKey());
                    current.add(old);
                    Action a = actions.get(i);
                    boolean holds = a.condition() == null || a.condition().test(old == null ? Map.of() : old);
                    String invalid = holds ? indexKeyPathProblem(a, t.table()) : null;
                    if (!holds) {
                        failed = true;
                        var reason = CancellationReason.builder()
                                .code("ConditionalCheckFailed")
                                // The reason's text ends with a period, unlike the exception's (reference 7.2, S12).
                                .message("The conditional request failed.");
                        if (a.returnOldOnFailure() && old != null) {
                            reason.item(old);
                        }
                        reasons.add(reason.build());
                    } else if (invalid != null) {
                        failed = true;
                        reasons.add(CancellationReason.builder()
                                .code("ValidationError")
                                .message(invalid)
                                .build());
                    } else {
                        reasons.add(CancellationReason.builder().code("None").build());
                    }
                }
                if (failed) {
                    throw Errors.transactionCanceled(reasons);
                }
                Map<String, Meter> meters = new LinkedHashMap<>();
                List<ItemChange> changes = new ArrayList<>();
                StatsDeltas deltas = new StatsDeltas();
                for (int i = 0; i < size; i++) {
                    Action a = actions.get(i);
                    Target t = targets.get(i);
                    Meter meter = meters.computeIfAbsent(a.table(), n -> new Meter(n, true));
                    Map<String, AttributeValue> old = current.get(i);
                    Map<String, AttributeValue> next = switch (a.kind()) {
                        case CHECK -> old;
                        case PUT -> a.item();
                        case DELETE -> null;
                        case UPDATE -> {
                            Map<String, AttributeValue> updated = ItemValidator.validateItem(
                                    a.update().apply(new LinkedHashMap<>(old == null ? t.key() : old)));
                            if (ItemSize.of(updated) > ItemSize.MAX_ITEM_SIZE) {
                                throw Errors.transactionCanceled(validationAt(
                                        i, size, "Item size to update has exceeded the maximum allowed size"));
                            }
                            KeyLayout.checkIndexKeys(t.table(), updated);
                            yield updated;
                        }
                    };
                    if (a.kind() == Kind.CHECK) {
                        // A condition check reads the item: two read units per 4 KB, as a transactional read.
                        meter.addTable(
                                Meter.readUnits(old == null ? 0 : ItemSize.of(old), Meter.ReadMode.TRANSACTIONAL));
                        continue;
                    }
                    ItemWriter.write(
                            tx, ctx, t.table(), t.storageKey(), old, next, meter, true, changes, false, deltas);
                }
                deltas.flush(tx, ctx.catalog());
                return new Result(meters, changes);
            });
            ctx.hooks().changed(r.changes());
            var response = TransactWriteItemsResponse.builder();
            response.consumedCapacity(Meter.toResponses(r.meters().values(), req.returnConsumedCapacity()));
            TransactWriteItemsResponse out = response.build();
            if (token != null) {
                ctx.tokens().complete(token, req, out);
            }
            done = true;
            return out;
        } finally {
            ctx.locks().unlockAll(ids, owner);
            if (token != null && !done) {
                ctx.tokens().abandon(token);
            }
        }
    }

    /** An update's path inside an index key attribute, checked (like DynamoDB Local) once its condition holds. */
    private static @Nullable String indexKeyPathProblem(Action a, TableDef table) {
        if (a.update() == null) {
            return null;
        }
        try {
            a.update().checkIndexKeyPaths(table.indexKeyAttributeNames());
            return null;
        } catch (DynamoDbException e) {
            return e.awsErrorDetails().errorMessage();
        }
    }

    private static List<CancellationReason> validationAt(int index, int size, String message) {
        List<CancellationReason> reasons = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            reasons.add(
                    i == index
                            ? CancellationReason.builder()
                                    .code("ValidationError")
                                    .message(message)
                                    .build()
                            : CancellationReason.builder().code("None").build());
        }
        return reasons;
    }

    private static Action parse(TransactWriteItem item) {
        int present = (item.conditionCheck() != null ? 1 : 0)
                + (item.put() != null ? 1 : 0)
                + (item.update() != null ? 1 : 0)
                + (item.delete() != null ? 1 : 0);
        if (present != 1) {
            throw Errors.validation("TransactItems can only contain one of Check, Put, Update or Delete");
        }
        if (item.conditionCheck() != null) {
            var c = item.conditionCheck();
            ExpressionContext ectx = new ExpressionContext(
                    Requests.orNull(c.expressionAttributeNames()), Requests.values(c.expressionAttributeValues()));
            Condition condition = Expressions.condition("ConditionExpression", c.conditionExpression(), ectx);
            ectx.checkAllUsed();
            return new Action(
                    Kind.CHECK,
                    Requests.tableName(c.tableName()),
                    null,
                    GetItem.normalizeKey(Requests.orNull(c.key())),
                    condition,
                    null,
                    c.returnValuesOnConditionCheckFailure() == ReturnValuesOnConditionCheckFailure.ALL_OLD);
        }
        if (item.put() != null) {
            var p = item.put();
            ExpressionContext ectx = new ExpressionContext(
                    Requests.orNull(p.expressionAttributeNames()), Requests.values(p.expressionAttributeValues()));
            Condition condition = p.conditionExpression() == null
                    ? null
                    : Expressions.condition("ConditionExpression", p.conditionExpression(), ectx);
            ectx.checkAllUsed();
            Map<String, AttributeValue> newItem = ItemValidator.validateItem(Requests.orNull(p.item()));
            ItemSize.checkPut(newItem);
            return new Action(
                    Kind.PUT,
                    Requests.tableName(p.tableName()),
                    newItem,
                    null,
                    condition,
                    null,
                    p.returnValuesOnConditionCheckFailure() == ReturnValuesOnConditionCheckFailure.ALL_OLD);
        }
        if (item.delete() != null) {
            var d = item.delete();
            ExpressionContext ectx = new ExpressionContext(
                    Requests.orNull(d.expressionAttributeNames()), Requests.values(d.expressionAttributeValues()));
            Condition condition = d.conditionExpression() == null
                    ? null
                    : Expressions.condition("ConditionExpression", d.conditionExpression(), ectx);
            ectx.checkAllUsed();
            return new Action(
                    Kind.DELETE,
                    Requests.tableName(d.tableName()),
                    null,
                    GetItem.normalizeKey(Requests.orNull(d.key())),
                    condition,
                    null,
                    d.returnValuesOnConditionCheckFailure() == ReturnValuesOnConditionCheckFailure.ALL_OLD);
        }
        var u = item.update();
        ExpressionContext ectx = new ExpressionContext(
                Requests.orNull(u.expressionAttributeNames()), Requests.values(u.expressionAttributeValues()));
        Update update = Expressions.update(u.updateExpression(), ectx);
        Condition condition = u.conditionExpression() == null
                ? null
                : Expressions.condition("ConditionExpression", u.conditionExpression(), ectx);
        ectx.checkAllUsed();
        return new Action(
                Kind.UPDATE,
                Requests.tableName(u.tableName()),
                null,
                GetItem.normalizeKey(Requests.orNull(u.key())),
                condition,
                update,
                u.returnValuesOnConditionCheckFailure() == ReturnValuesOnConditionCheckFailure.ALL_OLD);
    }

    /** Looks up every table and storage key; key problems cancel the transaction with ValidationError. */
    private static List<Target> resolve(OpContext ctx, List<Action> actions) {
        return ctx.storage().read(tx -> {
            List<Target> targets = new ArrayList<>(actions.size());
            Set<ByteBuffer> seen = new HashSet<>();
            for (int i = 0; i < actions.size(); i++) {
                Action a = actions.get(i);
                TableDef table = ctx.catalog().require(tx, a.table());
                Map<String, AttributeValue> key;
                try {
                    if (a.kind() == Kind.PUT) {
                        KeyLayout.checkItemKeys(table, a.item());
                        key = KeyLayout.keyOf(table, a.item());
                    } else {
                        key = KeyLayout.checkKey(table, a.key());
                        if (a.update() != null) {
                            a.update().checkKeyAttributes(table.keyAttributeNames());
                        }
                    }
                } catch (DynamoDbException e) {
                    throw Errors.transactionCanceled(
                            validationAt(i, actions.size(), e.awsErrorDetails().errorMessage()));
                }
                byte[] storageKey = KeyLayout.itemKey(table, key);
                if (!seen.add(ItemLocks.id(table.tableId(), storageKey))) {
                    throw Errors.validation("Transaction request cannot include multiple operations on one item");
                }
                targets.add(new Target(table, key, storageKey));
            }
            return targets;
        });
    }
}
