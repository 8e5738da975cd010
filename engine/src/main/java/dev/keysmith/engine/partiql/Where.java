package dev.keysmith.engine.partiql;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Reads a WHERE clause as top-level AND terms and finds the key conditions among them. */
final class Where {
    private Where() {}

    /** The top-level AND terms of a condition (none for a null condition). */
    static List<Expr> terms(@Nullable Expr where) {
        List<Expr> out = new ArrayList<>();
        collect(where, out);
        return out;
    }

    private static void collect(@Nullable Expr e, List<Expr> out) {
        if (e instanceof Expr.And a) {
            collect(a.left(), out);
            collect(a.right(), out);
        } else if (e != null) {
            out.add(e);
        }
    }

    /** The AND of the terms, or null if there are none. */
    static @Nullable Expr and(List<Expr> terms) {
        Expr out = null;
        for (Expr t : terms) {
            out = out == null ? t : new Expr.And(out, t);
        }
        return out;
    }

    /** The constant compared for equality with top-level attribute {@code name} ({@code name = c} or {@code c = name}). */
    static @Nullable Expr equality(Expr term, String name) {
        if (term instanceof Expr.Compare c && c.op().equals("=")) {
            if (isAttribute(c.left(), name) && Values.isConstant(c.right())) {
                return c.right();
            }
            if (isAttribute(c.right(), name) && Values.isConstant(c.left())) {
                return c.left();
            }
        }
        return null;
    }

    static boolean isAttribute(Expr e, String name) {
        return e instanceof Expr.Ref r
                && r.path().isTopLevel()
                && r.path().head().equals(name);
    }

    /** True if the expression reads top-level attribute {@code name} anywhere. */
    static boolean mentions(Expr e, String name) {
        return switch (e) {
            case Expr.Ref r -> r.path().head().equals(name);
            case Expr.Compare c -> mentions(c.left(), name) || mentions(c.right(), name);
            case Expr.Arithmetic a -> mentions(a.left(), name) || mentions(a.right(), name);
            case Expr.Between b -> mentions(b.value(), name) || mentions(b.low(), name) || mentions(b.high(), name);
            case Expr.In i ->
                mentions(i.value(), name) || i.candidates().stream().anyMatch(x -> mentions(x, name));
            case Expr.And a -> mentions(a.left(), name) || mentions(a.right(), name);
            case Expr.Or o -> mentions(o.left(), name) || mentions(o.right(), name);
            case Expr.Not n -> mentions(n.operand(), name);
            case Expr.IsMissing m -> mentions(m.operand(), name);
            case Expr.Call c -> c.args().stream().anyMatch(x -> mentions(x, name));
            case Expr.ListOf l -> l.elements().stream().anyMatch(x -> mentions(x, name));
            case Expr.MapOf m -> m.entries().values().stream().anyMatch(x -> mentions(x, name));
            case Expr.SetOf s -> s.elements().stream().anyMatch(x -> mentions(x, name));
            case Expr.Literal l -> false;
            case Expr.Missing m -> false;
            case Expr.Param p -> false;
        };
    }

    /** A WHERE clause that names one item: its full primary key, and the remaining terms as a condition. */
    record SingleItem(
            Map<String, AttributeValue> key, @Nullable Expr condition) {}

    /**
     * The single item a write (or a transactional read) addresses: each key attribute needs an equality with a
     * constant among the top-level terms, otherwise DynamoDB's "mandatory equality" error. Further terms, even on key
     * attributes, become the condition.
     */
    static SingleItem singleItem(@Nullable Expr where, KeySchema schema, List<AttributeValue> params) {
        List<Expr> rest = new ArrayList<>(terms(where));
        Map<String, AttributeValue> key = new LinkedHashMap<>();
        for (String name : schema.names()) {
            Expr term = rest.stream()
                    .filter(t -> equality(t, name) != null)
                    .findFirst()
                    .orElseThrow(() -> Problems.invalid(Problems.INCOMPLETE_KEY));
            key.put(name, Values.of(java.util.Objects.requireNonNull(equality(term, name)), params, name));
            rest.remove(term);
        }
        return new SingleItem(key, and(rest));
    }
}
