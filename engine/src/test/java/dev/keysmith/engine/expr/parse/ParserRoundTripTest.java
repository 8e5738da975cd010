package dev.keysmith.engine.expr.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.keysmith.engine.expr.ast.Comparator;
import dev.keysmith.engine.expr.ast.Syntax;
import java.util.List;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** parse(print(ast)) == ast for random condition, update and projection ASTs. */
class ParserRoundTripTest {

    // ---- a printer for the parsed AST (test-only) -------------------------------------------------------------

    static String print(Syntax.Cond c) {
        return switch (c) {
            case Syntax.Or o -> "(" + print(o.left()) + ") OR (" + print(o.right()) + ")";
            case Syntax.And a -> "(" + print(a.left()) + ") and (" + print(a.right()) + ")";
            case Syntax.Not n -> "NOT (" + print(n.operand()) + ")";
            case Syntax.Compare cmp -> print(cmp.left()) + " " + cmp.op().symbol() + " " + print(cmp.right());
            case Syntax.Between b -> print(b.operand()) + " BETWEEN " + print(b.lower()) + " AND " + print(b.upper());
            case Syntax.In in -> print(in.operand()) + " IN (" + join(in.candidates()) + ")";
            case Syntax.FunctionCond f -> print(f.call());
        };
    }

    static String print(Syntax.Operand o) {
        return switch (o) {
            case Syntax.PathOperand p -> print(p.path());
            case Syntax.ValueRef v -> v.ref();
            case Syntax.Call call -> call.name() + "(" + join(call.args()) + ")";
            case Syntax.Arith a -> print(a.left()) + " " + a.op() + " " + print(a.right());
        };
    }

    static String print(Syntax.Path path) {
        var out = new StringBuilder();
        for (Syntax.Elem e : path.elems()) {
            switch (e) {
                case Syntax.Name n -> out.append(out.isEmpty() ? "" : ".").append(n.text());
                case Syntax.NameRef r -> out.append(out.isEmpty() ? "" : ".").append(r.ref());
                case Syntax.Index i -> out.append('[').append(i.index()).append(']');
            }
        }
        return out.toString();
    }

    static String print(Syntax.UpdateExpr u) {
        return u.sections().stream()
                .map(s -> s.keyword() + " "
                        + s.actions().stream()
                                .map(a -> switch (a) {
                                    case Syntax.SetAction set -> print(set.path()) + " = " + print(set.value());
                                    case Syntax.RemoveAction r -> print(r.path());
                                    case Syntax.AddAction add ->
                                        print(add.path()) + " " + add.value().ref();
                                    case Syntax.DeleteAction d ->
                                        print(d.path()) + " " + d.value().ref();
                                })
                                .collect(Collectors.joining(", ")))
                .collect(Collectors.joining(" "));
    }

    private static String join(List<Syntax.Operand> operands) {
        return operands.stream().map(ParserRoundTripTest::print).collect(Collectors.joining(", "));
    }

    // ---- generators -------------------------------------------------------------------------------------------

    Arbitrary<Syntax.Path> paths() {
        Arbitrary<Syntax.Elem> head = Arbitraries.oneOf(
                Arbitraries.of("a", "b1", "Long_Name", "x_y_z").map(Syntax.Name::new),
                Arbitraries.of("#n", "#0", "#_x").map(Syntax.NameRef::new));
        Arbitrary<Syntax.Elem> step =
                Arbitraries.oneOf(head, Arbitraries.integers().between(0, 99).map(Syntax.Index::new));
        return Combinators.combine(head, step.list().ofMaxSize(3)).as((h, rest) -> {
            var elems = new java.util.ArrayList<Syntax.Elem>();
            elems.add(h);
            elems.addAll(rest);
            return new Syntax.Path(elems);
        });
    }

    Arbitrary<Syntax.Operand> simpleOperands() {
        return Arbitraries.oneOf(
                paths().map(Syntax.PathOperand::new),
                Arbitraries.of(":v", ":1", ":_a").map(Syntax.ValueRef::new));
    }

    Arbitrary<Syntax.Operand> operands() {
        Arbitrary<Syntax.Operand> call = Combinators.combine(
                        Arbitraries.of("size", "f", "list_append", "if_not_exists"),
                        simpleOperands().list().ofMinSize(1).ofMaxSize(3))
                .as(Syntax.Call::new);
        return Arbitraries.oneOf(simpleOperands(), call);
    }

    @Provide
    Arbitrary<Syntax.Cond> conditions() {
        Arbitrary<Syntax.Cond> compare = Combinators.combine(Arbitraries.of(Comparator.class), operands(), operands())
                .as(Syntax.Compare::new);
        Arbitrary<Syntax.Cond> between =
                Combinators.combine(operands(), operands(), operands()).as(Syntax.Between::new);
        Arbitrary<Syntax.Cond> in = Combinators.combine(
                        operands(), operands().list().ofMinSize(1).ofMaxSize(4))
                .as(Syntax.In::new);
        Arbitrary<Syntax.Cond> function = Combinators.combine(
                        Arbitraries.of("attribute_exists", "contains", "g"),
                        operands().list().ofMinSize(1).ofMaxSize(3))
                .as((name, args) -> new Syntax.FunctionCond(new Syntax.Call(name, args)));
        Arbitrary<Syntax.Cond> leaf = Arbitraries.oneOf(compare, between, in, function);
        return Arbitraries.recursive(
                () -> leaf,
                inner -> Arbitraries.oneOf(
                        Combinators.combine(inner, inner).as(Syntax.And::new),
                        Combinators.combine(inner, inner).as(Syntax.Or::new),
                        inner.map(Syntax.Not::new)),
                0,
                4);
    }

    @Provide
    Arbitrary<Syntax.UpdateExpr> updates() {
        Arbitrary<Syntax.Operand> value = Arbitraries.oneOf(
                operands(),
                Combinators.combine(operands(), Arbitraries.of('+', '-'), operands())
                        .as(Syntax.Arith::new));
        Arbitrary<Syntax.Section> set = Combinators.combine(paths(), value)
                .as((p, v) -> (Syntax.Action) new Syntax.SetAction(p, v))
                .list()
                .ofMinSize(1)
                .ofMaxSize(3)
                .map(actions -> new Syntax.Section("SET", actions));
        Arbitrary<Syntax.Section> remove = paths().map(p -> (Syntax.Action) new Syntax.RemoveAction(p))
                .list()
                .ofMinSize(1)
                .ofMaxSize(3)
                .map(actions -> new Syntax.Section("REMOVE", actions));
        Arbitrary<Syntax.Section> add = Combinators.combine(paths(), Arbitraries.of(":v", ":w"))
                .as((p, v) -> (Syntax.Action) new Syntax.AddAction(p, new Syntax.ValueRef(v)))
                .list()
                .ofMinSize(1)
                .ofMaxSize(3)
                .map(actions -> new Syntax.Section("ADD", actions));
        Arbitrary<Syntax.Section> delete = Combinators.combine(paths(), Arbitraries.of(":v", ":w"))
                .as((p, v) -> (Syntax.Action) new Syntax.DeleteAction(p, new Syntax.ValueRef(v)))
                .list()
                .ofMinSize(1)
                .ofMaxSize(3)
                .map(actions -> new Syntax.Section("DELETE", actions));
        return Arbitraries.oneOf(set, remove, add, delete)
                .list()
                .ofMinSize(1)
                .ofMaxSize(4)
                .map(Syntax.UpdateExpr::new);
    }

    @Provide
    Arbitrary<Syntax.ProjectionExpr> projections() {
        return paths().list().ofMinSize(1).ofMaxSize(5).map(Syntax.ProjectionExpr::new);
    }

    // ---- properties -------------------------------------------------------------------------------------------

    @Property(tries = 500)
    void conditionsRoundTrip(@ForAll("conditions") Syntax.Cond condition) {
        assertEquals(new Syntax.ConditionExpr(condition, false), Parser.parseCondition(print(condition)));
    }

    @Property(tries = 300)
    void updatesRoundTrip(@ForAll("updates") Syntax.UpdateExpr update) {
        assertEquals(update, Parser.parseUpdate(print(update)));
    }

    @Property(tries = 200)
    void projectionsRoundTrip(@ForAll("projections") Syntax.ProjectionExpr projection) {
        String text =
                projection.paths().stream().map(ParserRoundTripTest::print).collect(Collectors.joining(","));
        assertEquals(projection, Parser.parseProjection(text));
    }
}
