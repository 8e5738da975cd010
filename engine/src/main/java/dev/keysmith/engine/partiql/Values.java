package dev.keysmith.engine.partiql;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Turns constant expressions (literals, {@code ?} parameters, lists, maps, sets) into attribute values. */
final class Values {
    private Values() {}

    /** True if the expression is a value that does not read the item. */
    static boolean isConstant(Expr e) {
        return switch (e) {
            case Expr.Literal l -> true;
            case Expr.Param p -> true;
            case Expr.ListOf l -> l.elements().stream().allMatch(Values::isConstant);
            case Expr.MapOf m -> m.entries().values().stream().allMatch(Values::isConstant);
            case Expr.SetOf s -> s.elements().stream().allMatch(Values::isConstant);
            case Expr.Ref r -> false;
            case Expr.Missing m -> false;
            case Expr.Compare c -> false;
            case Expr.Arithmetic a -> false;
            case Expr.Between b -> false;
            case Expr.In i -> false;
            case Expr.And a -> false;
            case Expr.Or o -> false;
            case Expr.Not n -> false;
            case Expr.IsMissing i -> false;
            case Expr.Call c -> false;
        };
    }

    /** The value of a constant expression; {@code where} names the enclosing key for error messages. */
    static AttributeValue of(Expr e, List<AttributeValue> params, String where) {
        AttributeValue v = valueOrNull(e, params, where);
        if (v == null) {
            throw Problems.invalid("Unsupported data type: " + e.getClass().getSimpleName() + " under key " + where);
        }
        return v;
    }

    private static @Nullable AttributeValue valueOrNull(Expr e, List<AttributeValue> params, String where) {
        return switch (e) {
            case Expr.Literal l -> l.value();
            case Expr.Param p -> params.get(p.index());
            case Expr.ListOf l -> {
                List<AttributeValue> out = new ArrayList<>();
                for (Expr x : l.elements()) {
                    out.add(of(x, params, where));
                }
                yield AttributeValue.fromL(out);
            }
            case Expr.MapOf m -> {
                Map<String, AttributeValue> out = new LinkedHashMap<>();
                for (var entry : m.entries().entrySet()) {
                    if (!(entry.getValue() instanceof Expr.Missing)) {
                        out.put(entry.getKey(), of(entry.getValue(), params, entry.getKey()));
                    }
                }
                yield AttributeValue.fromM(out);
            }
            case Expr.SetOf s -> set(s, params, where);
            case Expr.Ref r -> null;
            case Expr.Missing m -> null;
            case Expr.Compare c -> null;
            case Expr.Arithmetic a -> null;
            case Expr.Between b -> null;
            case Expr.In i -> null;
            case Expr.And a -> null;
            case Expr.Or o -> null;
            case Expr.Not n -> null;
            case Expr.IsMissing i -> null;
            case Expr.Call c -> null;
        };
    }

    /** A string, number or binary set; the engine rejects duplicates with DynamoDB's own message. */
    private static AttributeValue set(Expr.SetOf s, List<AttributeValue> params, String where) {
        if (s.elements().isEmpty()) {
            throw Problems.invalid(Problems.EMPTY_SET);
        }
        List<AttributeValue> members = new ArrayList<>();
        for (Expr x : s.elements()) {
            members.add(of(x, params, where));
        }
        AttributeValue.Type type = members.getFirst().type();
        for (AttributeValue m : members) {
            if (m.type() != type) {
                throw Problems.invalid(Problems.MIXED_SET);
            }
        }
        return switch (type) {
            case S ->
                AttributeValue.fromSs(members.stream().map(AttributeValue::s).toList());
            case N ->
                AttributeValue.fromNs(members.stream().map(AttributeValue::n).toList());
            case B ->
                AttributeValue.fromBs(members.stream().map(AttributeValue::b).toList());
            default -> throw Problems.invalid(Problems.MIXED_SET);
        };
    }
}
