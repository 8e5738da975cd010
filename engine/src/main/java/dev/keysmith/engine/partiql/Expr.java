package dev.keysmith.engine.partiql;

import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** A PartiQL expression: conditions in WHERE, values in SET and VALUE. Immutable. */
sealed interface Expr {
    /** A document path read from the item. */
    record Ref(Path path) implements Expr {}

    /** A literal scalar ({@code 'a'}, {@code 1}, {@code TRUE}, {@code NULL}). */
    record Literal(AttributeValue value) implements Expr {}

    /** The {@code MISSING} literal, only valid with {@code IS}. */
    record Missing() implements Expr {}

    /** A {@code ?} placeholder, numbered from 0 in order of appearance. */
    record Param(int index) implements Expr {}

    /** A list constructor {@code [a, b]}. */
    record ListOf(List<Expr> elements) implements Expr {
        public ListOf {
            elements = List.copyOf(elements);
        }
    }

    /** A map (struct) constructor {@code {'k': v}}; keys in written order. */
    record MapOf(Map<String, Expr> entries) implements Expr {
        public MapOf {
            entries = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(entries));
        }
    }

    /** A set (bag) constructor {@code <<a, b>>}. */
    record SetOf(List<Expr> elements) implements Expr {
        public SetOf {
            elements = List.copyOf(elements);
        }
    }

    /** {@code left op right} for {@code = <> < <= > >=}. */
    record Compare(String op, Expr left, Expr right) implements Expr {}

    /** {@code left + right} or {@code left - right}. */
    record Arithmetic(String op, Expr left, Expr right) implements Expr {}

    record Between(Expr value, Expr low, Expr high) implements Expr {}

    record In(Expr value, List<Expr> candidates) implements Expr {
        public In {
            candidates = List.copyOf(candidates);
        }
    }

    record And(Expr left, Expr right) implements Expr {}

    record Or(Expr left, Expr right) implements Expr {}

    record Not(Expr operand) implements Expr {}

    /** {@code path IS [NOT] MISSING}. */
    record IsMissing(Expr operand, boolean negated) implements Expr {}

    /** A function call such as {@code begins_with(a, 'x')}; the name is lower-cased. */
    record Call(String name, List<Expr> args) implements Expr {
        public Call {
            args = List.copyOf(args);
        }
    }
}
