package dev.keysmith.engine.expr.resolve;

import dev.keysmith.engine.expr.parse.ExpressionError;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The semantic errors found in one expression, first of each kind. DynamoDB reports one of them by a fixed priority
 * that differs per expression kind, so the analyzers collect them all and report at the end.
 */
public final class Problems {
    /** The kinds of semantic error. */
    public enum Kind {
        OPERATOR_COUNT,
        PARENTHESES,
        UNKNOWN_FUNCTION,
        MISUSED_FUNCTION,
        RESERVED,
        SECTION,
        UNDEFINED_NAME,
        UNDEFINED_VALUE,
        NESTING,
        PATH,
        OPERAND_COUNT,
        DISTINCT,
        OPERAND_TYPE,
        FUNCTION
    }

    /** Condition, filter and key-condition priority (dynalite's order, itself taken from DynamoDB's replies). */
    public static final List<Kind> CONDITION_ORDER = List.of(
            Kind.OPERATOR_COUNT,
            Kind.PARENTHESES,
            Kind.UNKNOWN_FUNCTION,
            Kind.MISUSED_FUNCTION,
            Kind.RESERVED,
            Kind.UNDEFINED_NAME,
            Kind.UNDEFINED_VALUE,
            Kind.NESTING,
            Kind.OPERAND_COUNT,
            Kind.DISTINCT,
            Kind.FUNCTION);

    public static final List<Kind> UPDATE_ORDER = List.of(
            Kind.OPERATOR_COUNT,
            Kind.RESERVED,
            Kind.UNKNOWN_FUNCTION,
            Kind.MISUSED_FUNCTION,
            Kind.SECTION,
            Kind.UNDEFINED_NAME,
            Kind.UNDEFINED_VALUE,
            Kind.NESTING,
            Kind.PATH,
            Kind.OPERAND_TYPE,
            Kind.FUNCTION);

    public static final List<Kind> PROJECTION_ORDER =
            List.of(Kind.RESERVED, Kind.UNDEFINED_NAME, Kind.NESTING, Kind.PATH);

    /** "The maximum number of operators or functions allowed in an expression is 300" (developer guide, limits). */
    public static final int MAX_OPERATORS = 300;

    private final Map<Kind, String> first = new EnumMap<>(Kind.class);
    private int operators;

    /** Counts one operator or function; past {@link #MAX_OPERATORS} this is an error. */
    public void countOperator() {
        operators++;
        if (operators > MAX_OPERATORS) {
            first.put(Kind.OPERATOR_COUNT, "The expression contains too many operators; operator count: " + operators);
        }
    }

    public void add(Kind kind, String message) {
        first.putIfAbsent(kind, message);
    }

    /** Throws the highest-priority problem in {@code order}, if any. */
    public void throwFirst(List<Kind> order) {
        for (Kind kind : order) {
            String message = first.get(kind);
            if (message != null) {
                throw new ExpressionError(message);
            }
        }
    }
}
