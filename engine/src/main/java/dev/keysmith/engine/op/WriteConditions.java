package dev.keysmith.engine.op;

import dev.keysmith.engine.error.Errors;
import dev.keysmith.engine.expr.Condition;
import dev.keysmith.engine.expr.ExpressionContext;
import dev.keysmith.engine.expr.Expressions;
import dev.keysmith.engine.expr.Legacy;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalOperator;
import software.amazon.awssdk.services.dynamodb.model.ExpectedAttributeValue;

/** The optional condition of a write: ConditionExpression or the legacy Expected map. */
final class WriteConditions {
    private WriteConditions() {}

    /** Parses the write's condition and checks the placeholders are all used; null if there is none. */
    static @Nullable Condition parse(
            @Nullable String conditionExpression,
            @Nullable Map<String, ExpectedAttributeValue> expected,
            @Nullable ConditionalOperator conditionalOperator,
            @Nullable Map<String, String> names,
            @Nullable Map<String, AttributeValue> values) {
        ExpressionContext ectx = new ExpressionContext(names, values);
        Condition condition = parse(conditionExpression, expected, conditionalOperator, ectx);
        ectx.checkAllUsed();
        return condition;
    }

    static @Nullable Condition parse(
            @Nullable String conditionExpression,
            @Nullable Map<String, ExpectedAttributeValue> expected,
            @Nullable ConditionalOperator conditionalOperator,
            ExpressionContext ectx) {
        if (conditionExpression != null) {
            return Expressions.condition("ConditionExpression", conditionExpression, ectx);
        }
        if (expected != null) {
            return Legacy.expected(expected, conditionalOperator);
        }
        return null;
    }

    /** Throws ConditionalCheckFailedException if the condition does not hold on the current item. */
    static void check(
            @Nullable Condition condition, @Nullable Map<String, AttributeValue> current, boolean returnOldOnFailure) {
        if (condition != null && !condition.test(current == null ? Map.of() : current)) {
            throw Errors.conditionalCheckFailed(returnOldOnFailure ? current : null);
        }
    }
}
