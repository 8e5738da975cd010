package dev.keysmith.engine.expr;

import static dev.keysmith.engine.expr.ExprSupport.assertValidation;
import static dev.keysmith.engine.expr.ExprSupport.n;
import static dev.keysmith.engine.expr.ExprSupport.names;
import static dev.keysmith.engine.expr.ExprSupport.values;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ExpressionContextTest {
    @Test
    void emptyMapsAreRejected() {
        assertValidation("ExpressionAttributeNames must not be empty", () -> new ExpressionContext(Map.of(), null));
        assertValidation("ExpressionAttributeValues must not be empty", () -> new ExpressionContext(null, Map.of()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"a", "#", "#a-b", "#a b", ":a", "##a"})
    void invalidNameKeys(String key) {
        assertValidation(
                "ExpressionAttributeNames contains invalid key: Syntax error; key: \"" + key + "\"",
                () -> new ExpressionContext(names(key, "x"), null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"a", ":", ":a.b", "#a", ": a"})
    void invalidValueKeys(String key) {
        assertValidation(
                "ExpressionAttributeValues contains invalid key: Syntax error; key: \"" + key + "\"",
                () -> new ExpressionContext(null, values(key, n("1"))));
    }

    @Test
    void unusedPlaceholdersAreReportedAfterAllExpressions() {
        // live DynamoDB: "Value provided in ExpressionAttributeNames unused in expressions: keys: {#unused}"
        var ctx = new ExpressionContext(
                names("#a", "a", "#unused", "u", "#b", "b", "#_0", "z"), values(":v", n("1"), ":w", n("2")));
        Expressions.condition("ConditionExpression", "#a = :v", ctx);
        Expressions.projection("#b", ctx);
        assertValidation(
                "Value provided in ExpressionAttributeNames unused in expressions: keys: {#unused, #_0}",
                ctx::checkAllUsed);
    }

    @Test
    void unusedValuesAreReportedAfterNames() {
        var ctx = new ExpressionContext(names("#a", "a"), values(":v", n("1"), ":unused", n("2")));
        Expressions.update("SET #a = :v", ctx);
        assertValidation(
                "Value provided in ExpressionAttributeValues unused in expressions: keys: {:unused}",
                ctx::checkAllUsed);
    }

    @Test
    void everythingUsedAcrossExpressionsPasses() {
        var ctx = new ExpressionContext(names("#a", "a", "#b", "b"), values(":v", n("1"), ":w", n("2")));
        Expressions.update("SET #a = :v", ctx);
        Expressions.condition("ConditionExpression", "#b = :w", ctx);
        ctx.checkAllUsed();
        new ExpressionContext(null, null).checkAllUsed();
    }
}
