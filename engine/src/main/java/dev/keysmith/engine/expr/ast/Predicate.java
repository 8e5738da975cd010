package dev.keysmith.engine.expr.ast;

import java.util.List;

/** A resolved, checked condition: what condition, filter and key-condition expressions compile to. */
public sealed interface Predicate {
    record Or(Predicate left, Predicate right) implements Predicate {}

    record And(Predicate left, Predicate right) implements Predicate {}

    record Not(Predicate operand) implements Predicate {}

    record Compare(Comparator op, Operand left, Operand right) implements Predicate {}

    record Between(Operand operand, Operand lower, Operand upper) implements Predicate {}

    record In(Operand operand, List<Operand> candidates) implements Predicate {
        public In {
            candidates = List.copyOf(candidates);
        }
    }

    record Exists(DocPath path) implements Predicate {}

    record NotExists(DocPath path) implements Predicate {}

    /**
     * {@code attribute_type(operand, :t)}; {@code type} is one of S SS N NS B BS BOOL NULL L M. The operand is usually a
     * path, but DynamoDB accepts a value too.
     */
    record AttrType(Operand operand, String type) implements Predicate {}

    record BeginsWith(Operand operand, Operand prefix) implements Predicate {}

    record Contains(Operand operand, Operand element) implements Predicate {}

    /** Always true: an absent legacy condition map. */
    record True() implements Predicate {}
}
