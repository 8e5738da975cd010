package dev.keysmith.engine.expr;

import dev.keysmith.engine.expr.eval.Evaluator;
import dev.keysmith.engine.value.AttributeValues;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The sort-key part of a key condition; {@code upper} is set only for BETWEEN. */
public record SortKeyCondition(
        String name,
        SortOp op,
        AttributeValue value,
        @Nullable AttributeValue upper) {
    public enum SortOp {
        EQ,
        LT,
        LE,
        GT,
        GE,
        BETWEEN,
        BEGINS_WITH
    }

    public boolean matches(AttributeValue sortValue) {
        Integer order = AttributeValues.compare(sortValue, value);
        return switch (op) {
            case EQ -> AttributeValues.equal(sortValue, value);
            case LT -> order != null && order < 0;
            case LE -> order != null && order <= 0;
            case GT -> order != null && order > 0;
            case GE -> order != null && order >= 0;
            case BETWEEN -> {
                Integer toUpper = AttributeValues.compare(sortValue, upper);
                yield order != null && toUpper != null && order >= 0 && toUpper <= 0;
            }
            case BEGINS_WITH -> Evaluator.beginsWith(sortValue, value);
        };
    }
}
