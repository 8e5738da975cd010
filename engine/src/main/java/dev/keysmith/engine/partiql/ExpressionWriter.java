package dev.keysmith.engine.partiql;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Writes PartiQL expressions as DynamoDB condition and update expressions. Every name becomes a generated
 * {@code #nN} placeholder and every value a {@code :vN} placeholder, so no user text is ever spliced into an
 * expression. One writer serves one request: its placeholder maps go with every expression it wrote.
 */
final class ExpressionWriter {
    private static final Set<String> CONDITION_FUNCTIONS =
            Set.of("begins_with", "contains", "attribute_type", "attribute_exists", "attribute_not_exists");
    private static final Set<String> UPDATE_FUNCTIONS = Set.of("list_append", "if_not_exists");

    private final List<AttributeValue> params;
    private final Map<String, String> names = new LinkedHashMap<>();
    private final Map<String, String> nameByAttribute = new HashMap<>();
    private final Map<String, AttributeValue> values = new LinkedHashMap<>();

    ExpressionWriter(List<AttributeValue> params) {
        this.params = params;
    }

    /** The {@code ExpressionAttributeNames}, or null if none were written. */
    @Nullable
    Map<String, String> names() {
        return names.isEmpty() ? null : Map.copyOf(names);
    }

    /** The {@code ExpressionAttributeValues}, or null if none were written. */
    @Nullable
    Map<String, AttributeValue> values() {
        return values.isEmpty() ? null : Map.copyOf(values);
    }

    String name(String attribute) {
        return nameByAttribute.computeIfAbsent(attribute, a -> {
            String placeholder = "#n" + names.size();
            names.put(placeholder, a);
            return placeholder;
        });
    }

    String value(AttributeValue v) {
        String placeholder = ":v" + values.size();
        values.put(placeholder, v);
        return placeholder;
    }

    String path(Path p) {
        StringBuilder sb = new StringBuilder();
        for (Path.Step s : p.steps()) {
            switch (s) {
                case Path.Name n -> sb.append(sb.isEmpty() ? "" : ".").append(name(n.name()));
                case Path.Index i -> sb.append('[').append(i.index()).append(']');
            }
        }
        return sb.toString();
    }

    /** A condition (WHERE) as a condition or filter expression. */
    String condition(Expr e) {
        return switch (e) {
            case Expr.And a -> "(" + condition(a.left()) + ") AND (" + condition(a.right()) + ")";
            case Expr.Or o -> "(" + condition(o.left()) + ") OR (" + condition(o.right()) + ")";
            case Expr.Not n -> "NOT (" + condition(n.operand()) + ")";
            case Expr.Compare c -> {
                if (c.left() instanceof Expr.Missing || c.right() instanceof Expr.Missing) {
                    throw Problems.invalid(Problems.MISSING_COMPARED);
                }
                yield operand(c.left()) + " " + c.op() + " " + operand(c.right());
            }
            case Expr.Between b -> operand(b.value()) + " BETWEEN " + operand(b.low()) + " AND " + operand(b.high());
            case Expr.In in -> {
                if (in.candidates().isEmpty() || !(in.value() instanceof Expr.Ref)) {
                    throw Problems.invalid("IN operator must have a left hand argument of type Variable Reference and"
                            + " right hand argument of type Seq with at least one member");
                }
                List<String> ops = new ArrayList<>();
                for (Expr x : in.candidates()) {
                    ops.add(operand(x));
                }
                yield operand(in.value()) + " IN (" + String.join(", ", ops) + ")";
            }
            case Expr.IsMissing m -> {
                if (!(m.operand() instanceof Expr.Ref r)) {
                    throw Problems.invalid(
                            "The left hand side argument to IS must be a Variable Reference, Literal, or Path");
                }
                yield (m.negated() ? "attribute_exists(" : "attribute_not_exists(") + path(r.path()) + ")";
            }
            case Expr.Call c -> {
                if (!CONDITION_FUNCTIONS.contains(c.name())) {
                    throw Problems.invalid(Problems.unrecognizedFunction(c.name()));
                }
                yield call(c.name(), c.args(), false);
            }
            case Expr.Ref r -> throw notBoolean();
            case Expr.Literal l -> throw notBoolean();
            case Expr.Missing m -> throw notBoolean();
            case Expr.Param p -> throw notBoolean();
            case Expr.ListOf l -> throw notBoolean();
            case Expr.MapOf m -> throw notBoolean();
            case Expr.SetOf s -> throw notBoolean();
            case Expr.Arithmetic a -> throw notBoolean();
        };
    }

    private static RuntimeException notBoolean() {
        return Problems.invalid("WHERE clause must contain an expression that resolves to a boolean");
    }

    /** An operand of a comparison: a path, a value or {@code size(path)}. */
    private String operand(Expr e) {
        return switch (e) {
            case Expr.Ref r -> path(r.path());
            case Expr.Call c when c.name().equals("size") -> call("size", c.args(), false);
            case Expr.Call c -> throw Problems.invalid(Problems.unrecognizedFunction(c.name()));
            case Expr.Missing m -> throw Problems.invalid(Problems.MISSING_COMPARED);
            case Expr.Arithmetic a -> throw Problems.invalid(Problems.unsupportedOperator(a.op()));
            case Expr.Compare c -> throw Problems.invalid(Problems.unsupportedOperator(c.op()));
            case Expr.Between b -> throw Problems.invalid(Problems.unsupportedOperator("BETWEEN"));
            case Expr.In i -> throw Problems.invalid(Problems.unsupportedOperator("IN"));
            case Expr.And a -> throw Problems.invalid(Problems.unsupportedOperator("AND"));
            case Expr.Or o -> throw Problems.invalid(Problems.unsupportedOperator("OR"));
            case Expr.Not n -> throw Problems.invalid(Problems.unsupportedOperator("NOT"));
            case Expr.IsMissing i -> throw Problems.invalid(Problems.unsupportedOperator("IS"));
            case Expr.Literal l -> value(l.value());
            case Expr.Param p -> value(Values.of(p, params, "parameter"));
            case Expr.ListOf l -> value(Values.of(l, params, "list"));
            case Expr.MapOf m -> value(Values.of(m, params, "map"));
            case Expr.SetOf s -> value(Values.of(s, params, "set"));
        };
    }

    /** The right-hand side of {@code SET path = value}: a value, a path, {@code +}/{@code -}, or a function. */
    String updateValue(Expr e) {
        return switch (e) {
            case Expr.Arithmetic a -> updateValue(a.left()) + " " + a.op() + " " + updateValue(a.right());
            case Expr.Call c when UPDATE_FUNCTIONS.contains(c.name()) -> call(c.name(), c.args(), true);
            case Expr.Call c -> throw Problems.invalid(Problems.unrecognizedFunction(c.name()));
            case Expr.Missing m -> throw Problems.invalid(Problems.MISSING_COMPARED);
            case Expr.IsMissing i -> throw Problems.invalid("IS operator is not supported in update expressions");
            case Expr.Compare c -> throw unsupportedInUpdate(c.op());
            case Expr.Between b -> throw unsupportedInUpdate("BETWEEN");
            case Expr.In i -> throw unsupportedInUpdate("IN");
            case Expr.And a -> throw unsupportedInUpdate("AND");
            case Expr.Or o -> throw unsupportedInUpdate("OR");
            case Expr.Not n -> throw unsupportedInUpdate("NOT");
            case Expr.Ref r -> path(r.path());
            case Expr.Literal l -> operand(l);
            case Expr.Param p -> operand(p);
            case Expr.ListOf l -> operand(l);
            case Expr.MapOf m -> operand(m);
            case Expr.SetOf s -> operand(s);
        };
    }

    private static RuntimeException unsupportedInUpdate(String op) {
        return Problems.invalid("Unsupported operator in Update Expression. Operator: " + op);
    }

    private String call(String function, List<Expr> args, boolean update) {
        List<String> out = new ArrayList<>();
        for (Expr a : args) {
            out.add(update ? updateValue(a) : operand(a));
        }
        return function + "(" + String.join(", ", out) + ")";
    }
}
