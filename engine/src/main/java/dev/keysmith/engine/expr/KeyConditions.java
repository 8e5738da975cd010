package dev.keysmith.engine.expr;

import dev.keysmith.engine.error.Errors;
import dev.keysmith.engine.expr.SortKeyCondition.SortOp;
import dev.keysmith.engine.expr.ast.Comparator;
import dev.keysmith.engine.expr.ast.DocPath;
import dev.keysmith.engine.expr.ast.Operand;
import dev.keysmith.engine.expr.ast.Predicate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Turns a key condition into a {@link KeyCondition}, with DynamoDB's structural errors (developer guide, "Key
 * condition expressions for Query": equality on the partition key, at most one of = < <= > >= BETWEEN begins_with
 * on the sort key, joined by AND).
 */
final class KeyConditions {
    /** One condition on one key attribute. */
    record Leaf(SortOp op, List<AttributeValue> values) {}

    private KeyConditions() {}

    static KeyCondition fromPredicate(Predicate p, String hashKeyName, @Nullable String rangeKeyName) {
        var leaves = new LinkedHashMap<String, Leaf>();
        collect(p, leaves);
        return build(leaves, hashKeyName, rangeKeyName);
    }

    static KeyCondition build(Map<String, Leaf> leaves, String hashKeyName, @Nullable String rangeKeyName) {
        Leaf hash = leaves.get(hashKeyName);
        if (hash == null) {
            throw Errors.validation("Query condition missed key schema element: " + hashKeyName);
        }
        for (String name : leaves.keySet()) {
            if (!name.equals(hashKeyName) && !name.equals(rangeKeyName)) {
                if (rangeKeyName == null) {
                    throw Errors.validation("Query key condition not supported");
                }
                throw Errors.validation("Query condition missed key schema element: " + rangeKeyName);
            }
        }
        if (hash.op() != SortOp.EQ) {
            throw Errors.validation("Query key condition not supported");
        }
        Leaf range = rangeKeyName == null ? null : leaves.get(rangeKeyName);
        SortKeyCondition sort = range == null
                ? null
                : new SortKeyCondition(
                        rangeKeyName,
                        range.op(),
                        range.values().get(0),
                        range.values().size() > 1 ? range.values().get(1) : null);
        return new KeyCondition(hashKeyName, hash.values().get(0), sort);
    }

    private static void collect(Predicate p, Map<String, Leaf> leaves) {
        switch (p) {
            case Predicate.And a -> {
                collect(a.left(), leaves);
                collect(a.right(), leaves);
            }
            case Predicate.Or o -> throw invalidOperator("OR");
            case Predicate.Not n -> throw invalidOperator("NOT");
            case Predicate.In in -> throw invalidOperator("IN");
            case Predicate.Exists e -> throw invalidOperator("attribute_exists");
            case Predicate.NotExists e -> throw invalidOperator("attribute_not_exists");
            case Predicate.AttrType t -> throw invalidOperator("attribute_type");
            case Predicate.Contains c -> throw invalidOperator("contains");
            case Predicate.True t -> {
                // nothing to collect
            }
            case Predicate.Compare c -> {
                if (c.op() == Comparator.NE) {
                    throw invalidOperator("<>");
                }
                boolean keyOnRight = !(c.left() instanceof Operand.Attr) && c.right() instanceof Operand.Attr;
                Comparator op = keyOnRight ? c.op().flipped() : c.op();
                leaf(List.of(c.left(), c.right()), sortOp(op), leaves);
            }
            case Predicate.Between b -> {
                requireKeyFirst(b.operand(), "BETWEEN");
                leaf(List.of(b.operand(), b.lower(), b.upper()), SortOp.BETWEEN, leaves);
            }
            case Predicate.BeginsWith b -> {
                requireKeyFirst(b.operand(), "begins_with");
                leaf(List.of(b.operand(), b.prefix()), SortOp.BEGINS_WITH, leaves);
            }
        }
    }

    private static SortOp sortOp(Comparator op) {
        return switch (op) {
            case EQ -> SortOp.EQ;
            case LT -> SortOp.LT;
            case LE -> SortOp.LE;
            case GT -> SortOp.GT;
            case GE -> SortOp.GE;
            case NE -> throw invalidOperator("<>");
        };
    }

    private static void requireKeyFirst(Operand first, String operator) {
        if (!(first instanceof Operand.Attr)) {
            throw Errors.validation("Invalid condition in KeyConditionExpression: " + operator
                    + " operator must have the key attribute as its first operand");
        }
    }

    private static void leaf(List<Operand> args, SortOp op, Map<String, Leaf> leaves) {
        @Nullable DocPath key = null;
        var values = new ArrayList<AttributeValue>();
        for (Operand arg : args) {
            switch (arg) {
                case Operand.Attr a -> {
                    if (key != null) {
                        throw Errors.validation(
                                "Invalid condition in KeyConditionExpression: Multiple attribute names used in one"
                                        + " condition");
                    }
                    if (a.path().segments().size() > 1) {
                        throw Errors.validation("KeyConditionExpressions cannot have conditions on nested attributes");
                    }
                    key = a.path();
                }
                case Operand.Literal l -> values.add(l.value());
                case Operand.Size s -> throw nested();
                case Operand.IfNotExists i -> throw nested();
                case Operand.ListAppend l -> throw nested();
                case Operand.Arithmetic a -> throw nested();
            }
        }
        if (key == null) {
            throw Errors.validation("Invalid condition in KeyConditionExpression: No key attribute specified");
        }
        if (leaves.putIfAbsent(key.head(), new Leaf(op, values)) != null) {
            throw Errors.validation("KeyConditionExpressions must only contain one condition per key");
        }
    }

    private static RuntimeException nested() {
        return Errors.validation("KeyConditionExpressions cannot contain nested operations");
    }

    private static RuntimeException invalidOperator(String operator) {
        return Errors.validation("Invalid operator used in KeyConditionExpression: " + operator);
    }
}
