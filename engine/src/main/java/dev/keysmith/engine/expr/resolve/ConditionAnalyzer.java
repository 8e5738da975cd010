package dev.keysmith.engine.expr.resolve;

import dev.keysmith.engine.expr.ast.Comparator;
import dev.keysmith.engine.expr.ast.Operand;
import dev.keysmith.engine.expr.ast.Predicate;
import dev.keysmith.engine.expr.ast.Syntax;
import dev.keysmith.engine.expr.resolve.Problems.Kind;
import dev.keysmith.engine.value.AttributeValues;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Resolves and checks a parsed condition (ConditionExpression, FilterExpression, KeyConditionExpression): function
 * names (case-sensitive), arity, where functions may appear, operand types known before evaluation, BETWEEN bounds,
 * IN size, distinct operands. Produces the typed {@link Predicate}.
 */
public final class ConditionAnalyzer {
    /** "The maximum number of operands for the IN comparator is 100" (developer guide, expression limits). */
    public static final int MAX_IN_OPERANDS = 100;

    private static final Map<String, Integer> ARITY = Map.of(
            "attribute_exists", 1,
            "attribute_not_exists", 1,
            "attribute_type", 2,
            "begins_with", 2,
            "contains", 2,
            "size", 1);
    /** Update-expression functions: known to DynamoDB's condition parser, but misused there. */
    private static final Set<String> UPDATE_FUNCTIONS = Set.of("if_not_exists", "list_append");

    private static final Set<String> ORDERABLE = Set.of("S", "N", "B");
    private static final Set<String> TYPE_NAMES = Set.of("S", "SS", "N", "NS", "B", "BS", "BOOL", "NULL", "L", "M");
    private static final Operand PLACEHOLDER = new Operand.Literal(AttributeValue.fromNul(true));
    private static final Predicate NOTHING = new Predicate.True();

    private final Resolver resolver;
    private final Problems problems;

    private ConditionAnalyzer(Resolver resolver) {
        this.resolver = resolver;
        this.problems = resolver.problems();
    }

    public static Predicate analyze(Syntax.ConditionExpr expr, Resolver resolver) {
        var analyzer = new ConditionAnalyzer(resolver);
        if (expr.redundantParentheses()) {
            analyzer.problems.add(Kind.PARENTHESES, "The expression has redundant parentheses;");
        }
        Predicate result = analyzer.condition(expr.root());
        analyzer.problems.throwFirst(Problems.CONDITION_ORDER);
        return result;
    }

    private Predicate condition(Syntax.Cond c) {
        problems.countOperator();
        return switch (c) {
            case Syntax.Or o -> new Predicate.Or(condition(o.left()), condition(o.right()));
            case Syntax.And a -> new Predicate.And(condition(a.left()), condition(a.right()));
            case Syntax.Not n -> new Predicate.Not(condition(n.operand()));
            case Syntax.Compare cmp -> {
                Operand left = operand(cmp.left());
                Operand right = operand(cmp.right());
                if (cmp.op() != Comparator.EQ && cmp.op() != Comparator.NE) {
                    requireOrderable(cmp.op().symbol(), left, right);
                }
                checkDistinct(cmp.op().symbol(), left, right);
                yield new Predicate.Compare(cmp.op(), left, right);
            }
            case Syntax.Between b -> {
                Operand x = operand(b.operand());
                Operand lower = operand(b.lower());
                Operand upper = operand(b.upper());
                requireOrderable("BETWEEN", x, lower, upper);
                checkBounds(lower, upper);
                yield new Predicate.Between(x, lower, upper);
            }
            case Syntax.In in -> {
                if (in.candidates().size() > MAX_IN_OPERANDS) {
                    problems.add(
                            Kind.OPERAND_COUNT,
                            "The IN operator is provided with too many operands; number of operands: "
                                    + in.candidates().size());
                }
                Operand x = operand(in.operand());
                yield new Predicate.In(
                        x, in.candidates().stream().map(this::operand).toList());
            }
            case Syntax.FunctionCond f -> function(f.call());
        };
    }

    private Predicate function(Syntax.Call call) {
        String name = call.name();
        Integer arity = ARITY.get(name);
        List<Operand> args = operands(call.args());
        if (arity == null && !UPDATE_FUNCTIONS.contains(name)) {
            problems.add(Kind.UNKNOWN_FUNCTION, "Invalid function name; function: " + name);
            return NOTHING;
        }
        if (arity == null || name.equals("size")) {
            misused(name);
            return NOTHING;
        }
        if (args.size() != arity) {
            wrongArity(name, args.size());
            return NOTHING;
        }
        if (arity == 2) {
            checkDistinct(name, args.get(0), args.get(1));
        }
        Operand first = args.get(0);
        return switch (name) {
            case "attribute_exists" ->
                first instanceof Operand.Attr a ? new Predicate.Exists(a.path()) : needsPath(name);
            case "attribute_not_exists" ->
                first instanceof Operand.Attr a ? new Predicate.NotExists(a.path()) : needsPath(name);
            case "attribute_type" -> attributeType(first, args.get(1));
            case "begins_with" -> {
                for (Operand arg : args) {
                    String type = staticType(arg);
                    if (type != null && !type.equals("S") && !type.equals("B")) {
                        wrongType(name, type);
                    }
                }
                yield new Predicate.BeginsWith(first, args.get(1));
            }
            default -> new Predicate.Contains(first, args.get(1));
        };
    }

    /** The type must come from an expression attribute value; the first operand may be a path or a value. */
    private Predicate attributeType(Operand operand, Operand type) {
        String name = "attribute_type";
        if (!(type instanceof Operand.Literal literal) || literal.value().s() == null) {
            String t = staticType(type);
            wrongType(name, t == null ? "{NS,SS,L,BS,N,M,B,BOOL,NULL,S}" : t);
            return NOTHING;
        }
        String typeName = literal.value().s();
        if (!TYPE_NAMES.contains(typeName)) {
            problems.add(
                    Kind.FUNCTION,
                    "Invalid attribute type name found; type: " + typeName
                            + ", valid types: {B,NULL,SS,BOOL,L,BS,N,NS,S,M}");
            return NOTHING;
        }
        return new Predicate.AttrType(operand, typeName);
    }

    private List<Operand> operands(List<Syntax.Operand> args) {
        var result = new ArrayList<Operand>(args.size());
        for (Syntax.Operand arg : args) {
            result.add(operand(arg));
        }
        return result;
    }

    private Operand operand(Syntax.Operand o) {
        return switch (o) {
            case Syntax.PathOperand p -> new Operand.Attr(resolver.path(p.path()));
            case Syntax.ValueRef v -> new Operand.Literal(resolver.value(v));
            case Syntax.Call call -> {
                problems.countOperator();
                List<Operand> args = operands(call.args());
                if (!ARITY.containsKey(call.name()) && !UPDATE_FUNCTIONS.contains(call.name())) {
                    problems.add(Kind.UNKNOWN_FUNCTION, "Invalid function name; function: " + call.name());
                    yield PLACEHOLDER;
                }
                if (!call.name().equals("size")) {
                    misused(call.name());
                    yield PLACEHOLDER;
                }
                if (args.size() != 1) {
                    wrongArity("size", args.size());
                    yield PLACEHOLDER;
                }
                String type = staticType(args.getFirst());
                if (type != null && (type.equals("N") || type.equals("BOOL") || type.equals("NULL"))) {
                    wrongType("size", type);
                }
                yield new Operand.Size(args.getFirst());
            }
            case Syntax.Arith a -> throw new IllegalStateException("the parser reads + and - only in SET values: " + a);
        };
    }

    /** The type of an operand if it is known before evaluation: a literal's type, or N for size(). */
    private static @Nullable String staticType(Operand o) {
        return switch (o) {
            case Operand.Literal l -> AttributeValues.typeName(l.value());
            case Operand.Size s -> "N";
            case Operand.Attr a -> null;
            case Operand.IfNotExists i -> null;
            case Operand.ListAppend l -> null;
            case Operand.Arithmetic a -> null;
        };
    }

    /**
     * Ordering comparisons need S, N or B: a literal of another type is a validation error, whereas an attribute of
     * another type only makes the comparison false (scylladb test_update_condition_lt, checked against DynamoDB).
     */
    private void requireOrderable(String operator, Operand... operands) {
        for (Operand o : operands) {
            String type = staticType(o);
            if (type != null && !ORDERABLE.contains(type)) {
                wrongType(operator, type);
            }
        }
    }

    private void checkBounds(Operand lower, Operand upper) {
        if (lower instanceof Operand.Literal lo && upper instanceof Operand.Literal hi) {
            String loType = AttributeValues.typeName(lo.value());
            String hiType = AttributeValues.typeName(hi.value());
            String operands = "lower bound operand: AttributeValue: {" + loType + ":" + Literals.raw(lo.value())
                    + "}, upper bound operand: AttributeValue: {" + hiType + ":" + Literals.raw(hi.value()) + "}";
            if (!loType.equals(hiType)) {
                problems.add(
                        Kind.FUNCTION,
                        "The BETWEEN operator requires same data type for lower and upper bounds; " + operands);
                return;
            }
            Integer order = AttributeValues.compare(lo.value(), hi.value());
            if (order != null && order > 0) {
                problems.add(
                        Kind.FUNCTION,
                        "The BETWEEN operator requires upper bound to be greater than or equal to lower bound; "
                                + operands);
            }
        }
    }

    private void checkDistinct(String operator, Operand a, Operand b) {
        if (a instanceof Operand.Attr x
                && b instanceof Operand.Attr y
                && x.path().equals(y.path())) {
            problems.add(
                    Kind.DISTINCT,
                    "The first operand must be distinct from the remaining operands for this operator or function;"
                            + " operator: " + operator + ", first operand: " + x.path());
        }
    }

    private void misused(String function) {
        problems.add(
                Kind.MISUSED_FUNCTION,
                "The function is not allowed to be used this way in an expression; function: " + function);
    }

    private void wrongArity(String function, int count) {
        problems.add(
                Kind.OPERAND_COUNT,
                "Incorrect number of operands for operator or function; operator or function: " + function
                        + ", number of operands: " + count);
    }

    private void wrongType(String function, String type) {
        problems.add(
                Kind.FUNCTION,
                "Incorrect operand type for operator or function; operator or function: " + function
                        + ", operand type: " + type);
    }

    private Predicate needsPath(String function) {
        problems.add(Kind.FUNCTION, "Operator or function requires a document path; operator or function: " + function);
        return NOTHING;
    }
}
