package dev.keysmith.engine.partiql;

import dev.keysmith.engine.value.AttributeValues;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionCheck;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * Translates INSERT, UPDATE, DELETE and EXISTS into PutItem, UpdateItem, DeleteItem and ConditionCheck requests.
 * INSERT puts only if the key is new; UPDATE only changes an existing item; both conditions are on the partition key.
 */
final class Writes {
    private Writes() {}

    static PutItemRequest insert(
            Statement.Insert s,
            KeySchema schema,
            List<AttributeValue> params,
            @Nullable ReturnValuesOnConditionCheckFailure onFailure) {
        if (!(s.item() instanceof Expr.MapOf)) {
            throw Problems.invalid(Problems.INSERT_NOT_STRUCT);
        }
        Map<String, AttributeValue> item = Values.of(s.item(), params, "root").m();
        for (String key : schema.names()) {
            AttributeValue v = item.get(key);
            if (v == null) {
                throw Problems.invalid(Problems.keyAbsent(key));
            }
            if (!AttributeValues.typeName(v).equals(schema.types().get(key))) {
                throw Problems.invalid(Problems.keyTypeMismatch(key));
            }
        }
        ExpressionWriter w = new ExpressionWriter(params);
        return PutItemRequest.builder()
                .tableName(s.table())
                .item(item)
                .conditionExpression("attribute_not_exists(" + w.name(schema.hash()) + ")")
                .expressionAttributeNames(w.names())
                .returnValuesOnConditionCheckFailure(onFailure)
                .build();
    }

    static UpdateItemRequest update(
            Statement.Update s,
            KeySchema schema,
            List<AttributeValue> params,
            @Nullable ReturnValuesOnConditionCheckFailure onFailure) {
        Where.SingleItem target = Where.singleItem(s.where(), schema, params);
        ExpressionWriter w = new ExpressionWriter(params);
        List<String> set = new ArrayList<>();
        List<String> remove = new ArrayList<>();
        List<String> add = new ArrayList<>();
        List<String> delete = new ArrayList<>();
        for (Statement.Action a : s.actions()) {
            switch (a) {
                case Statement.Remove r -> remove.add(w.path(r.path()));
                case Statement.Set st -> {
                    if (st.value() instanceof Expr.Call c
                            && (c.name().equals("set_add") || c.name().equals("set_delete"))) {
                        String operand = setOperand(st.path(), c, w);
                        (c.name().equals("set_add") ? add : delete).add(w.path(st.path()) + " " + operand);
                    } else {
                        set.add(w.path(st.path()) + " = " + w.updateValue(st.value()));
                    }
                }
            }
        }
        StringBuilder expression = new StringBuilder();
        clause(expression, "SET", set);
        clause(expression, "REMOVE", remove);
        clause(expression, "ADD", add);
        clause(expression, "DELETE", delete);
        String condition = "attribute_exists(" + w.name(schema.hash()) + ")";
        if (target.condition() != null) {
            condition += " AND (" + w.condition(target.condition()) + ")";
        }
        return UpdateItemRequest.builder()
                .tableName(s.table())
                .key(target.key())
                .updateExpression(expression.toString())
                .conditionExpression(condition)
                .expressionAttributeNames(w.names())
                .expressionAttributeValues(w.values())
                .returnValues(returnValue(s.returning()))
                .returnValuesOnConditionCheckFailure(onFailure)
                .build();
    }

    static DeleteItemRequest delete(
            Statement.Delete s,
            KeySchema schema,
            List<AttributeValue> params,
            @Nullable ReturnValuesOnConditionCheckFailure onFailure) {
        if (s.returning() != null && s.returning() != Statement.Returning.ALL_OLD) {
            throw Problems.invalid(Problems.deleteReturning(s.returning().text));
        }
        Where.SingleItem target = Where.singleItem(s.where(), schema, params);
        ExpressionWriter w = new ExpressionWriter(params);
        String condition = target.condition() == null ? null : w.condition(target.condition());
        return DeleteItemRequest.builder()
                .tableName(s.table())
                .key(target.key())
                .conditionExpression(condition)
                .expressionAttributeNames(w.names())
                .expressionAttributeValues(w.values())
                .returnValues(s.returning() == null ? null : ReturnValue.ALL_OLD)
                .returnValuesOnConditionCheckFailure(onFailure)
                .build();
    }

    /** {@code EXISTS(SELECT ...)}: the item exists and meets the other WHERE terms. */
    static ConditionCheck exists(
            Statement.Exists e,
            KeySchema schema,
            List<AttributeValue> params,
            @Nullable ReturnValuesOnConditionCheckFailure onFailure) {
        Where.SingleItem target = Where.singleItem(e.select().where(), schema, params);
        ExpressionWriter w = new ExpressionWriter(params);
        String condition = "attribute_exists(" + w.name(schema.hash()) + ")";
        if (target.condition() != null) {
            condition += " AND (" + w.condition(target.condition()) + ")";
        }
        return ConditionCheck.builder()
                .tableName(e.table())
                .key(target.key())
                .conditionExpression(condition)
                .expressionAttributeNames(w.names())
                .expressionAttributeValues(w.values())
                .returnValuesOnConditionCheckFailure(onFailure)
                .build();
    }

    /** {@code set_add(path, <<...>>)} and {@code set_delete}: the first argument must be the assigned path. */
    private static String setOperand(Path target, Expr.Call c, ExpressionWriter w) {
        String op = c.name().substring("set_".length()).toUpperCase(java.util.Locale.ROOT);
        if (c.args().size() != 2) {
            throw Problems.invalid("SET_" + op + " must have exactly two arguments");
        }
        if (!(c.args().get(0) instanceof Expr.Ref r) || !r.path().equals(target)) {
            throw Problems.invalid("The first argument to SET_" + op + " must equal the assignment value");
        }
        Expr set = c.args().get(1);
        if (!(set instanceof Expr.SetOf) && !(set instanceof Expr.Param)) {
            throw Problems.invalid("The second argument to SET_" + op + " must be a value with type SET");
        }
        return w.updateValue(set);
    }

    private static void clause(StringBuilder expression, String keyword, List<String> parts) {
        if (!parts.isEmpty()) {
            if (!expression.isEmpty()) {
                expression.append(' ');
            }
            expression.append(keyword).append(' ').append(String.join(", ", parts));
        }
    }

    private static @Nullable ReturnValue returnValue(Statement.@Nullable Returning returning) {
        if (returning == null) {
            return null;
        }
        return switch (returning) {
            case ALL_OLD -> ReturnValue.ALL_OLD;
            case MODIFIED_OLD -> ReturnValue.UPDATED_OLD;
            case ALL_NEW -> ReturnValue.ALL_NEW;
            case MODIFIED_NEW -> ReturnValue.UPDATED_NEW;
        };
    }
}
