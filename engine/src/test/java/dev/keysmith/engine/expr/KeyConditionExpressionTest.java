package dev.keysmith.engine.expr;

import static dev.keysmith.engine.expr.ExprSupport.assertValidation;
import static dev.keysmith.engine.expr.ExprSupport.b;
import static dev.keysmith.engine.expr.ExprSupport.n;
import static dev.keysmith.engine.expr.ExprSupport.names;
import static dev.keysmith.engine.expr.ExprSupport.s;
import static dev.keysmith.engine.expr.ExprSupport.values;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keysmith.engine.expr.SortKeyCondition.SortOp;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class KeyConditionExpressionTest {
    static final Map<String, AttributeValue> VALUES = values(
            ":p", s("p1"),
            ":a", n("1"),
            ":b", n("5"),
            ":pre", s("ab"));

    static KeyCondition parse(String expression) {
        return Expressions.keyCondition(expression, new ExpressionContext(names("#s", "sk"), VALUES), "pk", "sk");
    }

    @Test
    void partitionKeyOnly() {
        assertEquals(new KeyCondition("pk", s("p1"), null), parse("pk = :p"));
        assertEquals(new KeyCondition("pk", s("p1"), null), parse(":p = pk"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "pk = :p AND sk = :a|EQ",
                "pk = :p AND sk < :a|LT",
                "pk = :p AND sk <= :a|LE",
                "pk = :p AND sk > :a|GT",
                "pk = :p AND sk >= :a|GE",
                // operands in either order: ":a < sk" is "sk > :a"
                "pk = :p AND :a < sk|GT",
                "pk = :p AND :a >= #s|LE",
                "sk = :a and pk = :p|EQ",
                "(pk = :p) AND (sk = :a)|EQ",
            })
    void sortKeyComparisons(String expression, SortOp op) {
        KeyCondition kc = parse(expression);
        assertEquals("pk", kc.hashKeyName());
        assertEquals(new SortKeyCondition("sk", op, n("1"), null), kc.sort());
    }

    @Test
    void betweenAndBeginsWith() {
        assertEquals(
                new SortKeyCondition("sk", SortOp.BETWEEN, n("1"), n("5")),
                parse("pk = :p AND sk BETWEEN :a AND :b").sort());
        assertEquals(
                new SortKeyCondition("sk", SortOp.BEGINS_WITH, s("ab"), null),
                parse("pk = :p AND begins_with(sk, :pre)").sort());
    }

    @Test
    void tableWithoutSortKey() {
        var kc = Expressions.keyCondition("pk = :p", new ExpressionContext(null, values(":p", s("p1"))), "pk", null);
        assertNull(kc.sort());
    }

    @Test
    void sortKeyConditionMatches() {
        assertTrue(new SortKeyCondition("sk", SortOp.EQ, n("1"), null).matches(n("1.0")));
        assertFalse(new SortKeyCondition("sk", SortOp.EQ, n("1"), null).matches(s("1")));
        assertTrue(new SortKeyCondition("sk", SortOp.LT, n("1"), null).matches(n("0.5")));
        assertFalse(new SortKeyCondition("sk", SortOp.LT, n("1"), null).matches(n("1")));
        assertTrue(new SortKeyCondition("sk", SortOp.LE, n("1"), null).matches(n("1")));
        assertTrue(new SortKeyCondition("sk", SortOp.GT, s("a"), null).matches(s("b")));
        assertFalse(new SortKeyCondition("sk", SortOp.GT, s("a"), null).matches(n("2")));
        assertTrue(new SortKeyCondition("sk", SortOp.GE, b(1), null).matches(b(0xff)));
        assertTrue(new SortKeyCondition("sk", SortOp.BETWEEN, n("1"), n("5")).matches(n("5")));
        assertFalse(new SortKeyCondition("sk", SortOp.BETWEEN, n("1"), n("5")).matches(n("5.01")));
        assertTrue(new SortKeyCondition("sk", SortOp.BEGINS_WITH, s("ab"), null).matches(s("abc")));
        assertFalse(new SortKeyCondition("sk", SortOp.BEGINS_WITH, s("ab"), null).matches(s("a")));
        assertTrue(new SortKeyCondition("sk", SortOp.BEGINS_WITH, b(1, 2), null).matches(b(1, 2, 3)));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                // live DynamoDB (dynamodb.md 7.3)
                "sk = :a|Query condition missed key schema element: pk",
                "pk = :p AND price = :a|Query condition missed key schema element: sk",
                "pk > :p|Query key condition not supported",
                "begins_with(pk, :pre)|Query key condition not supported",
                "pk = :p OR sk = :a|Invalid operator used in KeyConditionExpression: OR",
                "pk = :p AND NOT sk = :a|Invalid operator used in KeyConditionExpression: NOT",
                "pk = :p AND sk IN (:a, :b)|Invalid operator used in KeyConditionExpression: IN",
                "pk = :p AND sk <> :a|Invalid operator used in KeyConditionExpression: <>",
                "pk = :p AND attribute_exists(sk)|Invalid operator used in KeyConditionExpression: attribute_exists",
                "pk = :p AND attribute_not_exists(sk)|Invalid operator used in KeyConditionExpression:"
                        + " attribute_not_exists",
                "pk = :p AND contains(sk, :a)|Invalid operator used in KeyConditionExpression: contains",
                "pk = :p AND size(sk) > :a|KeyConditionExpressions cannot contain nested operations",
                "pk = :p AND sk.x = :a|KeyConditionExpressions cannot have conditions on nested attributes",
                "pk = :p AND sk[0] = :a|KeyConditionExpressions cannot have conditions on nested attributes",
                "pk = sk|Invalid condition in KeyConditionExpression: Multiple attribute names used in one condition",
                "pk = :p AND :a = :b|Invalid condition in KeyConditionExpression: No key attribute specified",
                "pk = :p AND pk = :p|KeyConditionExpressions must only contain one condition per key",
                "pk = :p AND sk > :a AND sk < :b|KeyConditionExpressions must only contain one condition per key",
                "pk = :p AND :a BETWEEN sk AND :b|Invalid condition in KeyConditionExpression: BETWEEN operator must"
                        + " have the key attribute as its first operand",
                "pk = :p AND begins_with(:pre, sk)|Invalid condition in KeyConditionExpression: begins_with operator"
                        + " must have the key attribute as its first operand",
            })
    void structuralErrors(String expression, String message) {
        assertValidation(message, () -> parse(expression));
    }

    @Test
    void expressionErrorsCarryTheKind() {
        // live DynamoDB (dynamodb.md 7.3)
        assertValidation("Invalid KeyConditionExpression: The expression can not be empty;", () -> parse(""));
        assertValidation(
                "Invalid KeyConditionExpression: Syntax error; token: \"<EOF>\", near: \"=\"", () -> parse("pk ="));
        assertValidation(
                "Invalid KeyConditionExpression: Attribute name is a reserved keyword; reserved keyword: name",
                () -> parse("name = :p"));
    }
}
