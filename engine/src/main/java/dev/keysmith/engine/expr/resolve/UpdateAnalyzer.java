package dev.keysmith.engine.expr.resolve;

import dev.keysmith.engine.expr.ast.DocPath;
import dev.keysmith.engine.expr.ast.Operand;
import dev.keysmith.engine.expr.ast.Syntax;
import dev.keysmith.engine.expr.ast.UpdateAction;
import dev.keysmith.engine.expr.resolve.Problems.Kind;
import dev.keysmith.engine.value.AttributeValues;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Resolves and checks a parsed update expression: each clause at most once, known functions (if_not_exists,
 * list_append) with the right arity and operand types, ADD/DELETE operand types, and no two overlapping or
 * conflicting target paths.
 */
public final class UpdateAnalyzer {
    private static final Map<String, String> TYPE_WORDS = Map.of(
            "S", "STRING", "N", "NUMBER", "B", "BINARY", "NULL", "NULL", "BOOL", "BOOLEAN", "L", "LIST", "M", "MAP");
    private static final Set<String> SETS = Set.of("SS", "NS", "BS");
    private static final Operand PLACEHOLDER = new Operand.Literal(AttributeValue.fromNul(true));

    private final Resolver resolver;
    private final Problems problems;
    private final List<DocPath> targets = new ArrayList<>();

    private UpdateAnalyzer(Resolver resolver) {
        this.resolver = resolver;
        this.problems = resolver.problems();
    }

    public static List<UpdateAction> analyze(Syntax.UpdateExpr expr, Resolver resolver) {
        var analyzer = new UpdateAnalyzer(resolver);
        var seenSections = new HashSet<String>();
        var actions = new ArrayList<UpdateAction>();
        for (Syntax.Section section : expr.sections()) {
            if (!seenSections.add(section.keyword())) {
                analyzer.problems.add(
                        Kind.SECTION,
                        "The \"" + section.keyword() + "\" section can only be used once in an update expression;");
            }
            for (Syntax.Action action : section.actions()) {
                actions.add(analyzer.action(action));
            }
        }
        analyzer.problems.throwFirst(Problems.UPDATE_ORDER);
        return List.copyOf(actions);
    }

    private UpdateAction action(Syntax.Action action) {
        DocPath path = resolver.path(action.path());
        resolver.checkDistinctPath(targets, path);
        return switch (action) {
            case Syntax.SetAction s -> new UpdateAction.Set(path, value(s.value()));
            case Syntax.RemoveAction r -> new UpdateAction.Remove(path);
            case Syntax.AddAction a -> new UpdateAction.Add(path, operandOf("ADD", resolver.value(a.value())));
            case Syntax.DeleteAction d -> new UpdateAction.Delete(path, operandOf("DELETE", resolver.value(d.value())));
        };
    }

    /**
     * ADD takes a number or a set, DELETE a set (developer guide, update expressions). DynamoDB's message names the
     * allowed type set: {@code ..., operand type: BOOLEAN, typeSet: ALLOWED_FOR_ADD_OPERAND}.
     */
    private AttributeValue operandOf(String operator, AttributeValue value) {
        String type = AttributeValues.typeName(value);
        boolean allowed = SETS.contains(type) || (operator.equals("ADD") && type.equals("N"));
        if (!allowed) {
            problems.add(
                    Kind.OPERAND_TYPE,
                    "Incorrect operand type for operator or function; operator: " + operator + ", operand type: "
                            + TYPE_WORDS.getOrDefault(type, type) + ", typeSet: ALLOWED_FOR_" + operator
                            + "_OPERAND");
        }
        return value;
    }

    private Operand value(Syntax.Operand o) {
        return switch (o) {
            case Syntax.PathOperand p -> new Operand.Attr(resolver.path(p.path()));
            case Syntax.ValueRef v -> new Operand.Literal(resolver.value(v));
            case Syntax.Arith a -> {
                problems.countOperator();
                Operand left = value(a.left());
                Operand right = value(a.right());
                String operator = String.valueOf(a.op());
                requireLiteralType(operator, "N", left);
                requireLiteralType(operator, "N", right);
                yield new Operand.Arithmetic(left, a.op() == '+', right);
            }
            case Syntax.Call call -> call(call);
        };
    }

    private Operand call(Syntax.Call call) {
        problems.countOperator();
        String name = call.name();
        List<Operand> args = call.args().stream().map(this::value).toList();
        if (!name.equals("if_not_exists") && !name.equals("list_append")) {
            problems.add(Kind.UNKNOWN_FUNCTION, "Invalid function name; function: " + name);
            return PLACEHOLDER;
        }
        if (args.size() != 2) {
            problems.add(
                    Kind.FUNCTION,
                    "Incorrect number of operands for operator or function; operator or function: " + name
                            + ", number of operands: " + args.size());
            return PLACEHOLDER;
        }
        if (name.equals("if_not_exists")) {
            if (!(args.get(0) instanceof Operand.Attr attr)) {
                problems.add(
                        Kind.FUNCTION, "Operator or function requires a document path; operator or function: " + name);
                return PLACEHOLDER;
            }
            return new Operand.IfNotExists(attr.path(), args.get(1));
        }
        // DynamoDB refuses list_append(list_append(...), ...) (scylladb test_update_expression_function_nesting)
        if (call.args().stream()
                .anyMatch(a -> a instanceof Syntax.Call c && c.name().equals(name))) {
            problems.add(
                    Kind.MISUSED_FUNCTION,
                    "The function is not allowed to be used this way in an expression; function: " + name);
        }
        requireLiteralType(name, "L", args.get(0));
        requireLiteralType(name, "L", args.get(1));
        return new Operand.ListAppend(args.get(0), args.get(1));
    }

    private void requireLiteralType(String function, String type, Operand operand) {
        @Nullable String actual = operand instanceof Operand.Literal l ? AttributeValues.typeName(l.value()) : null;
        if (actual != null && !actual.equals(type)) {
            problems.add(
                    Kind.FUNCTION,
                    "Incorrect operand type for operator or function; operator or function: " + function
                            + ", operand type: " + actual);
        }
    }
}
