package dev.keysmith.engine.expr;

import dev.keysmith.engine.error.Errors;
import dev.keysmith.engine.expr.SortKeyCondition.SortOp;
import dev.keysmith.engine.expr.ast.Comparator;
import dev.keysmith.engine.expr.ast.DocPath;
import dev.keysmith.engine.expr.ast.Operand;
import dev.keysmith.engine.expr.ast.Predicate;
import dev.keysmith.engine.value.AttributeValues;
import dev.keysmith.engine.value.ItemValidator;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeAction;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.AttributeValueUpdate;
import software.amazon.awssdk.services.dynamodb.model.ComparisonOperator;
import software.amazon.awssdk.services.dynamodb.model.ConditionalOperator;
import software.amazon.awssdk.services.dynamodb.model.ExpectedAttributeValue;

/**
 * The legacy parameters SDKs still send (Expected, QueryFilter/ScanFilter, KeyConditions, AttributeUpdates,
 * AttributesToGet), validated with DynamoDB's messages and converted to the same AST as expressions (developer guide,
 * "Legacy conditional parameters").
 */
public final class Legacy {
    private static final String INVALID = "One or more parameter values were invalid: ";
    /**
     * The value types each operator takes. EQ and NE are "supported for all data types, including lists and maps"
     * (API reference, Condition), so they have no entry.
     */
    private static final Map<ComparisonOperator, Set<String>> OPERAND_TYPES = Map.ofEntries(
            Map.entry(ComparisonOperator.LE, Set.of("S", "N", "B")),
            Map.entry(ComparisonOperator.LT, Set.of("S", "N", "B")),
            Map.entry(ComparisonOperator.GE, Set.of("S", "N", "B")),
            Map.entry(ComparisonOperator.GT, Set.of("S", "N", "B")),
            Map.entry(ComparisonOperator.CONTAINS, Set.of("S", "N", "B")),
            Map.entry(ComparisonOperator.NOT_CONTAINS, Set.of("S", "N", "B")),
            Map.entry(ComparisonOperator.BEGINS_WITH, Set.of("S", "B")),
            Map.entry(ComparisonOperator.IN, Set.of("S", "N", "B")),
            Map.entry(ComparisonOperator.BETWEEN, Set.of("S", "N", "B")));

    private static final String OPERATOR_ENUM =
            "[IN, NULL, BETWEEN, LT, NOT_CONTAINS, EQ, GT, NOT_NULL, NE, LE, BEGINS_WITH, GE, CONTAINS]";
    private static final Set<ComparisonOperator> INDEXABLE = Set.of(
            ComparisonOperator.EQ,
            ComparisonOperator.LE,
            ComparisonOperator.LT,
            ComparisonOperator.GE,
            ComparisonOperator.GT,
            ComparisonOperator.BEGINS_WITH,
            ComparisonOperator.BETWEEN);

    private Legacy() {}

    /** Expected (PutItem, UpdateItem, DeleteItem). */
    public static Condition expected(
            @Nullable Map<String, ExpectedAttributeValue> expected, @Nullable ConditionalOperator op) {
        var predicates = new ArrayList<Predicate>();
        if (expected != null) {
            expected.forEach((name, condition) -> predicates.add(expectedPredicate(name, condition)));
        }
        return new CompiledCondition(combine(predicates, op));
    }

    private static Predicate expectedPredicate(String name, ExpectedAttributeValue condition) {
        boolean hasList = condition.hasAttributeValueList();
        AttributeValue value = condition.value();
        if (value != null) {
            ItemValidator.validateValue(value);
        }
        checkValues(condition.attributeValueList());
        if (hasList && value != null) {
            throw Errors.validation(
                    INVALID + "Value and AttributeValueList cannot be used together for Attribute: " + name);
        }
        if (condition.comparisonOperatorAsString() != null) {
            if (condition.exists() != null) {
                throw Errors.validation(
                        INVALID + "Exists and ComparisonOperator cannot be used together for Attribute: " + name);
            }
            ComparisonOperator op = knownOperator(
                    condition.comparisonOperator(),
                    condition.comparisonOperatorAsString(),
                    "expected." + name + ".member.comparisonOperator");
            if (op != ComparisonOperator.NULL && op != ComparisonOperator.NOT_NULL && !hasList && value == null) {
                throw Errors.validation(INVALID + "Value or AttributeValueList must be used with ComparisonOperator: "
                        + condition.comparisonOperatorAsString() + " for Attribute: " + name);
            }
            List<AttributeValue> values =
                    hasList ? condition.attributeValueList() : value == null ? List.of() : List.of(value);
            checkArguments(condition.comparisonOperatorAsString(), op, values);
            return comparison(name, op, values);
        }
        if (hasList) {
            throw Errors.validation(
                    INVALID + "AttributeValueList can only be used with a ComparisonOperator for Attribute: " + name);
        }
        Boolean exists = condition.exists();
        boolean mustExist = exists == null || exists;
        if (mustExist && value == null) {
            throw Errors.validation(
                    INVALID + "Value must be provided when Exists is " + exists + " for Attribute: " + name);
        }
        if (!mustExist && value != null) {
            throw Errors.validation(INVALID + "Value cannot be used when Exists is false for Attribute: " + name);
        }
        return value == null
                ? new Predicate.NotExists(DocPath.of(name))
                : new Predicate.Compare(Comparator.EQ, attr(name), new Operand.Literal(value));
    }

    /** QueryFilter or ScanFilter ({@code paramName} names the parameter in framework messages). */
    public static Condition filter(
            String paramName,
            @Nullable Map<String, software.amazon.awssdk.services.dynamodb.model.Condition> filter,
            @Nullable ConditionalOperator op) {
        var predicates = new ArrayList<Predicate>();
        if (filter != null) {
            filter.forEach((name, condition) -> predicates.add(
                    comparison(name, checkedOperator(paramName, name, condition), condition.attributeValueList())));
        }
        return new CompiledCondition(combine(predicates, op));
    }

    /** KeyConditions (Query). */
    public static KeyCondition keyConditions(
            Map<String, software.amazon.awssdk.services.dynamodb.model.Condition> conditions,
            String hashKeyName,
            @Nullable String rangeKeyName) {
        var leaves = new LinkedHashMap<String, KeyConditions.Leaf>();
        conditions.forEach((name, condition) -> {
            ComparisonOperator op = checkedOperator("KeyConditions", name, condition);
            leaves.put(name, new KeyConditions.Leaf(sortOp(op), condition.attributeValueList()));
        });
        if (conditions.isEmpty() || conditions.size() > 2) {
            throw Errors.validation("Conditions can be of length 1 or 2 only");
        }
        return KeyConditions.build(leaves, hashKeyName, rangeKeyName);
    }

    private static SortOp sortOp(ComparisonOperator op) {
        if (!INDEXABLE.contains(op)) {
            throw Errors.validation("Attempted conditional constraint is not an indexable operation");
        }
        return SortOp.valueOf(op.name());
    }

    private static ComparisonOperator checkedOperator(
            String paramName, String name, software.amazon.awssdk.services.dynamodb.model.Condition condition) {
        String raw = condition.comparisonOperatorAsString();
        String where = Character.toLowerCase(paramName.charAt(0)) + paramName.substring(1) + "." + name
                + ".member.comparisonOperator";
        if (raw == null) {
            throw Errors.validation("1 validation error detected: Value null at '" + where
                    + "' failed to satisfy constraint: Member must not be null");
        }
        ComparisonOperator op = knownOperator(condition.comparisonOperator(), raw, where);
        checkValues(condition.attributeValueList());
        checkArguments(raw, op, condition.attributeValueList());
        return op;
    }

    private static ComparisonOperator knownOperator(ComparisonOperator op, String raw, String where) {
        if (op == ComparisonOperator.UNKNOWN_TO_SDK_VERSION) {
            throw enumError(raw, where, OPERATOR_ENUM);
        }
        return op;
    }

    /** The framework-level message for a value outside an enum (dynamodb.md 7.3, "Bad enum"). */
    private static RuntimeException enumError(String raw, String where, String values) {
        return Errors.validation("1 validation error detected: Value '" + raw + "' at '" + where
                + "' failed to satisfy constraint: Member must satisfy enum value set: " + values);
    }

    /**
     * Each value of an AttributeValueList is checked like an attribute value of an item (empty sets, numbers,
     * duplicates, nesting) before the operator's own rules, as DynamoDB checks ExpressionAttributeValues.
     */
    private static void checkValues(List<AttributeValue> values) {
        values.forEach(ItemValidator::validateValue);
    }

    /** Argument count, the operator's allowed types, one type for all arguments, BETWEEN bounds in order. */
    private static void checkArguments(String raw, ComparisonOperator op, List<AttributeValue> values) {
        int n = values.size();
        boolean countOk = switch (op) {
            case NULL, NOT_NULL -> n == 0;
            case IN -> n > 0;
            case BETWEEN -> n == 2;
            default -> n == 1;
        };
        if (!countOk) {
            throw Errors.validation(INVALID + "Invalid number of argument(s) for the " + raw + " ComparisonOperator");
        }
        if (n == 0) {
            return;
        }
        Set<String> allowed = OPERAND_TYPES.get(op);
        for (AttributeValue v : values) {
            String type = AttributeValues.typeName(v);
            if (allowed != null && !allowed.contains(type)) {
                throw Errors.validation(
                        INVALID + "ComparisonOperator " + raw + " is not valid for " + type + " AttributeValue type");
            }
        }
        String type = AttributeValues.typeName(values.getFirst());
        for (AttributeValue v : values) {
            if (!AttributeValues.typeName(v).equals(type)) {
                throw Errors.validation(INVALID + "AttributeValues inside AttributeValueList must be of same type");
            }
        }
        if (op == ComparisonOperator.BETWEEN) {
            Integer order = AttributeValues.compare(values.get(0), values.get(1));
            if (order != null && order > 0) {
                throw Errors.validation(
                        "The BETWEEN condition was provided a range where the lower bound is greater than the upper"
                                + " bound");
            }
        }
    }

    private static Predicate comparison(String name, ComparisonOperator op, List<AttributeValue> values) {
        Operand attr = attr(name);
        DocPath path = DocPath.of(name);
        return switch (op) {
            case EQ -> new Predicate.Compare(Comparator.EQ, attr, literal(values, 0));
            case NE -> new Predicate.Compare(Comparator.NE, attr, literal(values, 0));
            case LE -> new Predicate.Compare(Comparator.LE, attr, literal(values, 0));
            case LT -> new Predicate.Compare(Comparator.LT, attr, literal(values, 0));
            case GE -> new Predicate.Compare(Comparator.GE, attr, literal(values, 0));
            case GT -> new Predicate.Compare(Comparator.GT, attr, literal(values, 0));
            case NOT_NULL -> new Predicate.Exists(path);
            case NULL -> new Predicate.NotExists(path);
            case CONTAINS -> new Predicate.Contains(attr, literal(values, 0));
            // NOT_CONTAINS is false for a missing attribute, unlike NE (scylladb test_expected.py, against DynamoDB)
            case NOT_CONTAINS ->
                new Predicate.And(
                        new Predicate.Exists(path),
                        new Predicate.Not(new Predicate.Contains(attr, literal(values, 0))));
            case BEGINS_WITH -> new Predicate.BeginsWith(attr, literal(values, 0));
            case IN ->
                new Predicate.In(
                        attr, values.stream().<Operand>map(Operand.Literal::new).toList());
            case BETWEEN -> new Predicate.Between(attr, literal(values, 0), literal(values, 1));
            case UNKNOWN_TO_SDK_VERSION -> throw new IllegalStateException("operator validated before conversion");
        };
    }

    private static Operand attr(String name) {
        return new Operand.Attr(DocPath.of(name));
    }

    private static Operand literal(List<AttributeValue> values, int i) {
        return new Operand.Literal(values.get(i));
    }

    private static Predicate combine(List<Predicate> predicates, @Nullable ConditionalOperator op) {
        if (predicates.isEmpty()) {
            return new Predicate.True();
        }
        boolean or = op == ConditionalOperator.OR;
        Predicate result = predicates.getFirst();
        for (int i = 1; i < predicates.size(); i++) {
            result = or ? new Predicate.Or(result, predicates.get(i)) : new Predicate.And(result, predicates.get(i));
        }
        return result;
    }

    /** AttributeUpdates (UpdateItem). */
    public static Update attributeUpdates(Map<String, AttributeValueUpdate> updates) {
        updates.forEach(Legacy::checkAttributeUpdate);
        return new LegacyUpdate(updates);
    }

    private static void checkAttributeUpdate(String name, AttributeValueUpdate update) {
        if (update.action() == AttributeAction.UNKNOWN_TO_SDK_VERSION) {
            throw enumError(
                    update.actionAsString(), "attributeUpdates." + name + ".member.action", "[ADD, PUT, DELETE]");
        }
        AttributeValue value = update.value();
        String action = update.actionAsString() == null ? "PUT" : update.actionAsString();
        if (value == null && !action.equals("DELETE")) {
            throw Errors.validation(INVALID + "Only DELETE action is allowed when no attribute value is specified");
        }
        if (value == null) {
            return;
        }
        String type = AttributeValues.typeName(value);
        if (action.equals("DELETE") && !Set.of("SS", "NS", "BS").contains(type)) {
            throw Errors.validation(INVALID + "DELETE action with value is not supported for the type " + type);
        }
        if (action.equals("ADD") && !Set.of("L", "SS", "NS", "BS", "N").contains(type)) {
            throw Errors.validation(INVALID + "ADD action is not supported for the type " + type);
        }
    }

    /** AttributesToGet (GetItem, BatchGetItem, Query, Scan): top-level names, taken literally. */
    public static Projection attributesToGet(List<String> names) {
        var seen = new HashSet<String>();
        var paths = new ArrayList<DocPath>();
        for (String name : names) {
            if (!seen.add(name)) {
                throw Errors.validation(INVALID + "Duplicate value in attribute name: " + name);
            }
            paths.add(DocPath.of(name));
        }
        return new CompiledProjection(paths);
    }

    /**
     * Throws "Can not use both expression and non-expression parameters in the same request: Non-expression
     * parameters: {Expected} Expression parameters: {ConditionExpression}" when both kinds are present (pass the
     * names of the present parameters, in DynamoDB's order).
     */
    public static void checkNotMixed(List<String> nonExpressionParams, List<String> expressionParams) {
        if (!nonExpressionParams.isEmpty() && !expressionParams.isEmpty()) {
            throw Errors.validation("Can not use both expression and non-expression parameters in the same request: "
                    + "Non-expression parameters: {" + String.join(", ", nonExpressionParams) + "} "
                    + "Expression parameters: {" + String.join(", ", expressionParams) + "}");
        }
    }
}
