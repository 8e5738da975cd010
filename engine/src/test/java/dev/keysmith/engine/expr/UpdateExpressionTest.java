package dev.keysmith.engine.expr;

import static dev.keysmith.engine.expr.ExprSupport.assertValidation;
import static dev.keysmith.engine.expr.ExprSupport.item;
import static dev.keysmith.engine.expr.ExprSupport.l;
import static dev.keysmith.engine.expr.ExprSupport.m;
import static dev.keysmith.engine.expr.ExprSupport.n;
import static dev.keysmith.engine.expr.ExprSupport.names;
import static dev.keysmith.engine.expr.ExprSupport.ns;
import static dev.keysmith.engine.expr.ExprSupport.s;
import static dev.keysmith.engine.expr.ExprSupport.ss;
import static dev.keysmith.engine.expr.ExprSupport.values;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keysmith.engine.value.AttributeValues;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class UpdateExpressionTest {
    static final Map<String, AttributeValue> ITEM = item(
            "pk", s("p1"),
            "count", n("5"),
            "title", s("Alice"),
            "tags", ss("red", "blue"),
            "nums", ns("1", "2"),
            "seq", l(s("a"), s("b"), s("c"), s("d")),
            "doc", m("nested", s("v"), "deep", m("x", n("1")), "arr", l(n("10"), n("20"))));

    static final Map<String, AttributeValue> VALUES = values(
            ":one", n("1"),
            ":two", n("2"),
            ":x", s("x"),
            ":y", s("y"),
            ":tail", l(s("e")),
            ":head", l(s("z")),
            ":green", ss("green"),
            ":red", ss("red"),
            ":redblue", ss("red", "blue"),
            ":n2", ns("2"),
            ":map", m("k", s("v")),
            ":yes", AttributeValue.fromBool(true),
            ":nul", AttributeValue.fromNul(true));

    static Update update(String expression) {
        return Expressions.update(expression, new ExpressionContext(names("#c", "count", "#n", "name"), VALUES));
    }

    static Map<String, AttributeValue> apply(String expression) {
        return apply(expression, ITEM);
    }

    static Map<String, AttributeValue> apply(String expression, Map<String, AttributeValue> existing) {
        return update(expression).apply(existing);
    }

    static void assertAttr(@Nullable AttributeValue expected, Map<String, AttributeValue> item, String name) {
        AttributeValue actual = item.get(name);
        assertTrue(
                expected == null ? actual == null : AttributeValues.equal(expected, actual),
                () -> name + ": expected " + expected + " but was " + actual);
    }

    static void assertError(String message, String expression) {
        assertValidation(message, () -> update(expression));
    }

    static void assertApplyError(String message, String expression) {
        assertValidation(message, () -> apply(expression));
    }

    // ---- SET -------------------------------------------------------------------------------------------------

    @Test
    void setReplacesAndCreatesTopLevelAttributes() {
        var out = apply("SET title = :x, fresh = :y");
        assertAttr(s("x"), out, "title");
        assertAttr(s("y"), out, "fresh");
        assertAttr(s("p1"), out, "pk");
        // the input item is not modified
        assertAttr(s("Alice"), ITEM, "title");
    }

    @Test
    void setOnAMissingItemStartsFromTheKey() {
        var out = apply("SET title = :x", item("pk", s("p2")));
        assertEquals(item("pk", s("p2"), "title", s("x")), out);
    }

    @Test
    void setNestedMapKeysAndListElements() {
        var out = apply("SET doc.nested = :x, doc.added = :y, doc.arr[0] = :one, seq[1] = :x");
        assertAttr(m("nested", s("x"), "deep", m("x", n("1")), "arr", l(n("1"), n("20")), "added", s("y")), out, "doc");
        assertAttr(l(s("a"), s("x"), s("c"), s("d")), out, "seq");
    }

    @Test
    void setPastTheEndOfAListAppendsInIndexOrder() {
        // developer guide: "If you use SET to add a list element past the end, DynamoDB adds it at the next index"
        assertAttr(l(s("a"), s("b"), s("c"), s("d"), s("x")), apply("SET seq[10] = :x"), "seq");
        assertAttr(l(s("a"), s("b"), s("c"), s("d"), s("y"), s("x")), apply("SET seq[9] = :x, seq[7] = :y"), "seq");
    }

    @Test
    void setFromOtherAttributesUsesTheItemBeforeTheUpdate() {
        var out = apply("SET title = doc.nested, dup = title, doc.nested = :x");
        assertAttr(s("v"), out, "title");
        assertAttr(s("Alice"), out, "dup");
    }

    @Test
    void arithmeticOnNumbers() {
        assertAttr(n("6"), apply("SET #c = #c + :one"), "count");
        assertAttr(n("3"), apply("SET #c = #c - :two"), "count");
        assertAttr(n("-4"), apply("SET #c = :one - #c"), "count");
        assertAttr(n("10"), apply("SET #c = #c + #c"), "count");
        assertAttr(n("3"), apply("SET tot = (:one + :two)"), "tot");
        assertAttr(n("6"), apply("SET #c = (#c) + (:one)"), "count");
        assertAttr(n("6"), apply("SET #c = ((#c) + (:one))"), "count");
        assertAttr(n("6"), apply("SET #c = ((#c)) + :one"), "count");
    }

    @Test
    void arithmeticIsExact() {
        var ctx = new ExpressionContext(
                null,
                values(
                        ":a", n("0.1"),
                        ":b", n("0.2"),
                        ":big", n("99999999999999999999999999999999999999"),
                        ":one", n("1")));
        assertEquals(
                "0.3",
                Expressions.update(
                                "SET r = :a + :b", new ExpressionContext(null, values(":a", n("0.1"), ":b", n("0.2"))))
                        .apply(Map.of())
                        .get("r")
                        .n());
        var out = Expressions.update("SET r = :big + :one, s = :a - :b", ctx).apply(Map.of());
        assertEquals("100000000000000000000000000000000000000", out.get("r").n());
        assertEquals("-0.1", out.get("s").n());
    }

    @Test
    void arithmeticRespectsTheNumberLimits() {
        assertValidation(
                "Attempting to store more than 38 significant digits in a Number",
                () -> Expressions.update(
                                "SET r = :a + :b",
                                new ExpressionContext(
                                        null,
                                        values(":a", n("12345678901234567890123456789012345678"), ":b", n("0.1"))))
                        .apply(Map.of()));
        assertValidation(
                "Number overflow. Attempting to store a number with magnitude larger than supported range",
                () -> Expressions.update(
                                "SET r = :a + :b",
                                new ExpressionContext(
                                        null,
                                        values(
                                                ":a", n("9.9999999999999999999999999999999999999E+125"),
                                                ":b", n("1E+125"))))
                        .apply(Map.of()));
        assertValidation(
                "Number underflow. Attempting to store a number with magnitude smaller than supported range",
                () -> Expressions.update(
                                "SET r = :a - :b",
                                new ExpressionContext(null, values(":a", n("1.1E-130"), ":b", n("1E-130"))))
                        .apply(Map.of()));
    }

    @Test
    void ifNotExists() {
        assertAttr(n("5"), apply("SET #c = if_not_exists(#c, :one)"), "count");
        assertAttr(n("1"), apply("SET fresh = if_not_exists(fresh, :one)"), "fresh");
        assertAttr(n("2"), apply("SET fresh = if_not_exists(fresh, :one) + :one"), "fresh");
        assertAttr(
                n("1"),
                apply("SET doc.fresh = if_not_exists(doc.fresh, :one)")
                        .get("doc")
                        .m(),
                "fresh");
    }

    @Test
    void listAppend() {
        assertAttr(l(s("a"), s("b"), s("c"), s("d"), s("e")), apply("SET seq = list_append(seq, :tail)"), "seq");
        // swap the arguments to prepend (developer guide)
        assertAttr(l(s("z"), s("a"), s("b"), s("c"), s("d")), apply("SET seq = list_append(:head, seq)"), "seq");
        assertAttr(l(s("z"), s("e")), apply("SET fresh = list_append(if_not_exists(fresh, :head), :tail)"), "fresh");
    }

    @Test
    void setRuntimeErrors() {
        assertApplyError(
                "The provided expression refers to an attribute that does not exist in the item", "SET title = absent");
        assertApplyError(
                "The provided expression refers to an attribute that does not exist in the item",
                "SET #c = absent + :one");
        assertApplyError(
                "The provided expression refers to an attribute that does not exist in the item",
                "SET seq = list_append(absent, :tail)");
        assertApplyError("An operand in the update expression has an incorrect data type", "SET #c = title + :one");
        assertApplyError(
                "An operand in the update expression has an incorrect data type",
                "SET seq = list_append(title, :tail)");
        assertApplyError(
                "The document path provided in the update expression is invalid for update", "SET absent.x = :x");
        assertApplyError(
                "The document path provided in the update expression is invalid for update", "SET title.x = :x");
        assertApplyError(
                "The document path provided in the update expression is invalid for update", "SET title[0] = :x");
        assertApplyError(
                "The document path provided in the update expression is invalid for update", "SET doc.absent.x = :x");
        assertApplyError(
                "The document path provided in the update expression is invalid for update", "SET seq[9].x = :x");
    }

    // ---- REMOVE ----------------------------------------------------------------------------------------------

    @Test
    void removeAttributesAndNestedElements() {
        var out = apply("REMOVE title, doc.nested, absent, doc.absent");
        assertFalse(out.containsKey("title"));
        assertAttr(m("deep", m("x", n("1")), "arr", l(n("10"), n("20"))), out, "doc");
    }

    @Test
    void removeListElementsShiftsTheRest() {
        assertAttr(l(s("a"), s("c"), s("d")), apply("REMOVE seq[1]"), "seq");
        // indexes refer to the seq before the update: elements 0 and 2 are a and c
        assertAttr(l(s("b"), s("d")), apply("REMOVE seq[0], seq[2]"), "seq");
        assertAttr(l(s("b"), s("d")), apply("REMOVE seq[2], seq[0]"), "seq");
        assertAttr(l(s("a"), s("b"), s("c"), s("d")), apply("REMOVE seq[9]"), "seq");
    }

    @Test
    void removeUnderAMissingParentIsInvalid() {
        // DynamoDB rejects REMOVE x.y unless x exists (scylladb issue 10043, checked against DynamoDB)
        assertApplyError(
                "The document path provided in the update expression is invalid for update", "REMOVE absent.x");
        assertApplyError(
                "The document path provided in the update expression is invalid for update", "REMOVE doc.absent.x");
        assertApplyError(
                "The document path provided in the update expression is invalid for update", "REMOVE seq[9].x");
    }

    @Test
    void removeThroughAValueOfTheWrongTypeIsInvalid() {
        assertApplyError("The document path provided in the update expression is invalid for update", "REMOVE title.x");
        assertApplyError("The document path provided in the update expression is invalid for update", "REMOVE doc[0]");
    }

    // ---- ADD and DELETE --------------------------------------------------------------------------------------

    @Test
    void addNumbersAndSets() {
        assertAttr(n("6"), apply("ADD #c :one"), "count");
        // ADD creates a missing number starting from 0 (developer guide)
        assertAttr(n("2"), apply("ADD fresh :two"), "fresh");
        assertAttr(ss("red", "blue", "green"), apply("ADD tags :green"), "tags");
        assertAttr(ss("red", "blue"), apply("ADD tags :red"), "tags");
        assertAttr(ss("green"), apply("ADD fresh :green"), "fresh");
        assertAttr(ns("1", "2"), apply("ADD nums :n2"), "nums");
        assertAttr(
                m("nested", s("v"), "deep", m("x", n("3")), "arr", l(n("10"), n("20"))),
                apply("ADD doc.deep.x :two"),
                "doc");
    }

    @Test
    void addOfAnotherTypeIsAnOperandError() {
        assertApplyError("An operand in the update expression has an incorrect data type", "ADD title :one");
        assertApplyError("An operand in the update expression has an incorrect data type", "ADD tags :n2");
        assertApplyError("An operand in the update expression has an incorrect data type", "ADD #c :green");
    }

    @Test
    void deleteSetElements() {
        assertAttr(ss("blue"), apply("DELETE tags :red"), "tags");
        assertAttr(ss("red", "blue"), apply("DELETE tags :green"), "tags");
        // removing the last elements removes the attribute (a set cannot be empty)
        assertFalse(apply("DELETE tags :redblue").containsKey("tags"));
        assertFalse(apply("DELETE absent :red").containsKey("absent"));
        assertAttr(ns("1"), apply("DELETE nums :n2"), "nums");
        assertApplyError("An operand in the update expression has an incorrect data type", "DELETE title :red");
        assertApplyError("An operand in the update expression has an incorrect data type", "DELETE nums :red");
    }

    @Test
    void allClausesTogetherInAnyOrderAndCase() {
        var out = apply("delete tags :red add #c :one remove title set fresh = :x");
        assertAttr(ss("blue"), out, "tags");
        assertAttr(n("6"), out, "count");
        assertFalse(out.containsKey("title"));
        assertAttr(s("x"), out, "fresh");
    }

    // ---- static checks ---------------------------------------------------------------------------------------

    @Test
    void emptyExpression() {
        assertError("Invalid UpdateExpression: The expression can not be empty;", "");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                // both verbatim from live DynamoDB replies (dynoxide issue 12, aws-cdk issue 7591)
                "INVALID SYNTAX HERE|INVALID|INVALID SYNTAX",
                "ADD hits : incr|:|hits : incr",
                "SET|<EOF>|SET",
                "SET a|<EOF>|a",
                "SET a = |<EOF>|=",
                "SET a = :x,|<EOF>|,",
                "SET a = :x REMOVE|<EOF>|REMOVE",
                "SET a + :x|+|a + :x",
                "SET a = :x + :y + :x|+|:y + :x",
                "SET a = b c|c|b c",
                "REMOVE a = :x|=|a = :x",
                "ADD a b|b|a b",
                "DELETE a|<EOF>|a",
                "SET a = (:x|<EOF>|:x",
                "SET a = ((:x + :y))|+|:x + :y",
                "SET a-b = :x|-|a-b",
                "SET a = :x AND b = :y|AND|:x AND b",
                // names start with a letter: the scylladb suite records DynamoDB's reply for this one
                "SET _123 = :x|_|SET _123",
                "SET a = _f(b)|_|= _f",
                "SET 1a = :x|1|SET 1a",
                "SET a = if_not_exists(b, :x + :y)|+|:x + :y",
                "SET a[:x] = :y|:x|[:x]",
                "SET :x = :y|:x|SET :x =",
            })
    void syntaxErrors(String expression, String token, String near) {
        assertError(
                "Invalid UpdateExpression: Syntax error; token: \"" + token + "\", near: \"" + near + "\"", expression);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "SET a = :x SET b = :y|The \"SET\" section can only be used once in an update expression;",
                "remove a Remove b|The \"REMOVE\" section can only be used once in an update expression;",
                "ADD a :one ADD b :one|The \"ADD\" section can only be used once in an update expression;",
                "DELETE a :red DELETE b :red|The \"DELETE\" section can only be used once in an update expression;",
                "SET a = :x REMOVE a.b|Two document paths overlap with each other; must remove or rewrite one of"
                        + " these paths; path one: [a], path two: [a, b]",
                "SET a = :x, a = :y|Two document paths overlap with each other; must remove or rewrite one of these"
                        + " paths; path one: [a], path two: [a]",
                "REMOVE a.b[1].c ADD a.b :one|Two document paths overlap with each other; must remove or rewrite one"
                        + " of these paths; path one: [a, b, [1], c], path two: [a, b]",
                "SET a.b = :x REMOVE a[0]|Two document paths conflict with each other; must remove or rewrite one of"
                        + " these paths; path one: [a, b], path two: [a, [0]]",
                "SET #c = :x REMOVE count2, #c|Two document paths overlap with each other; must remove or rewrite"
                        + " one of these paths; path one: [count], path two: [count]",
                "SET a = size(b)|Invalid function name; function: size",
                "SET a = If_Not_Exists(a, :x)|Invalid function name; function: If_Not_Exists",
                "SET a = if_not_exists(:x, :y)|Operator or function requires a document path; operator or"
                        + " function: if_not_exists",
                "SET a = if_not_exists(a)|Incorrect number of operands for operator or function; operator or"
                        + " function: if_not_exists, number of operands: 1",
                "SET a = list_append(a, :x, :y)|Incorrect number of operands for operator or function; operator or"
                        + " function: list_append, number of operands: 3",
                "SET a = list_append(a, :x)|Incorrect operand type for operator or function; operator or function:"
                        + " list_append, operand type: S",
                "SET a = list_append(list_append(a, :tail), :tail)|The function is not allowed to be used this way"
                        + " in an expression; function: list_append",
                "SET a = :x + :one|Incorrect operand type for operator or function; operator or function: +,"
                        + " operand type: S",
                "SET a = a - :tail|Incorrect operand type for operator or function; operator or function: -,"
                        + " operand type: L",
                "ADD a :x|Incorrect operand type for operator or function; operator: ADD, operand type: STRING,"
                        + " typeSet: ALLOWED_FOR_ADD_OPERAND",
                "ADD a :tail|Incorrect operand type for operator or function; operator: ADD, operand type: LIST,"
                        + " typeSet: ALLOWED_FOR_ADD_OPERAND",
                "ADD a :map|Incorrect operand type for operator or function; operator: ADD, operand type: MAP,"
                        + " typeSet: ALLOWED_FOR_ADD_OPERAND",
                "ADD a :yes|Incorrect operand type for operator or function; operator: ADD, operand type: BOOLEAN,"
                        + " typeSet: ALLOWED_FOR_ADD_OPERAND",
                "ADD a :nul|Incorrect operand type for operator or function; operator: ADD, operand type: NULL,"
                        + " typeSet: ALLOWED_FOR_ADD_OPERAND",
                "DELETE a :one|Incorrect operand type for operator or function; operator: DELETE, operand type:"
                        + " NUMBER, typeSet: ALLOWED_FOR_DELETE_OPERAND",
                "SET name = :x|Attribute name is a reserved keyword; reserved keyword: name",
                "SET a = :undefined|An expression attribute value used in expression is not defined; attribute"
                        + " value: :undefined",
                "SET #undefined = :x|An expression attribute name used in the document path is not defined;"
                        + " attribute name: #undefined",
            })
    void semanticErrors(String expression, String message) {
        assertError("Invalid UpdateExpression: " + message, expression);
    }

    @Test
    void errorPriorityFollowsDynamoDb() {
        // reserved words first, then unknown functions, then repeated sections, then undefined names and values,
        // then path overlaps, then operand types (dynalite's order, recorded against DynamoDB)
        assertError(
                "Invalid UpdateExpression: Attribute name is a reserved keyword; reserved keyword: name",
                "SET a = foo(b) SET name = :undefined");
        assertError("Invalid UpdateExpression: Invalid function name; function: foo", "SET a = foo(b) SET c = :x");
        assertError(
                "Invalid UpdateExpression: The \"SET\" section can only be used once in an update expression;",
                "SET a = :undefined SET a = :x");
        assertError(
                "Invalid UpdateExpression: An expression attribute name used in the document path is not defined;"
                        + " attribute name: #undefined",
                "SET a = :undefined, #undefined = :x");
        assertError(
                "Invalid UpdateExpression: Two document paths overlap with each other; must remove or rewrite one of"
                        + " these paths; path one: [a], path two: [a]",
                "ADD a :x, a :x");
    }

    @Test
    void atMost300OperatorsAndFunctions() {
        var actions = new StringBuilder("SET ");
        for (int i = 0; i < 300; i++) {
            actions.append(i == 0 ? "" : ",").append("a").append(i).append("=:o+:o");
        }
        var ctx = values(":o", n("1"));
        assertEquals(
                n("2"),
                Expressions.update(actions.toString(), new ExpressionContext(null, ctx))
                        .apply(Map.of())
                        .get("a299"));
        assertValidation(
                "Invalid UpdateExpression: The expression contains too many operators; operator count: 301",
                () -> Expressions.update(actions + ",b=if_not_exists(b,:o)", new ExpressionContext(null, ctx)));
    }

    @Test
    void keyAttributesCannotBeUpdated() {
        assertValidation(
                "One or more parameter values were invalid: Cannot update attribute pk. This attribute is part of the"
                        + " key",
                () -> update("SET title = :x, pk = :y").checkKeyAttributes(Set.of("pk", "sk")));
        assertValidation(
                "One or more parameter values were invalid: Cannot update attribute sk. This attribute is part of the"
                        + " key",
                () -> update("REMOVE sk").checkKeyAttributes(Set.of("pk", "sk")));
        update("SET title = pk").checkKeyAttributes(Set.of("pk", "sk"));
    }

    @Test
    void topLevelAttributeNamesIncludeReadsAndWrites() {
        assertEquals(
                Set.of("a", "b", "count", "c", "d", "e", "f"),
                update("SET a = b + :one, #c = if_not_exists(c, :one) REMOVE d ADD e.x :one DELETE f :red")
                        .topLevelAttributeNames());
    }

    @Test
    void namePlaceholdersMayStartWithDigitsOrUnderscores() {
        var ctx = new ExpressionContext(names("#123", "odd name.#=", "#_", "u"), values(":_1", n("1")));
        var out = Expressions.update("SET #123 = :_1, #_ = :_1", ctx).apply(Map.of());
        assertEquals(Map.of("odd name.#=", n("1"), "u", n("1")), out);
    }

    @Test
    void placeholderNamesResolveToTheirAttribute() {
        var out = Expressions.update("SET #n = :x", new ExpressionContext(names("#n", "name"), values(":x", s("x"))))
                .apply(Map.of());
        assertEquals(Map.of("name", s("x")), out);
    }
}
