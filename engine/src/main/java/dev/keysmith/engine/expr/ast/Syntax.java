package dev.keysmith.engine.expr.ast;

import java.util.List;

/**
 * The parsed (pre-resolution) form of every expression kind: syntax only, placeholders still unresolved, functions
 * still generic calls. Immutable, so it is cached by expression text and shared between requests.
 */
public final class Syntax {
    private Syntax() {}

    /** One element of a written document path. */
    public sealed interface Elem permits Name, NameRef, Index {}

    /** A bare attribute name (checked against the reserved words during resolution). */
    public record Name(String text) implements Elem {}

    /** A {@code #name} placeholder. */
    public record NameRef(String ref) implements Elem {}

    /** A {@code [n]} list index. */
    public record Index(int index) implements Elem {}

    /** A document path as written; the first element is always a name or a name placeholder. */
    public record Path(List<Elem> elems) {
        public Path {
            elems = List.copyOf(elems);
        }
    }

    /** An operand as written. */
    public sealed interface Operand permits PathOperand, ValueRef, Call, Arith {}

    public record PathOperand(Path path) implements Operand {}

    /** A {@code :value} placeholder. */
    public record ValueRef(String ref) implements Operand {}

    /** A function call with any name and any number of arguments; the semantic pass checks both. */
    public record Call(String name, List<Operand> args) implements Operand {
        public Call {
            args = List.copyOf(args);
        }
    }

    /** {@code left + right} or {@code left - right} (update SET values only). */
    public record Arith(Operand left, char op, Operand right) implements Operand {}

    /** A condition as written. */
    public sealed interface Cond permits Or, And, Not, Compare, Between, In, FunctionCond {}

    public record Or(Cond left, Cond right) implements Cond {}

    public record And(Cond left, Cond right) implements Cond {}

    public record Not(Cond operand) implements Cond {}

    public record Compare(Comparator op, Operand left, Operand right) implements Cond {}

    public record Between(Operand operand, Operand lower, Operand upper) implements Cond {}

    public record In(Operand operand, List<Operand> candidates) implements Cond {
        public In {
            candidates = List.copyOf(candidates);
        }
    }

    /** A function call used as a condition (attribute_exists(a), or the misuse size(a)). */
    public record FunctionCond(Call call) implements Cond {}

    /** A parsed condition plus the one error the parser detects but DynamoDB reports after syntax errors. */
    public record ConditionExpr(Cond root, boolean redundantParentheses) {}

    /** One update action as written. */
    public sealed interface Action permits SetAction, RemoveAction, AddAction, DeleteAction {
        Path path();
    }

    public record SetAction(Path path, Operand value) implements Action {}

    public record RemoveAction(Path path) implements Action {}

    public record AddAction(Path path, ValueRef value) implements Action {}

    public record DeleteAction(Path path, ValueRef value) implements Action {}

    /** One clause ({@code SET}, {@code REMOVE}, {@code ADD} or {@code DELETE}) with its actions. */
    public record Section(String keyword, List<Action> actions) {
        public Section {
            actions = List.copyOf(actions);
        }
    }

    public record UpdateExpr(List<Section> sections) {
        public UpdateExpr {
            sections = List.copyOf(sections);
        }
    }

    public record ProjectionExpr(List<Path> paths) {
        public ProjectionExpr {
            paths = List.copyOf(paths);
        }
    }
}
