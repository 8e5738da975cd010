package dev.keysmith.engine.expr;

import dev.keysmith.engine.expr.ast.Operand;
import dev.keysmith.engine.expr.ast.Predicate;
import dev.keysmith.engine.expr.ast.UpdateAction;
import java.util.Set;

/** Collects the top-level attribute names an AST reads or writes. */
final class AttributeNames {
    private AttributeNames() {}

    static void of(Predicate p, Set<String> names) {
        switch (p) {
            case Predicate.Or o -> {
                of(o.left(), names);
                of(o.right(), names);
            }
            case Predicate.And a -> {
                of(a.left(), names);
                of(a.right(), names);
            }
            case Predicate.Not n -> of(n.operand(), names);
            case Predicate.Compare c -> {
                of(c.left(), names);
                of(c.right(), names);
            }
            case Predicate.Between b -> {
                of(b.operand(), names);
                of(b.lower(), names);
                of(b.upper(), names);
            }
            case Predicate.In in -> {
                of(in.operand(), names);
                in.candidates().forEach(c -> of(c, names));
            }
            case Predicate.Exists e -> names.add(e.path().head());
            case Predicate.NotExists e -> names.add(e.path().head());
            case Predicate.AttrType t -> of(t.operand(), names);
            case Predicate.BeginsWith b -> {
                of(b.operand(), names);
                of(b.prefix(), names);
            }
            case Predicate.Contains c -> {
                of(c.operand(), names);
                of(c.element(), names);
            }
            case Predicate.True t -> {
                // no attributes
            }
        }
    }

    static void of(Operand o, Set<String> names) {
        switch (o) {
            case Operand.Literal l -> {
                // no attributes
            }
            case Operand.Attr a -> names.add(a.path().head());
            case Operand.Size s -> of(s.operand(), names);
            case Operand.IfNotExists i -> {
                names.add(i.path().head());
                of(i.fallback(), names);
            }
            case Operand.ListAppend l -> {
                of(l.first(), names);
                of(l.second(), names);
            }
            case Operand.Arithmetic a -> {
                of(a.left(), names);
                of(a.right(), names);
            }
        }
    }

    static void of(UpdateAction action, Set<String> names) {
        names.add(action.path().head());
        if (action instanceof UpdateAction.Set s) {
            of(s.value(), names);
        }
    }
}
