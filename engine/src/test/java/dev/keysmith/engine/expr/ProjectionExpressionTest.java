package dev.keysmith.engine.expr;

import static dev.keysmith.engine.expr.ExprSupport.assertValidation;
import static dev.keysmith.engine.expr.ExprSupport.item;
import static dev.keysmith.engine.expr.ExprSupport.l;
import static dev.keysmith.engine.expr.ExprSupport.m;
import static dev.keysmith.engine.expr.ExprSupport.n;
import static dev.keysmith.engine.expr.ExprSupport.names;
import static dev.keysmith.engine.expr.ExprSupport.s;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class ProjectionExpressionTest {
    static final Map<String, AttributeValue> ITEM = item(
            "pk", s("p1"),
            "title", s("Alice"),
            "name", s("reserved"),
            "a", m("b", l(s("b0"), s("b1"), s("b2")), "c", n("1"), "d", m("e", s("deep"))),
            "seq", l(s("x0"), m("k", s("v"), "j", s("w")), s("x2")));

    static Map<String, AttributeValue> project(String expression) {
        return Expressions.projection(expression, new ExpressionContext(names("#n", "name", "#a", "a"), null))
                .apply(ITEM);
    }

    @Test
    void topLevelAttributesAndMissingOnesAreLeftOut() {
        assertEquals(item("title", s("Alice"), "pk", s("p1")), project("title, pk, absent"));
    }

    @Test
    void nestedPathsKeepTheirStructure() {
        // live DynamoDB via dynalite's tests: "b.c, c[2]" -> {b:{M:{c:...}}, c:{L:[...]}}
        assertEquals(item("a", m("c", n("1"))), project("a.c"));
        assertEquals(item("a", m("b", l(s("b1")))), project("a.b[1]"));
        assertEquals(item("a", m("d", m("e", s("deep")), "c", n("1"))), project("a.d.e, a.c"));
        assertEquals(item("seq", l(m("j", s("w")))), project("seq[1].j"));
    }

    @Test
    void severalIndexesOfOneListComeBackInIndexOrder() {
        assertEquals(item("seq", l(s("x0"), s("x2"))), project("seq[2], seq[0]"));
        assertEquals(item("seq", l(s("x0"))), project("seq[0], seq[7]"));
    }

    @Test
    void pathsThatMatchNothingLeaveNoEmptyContainer() {
        assertEquals(Map.of(), project("a.zz, seq[9], title.x"));
        assertEquals(Map.of(), project("seq.k, a[0]"));
    }

    @Test
    void placeholders() {
        assertEquals(item("name", s("reserved"), "a", m("c", n("1"))), project("#n, #a.c"));
    }

    @Test
    void topLevelAttributeNames() {
        assertEquals(
                Set.of("a", "seq", "name"),
                Expressions.projection("a.b, seq[0], #n", new ExpressionContext(names("#n", "name"), null))
                        .topLevelAttributeNames());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "|The expression can not be empty;",
                // live DynamoDB (dynamodb.md 7.3)
                "!!|Syntax error; token: \"!\", near: \"!!\"",
                "a,|Syntax error; token: \"<EOF>\", near: \",\"",
                "a b|Syntax error; token: \"b\", near: \"a b\"",
                "a.[0]|Syntax error; token: \"[\", near: \".[0\"",
                ":v|Syntax error; token: \":v\", near: \":v\"",
                "size(a)|Syntax error; token: \"(\", near: \"size(a\"",
                "name|Attribute name is a reserved keyword; reserved keyword: name",
                "#zz|An expression attribute name used in the document path is not defined; attribute name: #zz",
                "a, a.b|Two document paths overlap with each other; must remove or rewrite one of these paths; path"
                        + " one: [a], path two: [a, b]",
                "a.b, a|Two document paths overlap with each other; must remove or rewrite one of these paths; path"
                        + " one: [a, b], path two: [a]",
                "title, title|Two document paths overlap with each other; must remove or rewrite one of these paths;"
                        + " path one: [title], path two: [title]",
                "a.b, a[0]|Two document paths conflict with each other; must remove or rewrite one of these paths;"
                        + " path one: [a, b], path two: [a, [0]]",
            })
    void errors(String expression, String message) {
        assertValidation(
                "Invalid ProjectionExpression: " + message,
                () -> Expressions.projection(
                        expression == null ? "" : expression, new ExpressionContext(names("#n", "name"), null)));
    }
}
