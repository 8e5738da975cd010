package dev.keysmith.engine.expr;

import static dev.keysmith.engine.expr.ExprSupport.assertValidation;
import static dev.keysmith.engine.expr.ExprSupport.item;
import static dev.keysmith.engine.expr.ExprSupport.l;
import static dev.keysmith.engine.expr.ExprSupport.m;
import static dev.keysmith.engine.expr.ExprSupport.n;
import static dev.keysmith.engine.expr.ExprSupport.ns;
import static dev.keysmith.engine.expr.ExprSupport.s;
import static dev.keysmith.engine.expr.ExprSupport.ss;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keysmith.engine.expr.SortKeyCondition.SortOp;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeAction;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.AttributeValueUpdate;
import software.amazon.awssdk.services.dynamodb.model.ComparisonOperator;
import software.amazon.awssdk.services.dynamodb.model.Condition;
import software.amazon.awssdk.services.dynamodb.model.ConditionalOperator;
import software.amazon.awssdk.services.dynamodb.model.ExpectedAttributeValue;

class LegacyTest {
    static final Map<String, AttributeValue> ITEM = item(
            "pk", s("p1"),
            "age", n("30"),
            "title", s("Alice"),
            "tags", ss("red", "blue"),
            "things", l(s("x"), n("1")));

    static Condition cond(ComparisonOperator op, AttributeValue... values) {
        return Condition.builder()
                .comparisonOperator(op)
                .attributeValueList(values)
                .build();
    }

    static boolean filter(String name, Condition condition) {
        return Legacy.filter("ScanFilter", Map.of(name, condition), null).test(ITEM);
    }

    // ---- Expected ---------------------------------------------------------------------------------------------

    @Test
    void expectedValueMeansEquality() {
        var ok = ExpectedAttributeValue.builder().value(n("30")).build();
        assertTrue(Legacy.expected(Map.of("age", ok), null).test(ITEM));
        var exists =
                ExpectedAttributeValue.builder().value(n("31")).exists(true).build();
        assertFalse(Legacy.expected(Map.of("age", exists), null).test(ITEM));
    }

    @Test
    void expectedExistsFalseMeansAbsent() {
        var absent = ExpectedAttributeValue.builder().exists(false).build();
        assertTrue(Legacy.expected(Map.of("zz", absent), null).test(ITEM));
        assertFalse(Legacy.expected(Map.of("age", absent), null).test(ITEM));
    }

    @Test
    void expectedWithComparisonOperatorAndConditionalOperator() {
        var gt = ExpectedAttributeValue.builder()
                .comparisonOperator(ComparisonOperator.GT)
                .attributeValueList(n("40"))
                .build();
        var eq = ExpectedAttributeValue.builder()
                .comparisonOperator(ComparisonOperator.EQ)
                .value(s("Alice"))
                .build();
        Map<String, ExpectedAttributeValue> both = new LinkedHashMap<>();
        both.put("age", gt);
        both.put("title", eq);
        assertFalse(Legacy.expected(both, ConditionalOperator.AND).test(ITEM));
        assertFalse(Legacy.expected(both, null).test(ITEM));
        assertTrue(Legacy.expected(both, ConditionalOperator.OR).test(ITEM));
        assertEquals(Set.of("age", "title"), Legacy.expected(both, null).topLevelAttributeNames());
    }

    @Test
    void noExpectedIsAlwaysTrue() {
        assertTrue(Legacy.expected(null, null).test(Map.of()));
        assertTrue(Legacy.expected(Map.of(), ConditionalOperator.OR).test(Map.of()));
    }

    @Test
    void expectedValidation() {
        String invalid = "One or more parameter values were invalid: ";
        assertValidation(
                invalid + "Value and AttributeValueList cannot be used together for Attribute: age",
                () -> Legacy.expected(
                        Map.of(
                                "age",
                                ExpectedAttributeValue.builder()
                                        .value(n("1"))
                                        .attributeValueList(n("1"))
                                        .comparisonOperator(ComparisonOperator.EQ)
                                        .build()),
                        null));
        assertValidation(
                invalid + "Exists and ComparisonOperator cannot be used together for Attribute: age",
                () -> Legacy.expected(
                        Map.of(
                                "age",
                                ExpectedAttributeValue.builder()
                                        .exists(true)
                                        .comparisonOperator(ComparisonOperator.NOT_NULL)
                                        .build()),
                        null));
        assertValidation(
                invalid + "Value or AttributeValueList must be used with ComparisonOperator: EQ for Attribute: age",
                () -> Legacy.expected(
                        Map.of(
                                "age",
                                ExpectedAttributeValue.builder()
                                        .comparisonOperator(ComparisonOperator.EQ)
                                        .build()),
                        null));
        assertValidation(
                invalid + "AttributeValueList can only be used with a ComparisonOperator for Attribute: age",
                () -> Legacy.expected(
                        Map.of(
                                "age",
                                ExpectedAttributeValue.builder()
                                        .attributeValueList(n("1"))
                                        .build()),
                        null));
        assertValidation(
                invalid + "Value must be provided when Exists is null for Attribute: age",
                () -> Legacy.expected(
                        Map.of("age", ExpectedAttributeValue.builder().build()), null));
        assertValidation(
                invalid + "Value must be provided when Exists is true for Attribute: age",
                () -> Legacy.expected(
                        Map.of(
                                "age",
                                ExpectedAttributeValue.builder().exists(true).build()),
                        null));
        assertValidation(
                invalid + "Value cannot be used when Exists is false for Attribute: age",
                () -> Legacy.expected(
                        Map.of(
                                "age",
                                ExpectedAttributeValue.builder()
                                        .exists(false)
                                        .value(n("1"))
                                        .build()),
                        null));
    }

    @Test
    void unknownEnumValuesAreFrameworkValidationErrors() {
        assertValidation(
                "1 validation error detected: Value 'LIKE' at 'expected.age.member.comparisonOperator' failed to"
                        + " satisfy constraint: Member must satisfy enum value set: [IN, NULL, BETWEEN, LT,"
                        + " NOT_CONTAINS, EQ, GT, NOT_NULL, NE, LE, BEGINS_WITH, GE, CONTAINS]",
                () -> Legacy.expected(
                        Map.of(
                                "age",
                                ExpectedAttributeValue.builder()
                                        .comparisonOperator("LIKE")
                                        .value(n("1"))
                                        .build()),
                        null));
        assertValidation(
                "1 validation error detected: Value 'MERGE' at 'attributeUpdates.a.member.action' failed to satisfy"
                        + " constraint: Member must satisfy enum value set: [ADD, PUT, DELETE]",
                () -> Legacy.attributeUpdates(Map.of(
                        "a",
                        AttributeValueUpdate.builder()
                                .action("MERGE")
                                .value(n("1"))
                                .build())));
    }

    // ---- QueryFilter / ScanFilter -----------------------------------------------------------------------------

    @Test
    void filterOperators() {
        assertTrue(filter("age", cond(ComparisonOperator.EQ, n("30"))));
        assertTrue(filter("age", cond(ComparisonOperator.NE, n("31"))));
        // NE on a missing attribute is true: the values are not equal
        assertTrue(filter("zz", cond(ComparisonOperator.NE, n("31"))));
        assertTrue(filter("age", cond(ComparisonOperator.LE, n("30"))));
        assertFalse(filter("age", cond(ComparisonOperator.LT, n("30"))));
        assertTrue(filter("age", cond(ComparisonOperator.GE, n("30"))));
        assertFalse(filter("age", cond(ComparisonOperator.GT, n("30"))));
        assertTrue(filter("age", cond(ComparisonOperator.NOT_NULL)));
        assertFalse(filter("age", cond(ComparisonOperator.NULL)));
        assertTrue(filter("zz", cond(ComparisonOperator.NULL)));
        assertTrue(filter("title", cond(ComparisonOperator.CONTAINS, s("lic"))));
        assertTrue(filter("tags", cond(ComparisonOperator.CONTAINS, s("red"))));
        // API reference: CONTAINS on a list is true if any member matches exactly
        assertTrue(filter("things", cond(ComparisonOperator.CONTAINS, n("1"))));
        assertTrue(filter("tags", cond(ComparisonOperator.NOT_CONTAINS, s("green"))));
        assertFalse(filter("tags", cond(ComparisonOperator.NOT_CONTAINS, s("red"))));
        // unlike NE, NOT_CONTAINS is false when the attribute is missing
        assertFalse(filter("zz", cond(ComparisonOperator.NOT_CONTAINS, s("red"))));
        assertTrue(filter("title", cond(ComparisonOperator.BEGINS_WITH, s("Al"))));
        assertTrue(filter("age", cond(ComparisonOperator.IN, n("1"), n("30"))));
        assertFalse(filter("age", cond(ComparisonOperator.IN, n("1"))));
        assertTrue(filter("age", cond(ComparisonOperator.BETWEEN, n("30"), n("31"))));
        assertFalse(filter("age", cond(ComparisonOperator.BETWEEN, n("31"), n("32"))));
    }

    @Test
    void filterValidation() {
        String invalid = "One or more parameter values were invalid: ";
        assertValidation(
                invalid + "Invalid number of argument(s) for the EQ ComparisonOperator",
                () -> Legacy.filter("ScanFilter", Map.of("a", cond(ComparisonOperator.EQ)), null));
        assertValidation(
                invalid + "Invalid number of argument(s) for the NULL ComparisonOperator",
                () -> Legacy.filter("ScanFilter", Map.of("a", cond(ComparisonOperator.NULL, n("1"))), null));
        assertValidation(
                invalid + "Invalid number of argument(s) for the BETWEEN ComparisonOperator",
                () -> Legacy.filter("ScanFilter", Map.of("a", cond(ComparisonOperator.BETWEEN, n("1"))), null));
        assertValidation(
                invalid + "Invalid number of argument(s) for the IN ComparisonOperator",
                () -> Legacy.filter("ScanFilter", Map.of("a", cond(ComparisonOperator.IN)), null));
        assertValidation(
                invalid + "AttributeValues inside AttributeValueList must be of same type",
                () -> Legacy.filter("ScanFilter", Map.of("a", cond(ComparisonOperator.IN, n("1"), s("1"))), null));
        assertValidation(
                invalid + "ComparisonOperator GT is not valid for SS AttributeValue type",
                () -> Legacy.filter("ScanFilter", Map.of("a", cond(ComparisonOperator.GT, ss("x"))), null));
        assertValidation(
                invalid + "ComparisonOperator BEGINS_WITH is not valid for N AttributeValue type",
                () -> Legacy.filter("ScanFilter", Map.of("a", cond(ComparisonOperator.BEGINS_WITH, n("1"))), null));
        assertValidation(
                "The BETWEEN condition was provided a range where the lower bound is greater than the upper bound",
                () -> Legacy.filter("ScanFilter", Map.of("a", cond(ComparisonOperator.BETWEEN, n("5"), n("1"))), null));
        assertValidation(
                "1 validation error detected: Value null at 'queryFilter.a.member.comparisonOperator' failed to"
                        + " satisfy constraint: Member must not be null",
                () -> Legacy.filter(
                        "QueryFilter",
                        Map.of(
                                "a",
                                Condition.builder().attributeValueList(n("1")).build()),
                        null));
        assertValidation(
                "1 validation error detected: Value 'LIKE' at 'scanFilter.a.member.comparisonOperator' failed to"
                        + " satisfy constraint: Member must satisfy enum value set: [IN, NULL, BETWEEN, LT,"
                        + " NOT_CONTAINS, EQ, GT, NOT_NULL, NE, LE, BEGINS_WITH, GE, CONTAINS]",
                () -> Legacy.filter(
                        "ScanFilter",
                        Map.of(
                                "a",
                                Condition.builder().comparisonOperator("LIKE").build()),
                        null));
    }

    @Test
    void attributeValueListValues_areValidatedLikeItemValuesBeforeTheOperatorRules() {
        String invalid = "One or more parameter values were invalid: ";
        assertValidation(
                invalid + "An string set  may not be empty",
                () -> Legacy.filter("ScanFilter", Map.of("a", cond(ComparisonOperator.BETWEEN, ss())), null));
        assertValidation(
                "The parameter cannot be converted to a numeric value: abc",
                () -> Legacy.filter("ScanFilter", Map.of("a", cond(ComparisonOperator.EQ, n("abc"))), null));
        assertValidation(
                invalid + "Null attribute value types must have the value of true",
                () -> Legacy.filter(
                        "QueryFilter",
                        Map.of("a", cond(ComparisonOperator.NULL, AttributeValue.fromNul(false))),
                        null));
        assertValidation(
                invalid + "An number set  may not be empty",
                () -> Legacy.keyConditions(Map.of("pk", cond(ComparisonOperator.EQ, ns())), "pk", null));
        assertValidation(
                "Nesting Levels have exceeded supported limits: Attributes in the item have nested levels beyond"
                        + " supported limit",
                () -> Legacy.filter("ScanFilter", Map.of("a", cond(ComparisonOperator.EQ, nested(32))), null));
    }

    @Test
    void expectedValues_areValidatedLikeItemValues() {
        assertValidation(
                "One or more parameter values were invalid: An string set  may not be empty",
                () -> Legacy.expected(
                        Map.of("a", ExpectedAttributeValue.builder().value(ss()).build()), null));
        assertValidation(
                "The parameter cannot be converted to a numeric value: 1x",
                () -> Legacy.expected(
                        Map.of(
                                "a",
                                ExpectedAttributeValue.builder()
                                        .comparisonOperator(ComparisonOperator.IN)
                                        .attributeValueList(n("1"), n("1x"))
                                        .build()),
                        null));
    }

    @Test
    void eqAndNe_takeEveryType_inOperatorsWithAListTheFirstWrongTypeIsNamed() {
        assertTrue(filter("things", cond(ComparisonOperator.EQ, l(s("x"), n("1")))));
        assertTrue(filter("things", cond(ComparisonOperator.NE, m("x", n("1")))));
        assertValidation(
                "One or more parameter values were invalid: ComparisonOperator IN is not valid for M AttributeValue"
                        + " type",
                () -> Legacy.filter(
                        "ScanFilter", Map.of("a", cond(ComparisonOperator.IN, n("1"), m("x", n("1")))), null));
    }

    /** A number wrapped in {@code depth} maps. */
    private static AttributeValue nested(int depth) {
        AttributeValue value = n("1");
        for (int i = 0; i < depth; i++) {
            value = m("x", value);
        }
        return value;
    }

    // ---- KeyConditions ----------------------------------------------------------------------------------------

    @Test
    void keyConditions() {
        Map<String, Condition> conditions = new LinkedHashMap<>();
        conditions.put("pk", cond(ComparisonOperator.EQ, s("p1")));
        conditions.put("sk", cond(ComparisonOperator.BETWEEN, n("1"), n("5")));
        assertEquals(
                new KeyCondition("pk", s("p1"), new SortKeyCondition("sk", SortOp.BETWEEN, n("1"), n("5"))),
                Legacy.keyConditions(conditions, "pk", "sk"));
        assertEquals(
                new KeyCondition("pk", s("p1"), null),
                Legacy.keyConditions(Map.of("pk", cond(ComparisonOperator.EQ, s("p1"))), "pk", "sk"));
    }

    @Test
    void keyConditionsValidation() {
        assertValidation(
                "Attempted conditional constraint is not an indexable operation",
                () -> Legacy.keyConditions(
                        Map.of("pk", cond(ComparisonOperator.EQ, s("p")), "sk", cond(ComparisonOperator.NE, n("1"))),
                        "pk",
                        "sk"));
        assertValidation(
                "Query key condition not supported",
                () -> Legacy.keyConditions(Map.of("pk", cond(ComparisonOperator.GT, s("p"))), "pk", "sk"));
        assertValidation(
                "Query condition missed key schema element: pk",
                () -> Legacy.keyConditions(Map.of("sk", cond(ComparisonOperator.EQ, s("p"))), "pk", "sk"));
        assertValidation("Conditions can be of length 1 or 2 only", () -> Legacy.keyConditions(Map.of(), "pk", "sk"));
        Map<String, Condition> three = new LinkedHashMap<>();
        three.put("pk", cond(ComparisonOperator.EQ, s("p")));
        three.put("sk", cond(ComparisonOperator.EQ, s("p")));
        three.put("x", cond(ComparisonOperator.EQ, s("p")));
        assertValidation("Conditions can be of length 1 or 2 only", () -> Legacy.keyConditions(three, "pk", "sk"));
    }

    // ---- AttributeUpdates -------------------------------------------------------------------------------------

    static AttributeValueUpdate upd(AttributeAction action, AttributeValue value) {
        return AttributeValueUpdate.builder().action(action).value(value).build();
    }

    @Test
    void attributeUpdates() {
        Map<String, AttributeValueUpdate> updates = new LinkedHashMap<>();
        updates.put("title", AttributeValueUpdate.builder().value(s("Bob")).build()); // PUT by default
        updates.put("age", upd(AttributeAction.ADD, n("5")));
        updates.put("tags", upd(AttributeAction.DELETE, ss("red")));
        updates.put("things", upd(AttributeAction.ADD, l(s("y"))));
        updates.put("fresh", upd(AttributeAction.ADD, ns("1")));
        updates.put(
                "pk2",
                AttributeValueUpdate.builder().action(AttributeAction.DELETE).build());
        var out = Legacy.attributeUpdates(updates).apply(ITEM);
        assertEquals(s("Bob"), out.get("title"));
        assertEquals(n("35"), out.get("age"));
        assertEquals(ss("blue"), out.get("tags"));
        // legacy ADD appends to lists (API reference, AttributeValueUpdate)
        assertEquals(l(s("x"), n("1"), s("y")), out.get("things"));
        assertEquals(ns("1"), out.get("fresh"));
        assertEquals(
                Set.of("title", "age", "tags", "things", "fresh", "pk2"),
                Legacy.attributeUpdates(updates).topLevelAttributeNames());
    }

    @Test
    void attributeUpdatesDeleteWithoutValueRemovesAndLastElementRemovesTheSet() {
        var out = Legacy.attributeUpdates(Map.of(
                        "title",
                                AttributeValueUpdate.builder()
                                        .action(AttributeAction.DELETE)
                                        .build(),
                        "tags", upd(AttributeAction.DELETE, ss("red", "blue"))))
                .apply(ITEM);
        assertFalse(out.containsKey("title"));
        assertFalse(out.containsKey("tags"));
    }

    @Test
    void attributeUpdatesValidationAndRuntimeErrors() {
        String invalid = "One or more parameter values were invalid: ";
        assertValidation(
                invalid + "Only DELETE action is allowed when no attribute value is specified",
                () -> Legacy.attributeUpdates(Map.of(
                        "a",
                        AttributeValueUpdate.builder()
                                .action(AttributeAction.PUT)
                                .build())));
        assertValidation(
                invalid + "DELETE action with value is not supported for the type S",
                () -> Legacy.attributeUpdates(Map.of("a", upd(AttributeAction.DELETE, s("x")))));
        assertValidation(
                invalid + "ADD action is not supported for the type M",
                () -> Legacy.attributeUpdates(Map.of("a", upd(AttributeAction.ADD, m("k", s("v"))))));
        assertValidation(
                "Type mismatch for attribute to update",
                () -> Legacy.attributeUpdates(Map.of("title", upd(AttributeAction.ADD, n("1"))))
                        .apply(ITEM));
        assertValidation(
                "Type mismatch for attribute to update",
                () -> Legacy.attributeUpdates(Map.of("tags", upd(AttributeAction.DELETE, ns("1"))))
                        .apply(ITEM));
        assertValidation(
                invalid + "Cannot update attribute pk. This attribute is part of the key",
                () -> Legacy.attributeUpdates(Map.of("pk", upd(AttributeAction.PUT, s("x"))))
                        .checkKeyAttributes(Set.of("pk")));
    }

    // ---- AttributesToGet and mixing -----------------------------------------------------------------------------

    @Test
    void attributesToGetTakesNamesLiterally() {
        var item = item("a.b", s("dotted"), "a", m("b", s("nested")), "name", s("n"));
        assertEquals(
                item("a.b", s("dotted"), "name", s("n")),
                Legacy.attributesToGet(List.of("a.b", "name", "zz")).apply(item));
        assertValidation(
                "One or more parameter values were invalid: Duplicate value in attribute name: a",
                () -> Legacy.attributesToGet(List.of("a", "b", "a")));
    }

    @Test
    void expressionAndLegacyParametersCannotBeMixed() {
        // live DynamoDB (dynamodb.md 7.3)
        assertValidation(
                "Can not use both expression and non-expression parameters in the same request: Non-expression"
                        + " parameters: {Expected} Expression parameters: {ConditionExpression}",
                () -> Legacy.checkNotMixed(List.of("Expected"), List.of("ConditionExpression")));
        assertValidation(
                "Can not use both expression and non-expression parameters in the same request: Non-expression"
                        + " parameters: {AttributesToGet, QueryFilter} Expression parameters: {ProjectionExpression,"
                        + " KeyConditionExpression}",
                () -> Legacy.checkNotMixed(
                        List.of("AttributesToGet", "QueryFilter"),
                        List.of("ProjectionExpression", "KeyConditionExpression")));
        Legacy.checkNotMixed(List.of("Expected"), List.of());
        Legacy.checkNotMixed(List.of(), List.of("ConditionExpression"));
    }
}
