package dev.keysmith.engine.expr;

import static dev.keysmith.engine.expr.ExprSupport.assertValidation;
import static dev.keysmith.engine.expr.ExprSupport.b;
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

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class ConditionExpressionTest {
    static final Map<String, AttributeValue> ITEM = item(
            "pk", s("p1"),
            "title", s("Alice"),
            "age", n("30"),
            "tags", ss("red", "blue"),
            "nums", ns("1", "2.5"),
            "bin", b(1, 2, 3),
            "things", l(s("x"), n("1")),
            "doc", m("nested", s("v"), "deep", m("x", n("1"))),
            "flag", AttributeValue.fromBool(true),
            "nothing", AttributeValue.fromNul(true),
            "blank", s(""));

    /** Values used across tests. */
    static final Map<String, AttributeValue> VALUES = values(
            ":n30", n("30"),
            ":n30f", n("30.00"),
            ":n10", n("10"),
            ":n40", n("40"),
            ":n1", n("1"),
            ":n2", n("2"),
            ":n3", n("3"),
            ":n5", n("5"),
            ":s30", s("30"),
            ":alice", s("Alice"),
            ":al", s("Al"),
            ":lic", s("lic"),
            ":red", s("red"),
            ":x", s("x"),
            ":b12", b(1, 2),
            ":b13", b(1, 3),
            ":b23", b(2, 3),
            ":green", s("green"),
            ":num2", n("2.50"),
            ":tS", s("S"),
            ":tN", s("N"),
            ":tSS", s("SS"),
            ":tNS", s("NS"),
            ":tB", s("B"),
            ":tL", s("L"),
            ":tM", s("M"),
            ":tBOOL", s("BOOL"),
            ":tNULL", s("NULL"),
            ":bad", s("STRING"),
            ":true", AttributeValue.fromBool(true),
            ":list", l(n("1")));

    static boolean eval(String expression) {
        return eval(expression, ITEM);
    }

    static boolean eval(String expression, Map<String, AttributeValue> item) {
        var ctx = new ExpressionContext(names("#n", "title", "#d", "doc", "#i", "things"), VALUES);
        return Expressions.condition("ConditionExpression", expression, ctx).test(item);
    }

    static void assertError(String message, String expression) {
        assertError(message, expression, VALUES);
    }

    static void assertError(String message, String expression, @Nullable Map<String, AttributeValue> values) {
        assertValidation(
                message,
                () -> Expressions.condition(
                        "ConditionExpression", expression, new ExpressionContext(names("#n", "title"), values)));
    }

    // ---- comparisons ----------------------------------------------------------------------------------------

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "age = :n30|true",
                // numbers compare by value, not by text
                "age = :n30f|true",
                "age <> :n30|false",
                "age < :n40|true",
                "age <= :n30|true",
                "age > :n10|true",
                "age >= :n40|false",
                ":n10 < age|true",
                "title = :alice|true",
                "title < :al|false",
                "bin < :b13|true",
                "bin > :b12|true",
                "age = :list|false",
                "age <> :list|true",
                "things < :n1|false",
                "doc >= :n1|false",
                // a type mismatch is not an error: the comparison is false, and <> is true
                "age = :s30|false",
                "age < :s30|false",
                "age <> :s30|true",
                // an absent attribute: = and < are false, <> is true
                "absent = :n30|false",
                "absent < :n30|false",
                "absent <> :n30|true",
                // sets compare without order; lists and maps by content
                "tags = tags2|false",
                "doc.nested = :x|false",
                "doc.deep.x = :n1|true",
                "things[1] = :n1|true",
                "things[0] = :x|true",
                "things[5] = :x|false",
                "#d.#n = :x|false",
                "#n = :alice|true",
                "#i[0] = :x|true",
                // nested path through a non-map is simply absent
                "title.x = :x|false",
            })
    void comparisons(String expression, boolean expected) {
        assertEquals(expected, eval(expression));
    }

    @Test
    void stringsCompareByUtf8BytesNotUtf16Units() {
        // U+FFFF is EF BF BF in UTF-8 and U+1F600 is F0 9F 98 80: U+FFFF sorts first by bytes (but last by UTF-16).
        var ctx = new ExpressionContext(null, values(":a", s("\uFFFF"), ":b", s("\uD83D\uDE00")));
        var item = item("v", s("\uFFFF"));
        assertTrue(Expressions.condition("ConditionExpression", "v < :b", ctx).test(item));
    }

    @Test
    void setsAreEqualRegardlessOfOrder() {
        var ctx = new ExpressionContext(null, values(":s", ss("blue", "red")));
        assertTrue(
                Expressions.condition("ConditionExpression", "tags = :s", ctx).test(ITEM));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "age BETWEEN :n10 AND :n40|true",
                "age between :n30 and :n30|true",
                "age BETWEEN :n40 AND :n40|false",
                "title BETWEEN :al AND :alice|true",
                "absent BETWEEN :n10 AND :n40|false",
                "age BETWEEN :s30 AND :s30|false",
                "age IN (:n10, :n30)|true",
                "age in (:n10)|false",
                "title IN (:alice)|true",
                "absent IN (:n30)|false",
                "nums IN (:n1)|false",
            })
    void betweenAndIn(String expression, boolean expected) {
        assertEquals(expected, eval(expression));
    }

    // ---- functions -------------------------------------------------------------------------------------------

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "attribute_exists(age)|true",
                "attribute_exists(absent)|false",
                "attribute_exists(doc.deep.x)|true",
                "attribute_exists(things[1])|true",
                "attribute_exists(things[2])|false",
                "attribute_exists(nothing)|true",
                "attribute_not_exists(absent)|true",
                "attribute_not_exists(doc.nested)|false",
                "attribute_type(title, :tS)|true",
                "attribute_type(age, :tN)|true",
                "attribute_type(age, :tS)|false",
                "attribute_type(tags, :tSS)|true",
                "attribute_type(nums, :tNS)|true",
                "attribute_type(bin, :tB)|true",
                "attribute_type(things, :tL)|true",
                "attribute_type(doc, :tM)|true",
                "attribute_type(flag, :tBOOL)|true",
                "attribute_type(nothing, :tNULL)|true",
                "attribute_type(absent, :tNULL)|false",
                // DynamoDB also accepts a value as the first operand
                "attribute_type(:n1, :tN)|true",
                "attribute_type(size(title), :tN)|true",
                "begins_with(title, :al)|true",
                "begins_with(title, :lic)|false",
                "begins_with(bin, :b12)|true",
                "begins_with(bin, :b13)|false",
                "begins_with(age, :al)|false",
                "begins_with(absent, :al)|false",
                // contains: substring of a String
                "contains(title, :lic)|true",
                "contains(title, :x)|false",
                // membership in a set of the operand's type
                "contains(tags, :red)|true",
                "contains(tags, :green)|false",
                // number sets compare by value: 2.50 is 2.5
                "contains(nums, :num2)|true",
                "contains(nums, :red)|false",
                // element of a list
                "contains(things, :x)|true",
                "contains(things, :n1)|true",
                "contains(things, :red)|false",
                "contains(doc, :x)|false",
                // a Binary contains a byte subsequence
                "contains(bin, :b23)|true",
                "contains(bin, :b13)|false",
                "contains(absent, :x)|false",
            })
    void functions(String expression, boolean expected) {
        assertEquals(expected, eval(expression));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "size(title) = :n5|true",
                "size(bin) = :n3|true",
                "size(tags) = :n2|true",
                "size(nums) = :n2|true",
                "size(things) = :n2|true",
                "size(doc) = :n2|true",
                "size(doc.deep) = :n1|true",
                "size(blank) < :n1|true",
                // numbers, booleans and NULL have no size: the comparison is false, not an error
                "size(age) > :n1|false",
                "size(age) <> :n1|true",
                "size(flag) = :n1|false",
                "size(absent) = :n1|false",
                ":n1 < size(title)|true",
                "size(title) BETWEEN :n1 AND :n5|true",
            })
    void size(String expression, boolean expected) {
        assertEquals(expected, eval(expression));
    }

    @Test
    void sizeOfAStringCountsUtf16CodeUnits() {
        // Real DynamoDB: size("é𝄞") = 3 (é is one unit, 𝄞 a surrogate pair), not 6 UTF-8 bytes.
        var ctx = new ExpressionContext(null, values(":three", n("3")));
        var item = item("s", s("é\uD834\uDD1E"));
        assertTrue(Expressions.condition("ConditionExpression", "size(s) = :three", ctx)
                .test(item));
    }

    // ---- logic and precedence --------------------------------------------------------------------------------

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "age = :n30 AND title = :alice|true",
                "age = :n30 AND title = :x|false",
                "age = :n10 OR title = :alice|true",
                "NOT age = :n10|true",
                "NOT age = :n30|false",
                "not not age = :n30|true",
                // AND binds tighter than OR: true OR (false AND false)
                "age = :n30 OR age = :n10 AND age = :n40|true",
                // (true OR false) AND false
                "(age = :n30 OR age = :n10) AND age = :n40|false",
                // NOT binds tighter than AND: (NOT false) AND true
                "NOT age = :n10 AND age = :n30|true",
                // NOT binds tighter than OR: (NOT true) OR true
                "NOT age = :n30 OR age = :n30|true",
                "NOT (age = :n30 OR age = :n30)|false",
                "(age = :n30)|true",
                "(age) = :n30|true",
                "(age) BETWEEN (:n10) AND (:n40)|true",
                "((age = :n30) AND (title = :alice))|true",
                "attribute_exists(age) AND NOT attribute_exists(absent)|true",
                "age=:n30 and(title=:alice)|true",
                "age = :n30 Or age = :n10|true",
            })
    void logic(String expression, boolean expected) {
        assertEquals(expected, eval(expression));
    }

    @Test
    void topLevelAttributeNamesAreResolved() {
        var ctx = new ExpressionContext(names("#d", "doc"), VALUES);
        var c = Expressions.condition(
                "FilterExpression", "#d.nested = :x AND size(things) > :n1 OR attribute_exists(tags[0])", ctx);
        assertEquals(Set.of("doc", "things", "tags"), c.topLevelAttributeNames());
    }

    @Test
    void placeholdersSubstituteOnePathElementEach() {
        var ctx = new ExpressionContext(names("#a", "doc.nested"), values(":x", s("v")));
        // "#a" names the top-level attribute "doc.nested", not the path doc.nested
        assertFalse(Expressions.condition("ConditionExpression", "#a = :x", ctx).test(ITEM));
        assertTrue(Expressions.condition("ConditionExpression", "#a = :x", ctx).test(item("doc.nested", s("v"))));
    }

    // ---- errors ----------------------------------------------------------------------------------------------

    @Test
    void emptyExpression() {
        assertError("Invalid ConditionExpression: The expression can not be empty;", "");
    }

    @Test
    void filterKindAppearsInMessages() {
        assertValidation(
                "Invalid FilterExpression: The expression can not be empty;",
                () -> Expressions.condition("FilterExpression", "", new ExpressionContext(null, null)));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                // live DynamoDB (aws-sdk-net issue 2528): keywords are global, so ADD cannot start a condition
                "ADD #v :i|ADD|ADD #v",
                "age =|<EOF>|=",
                "age = :n1 :n2|:n2|:n1 :n2",
                "age|<EOF>|age",
                "age AND title = :x|AND|age AND title",
                "SET = :n1|SET|SET =",
                "age = :n1 AND|<EOF>|AND",
                "age ! :n1|!|age ! :n1",
                "age IN ()|)|()",
                "age BETWEEN :n1|<EOF>|:n1",
                "things[x] = :n1|x|[x]",
                "things[-1] = :n1|-|[-1",
                "(age = :n1|<EOF>|:n1",
                "age = :n1)|)|:n1)",
                "# = :n1|#|# =",
                "doc. = :n1|=|. = :n1",
            })
    void syntaxErrors(String expression, String token, String near) {
        assertError(
                "Invalid ConditionExpression: Syntax error; token: \"" + token + "\", near: \"" + near + "\"",
                expression);
    }

    @Test
    void reservedWordsNeedPlaceholders() {
        assertError(
                "Invalid ConditionExpression: Attribute name is a reserved keyword; reserved keyword: name",
                "name = :n1");
        assertError(
                "Invalid ConditionExpression: Attribute name is a reserved keyword; reserved keyword: Size",
                "doc.Size = :n1");
    }

    @Test
    void undefinedPlaceholders() {
        assertError(
                "Invalid ConditionExpression: An expression attribute name used in the document path is not defined;"
                        + " attribute name: #absent",
                "#absent = :n1");
        assertError(
                "Invalid ConditionExpression: An expression attribute value used in expression is not defined;"
                        + " attribute value: :nope",
                "age = :nope");
        assertError(
                "Invalid ConditionExpression: An expression attribute value used in expression is not defined;"
                        + " attribute value: :v",
                "age = :v",
                null);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                // function names are case-sensitive
                "ATTRIBUTE_EXISTS(age)|Invalid function name; function: ATTRIBUTE_EXISTS",
                "foo(age)|Invalid function name; function: foo",
                "age = foo(title)|Invalid function name; function: foo",
                "size(title)|The function is not allowed to be used this way in an expression; function: size",
                // update functions are known to the condition parser but not allowed there (scylladb suite)
                "if_not_exists(age, age) = :n1|The function is not allowed to be used this way in an expression;"
                        + " function: if_not_exists",
                "list_append(age, :n1)|The function is not allowed to be used this way in an expression; function:"
                        + " list_append",
                "NOT size(title)|The function is not allowed to be used this way in an expression; function: size",
                "attribute_exists(age) = :n1|The function is not allowed to be used this way in an expression;"
                        + " function: attribute_exists",
                "size(attribute_exists(age)) = :n1|The function is not allowed to be used this way in an"
                        + " expression; function: attribute_exists",
                "attribute_exists(age, title)|Incorrect number of operands for operator or function; operator or"
                        + " function: attribute_exists, number of operands: 2",
                "begins_with(title)|Incorrect number of operands for operator or function; operator or function:"
                        + " begins_with, number of operands: 1",
                "size(title, age) = :n1|Incorrect number of operands for operator or function; operator or"
                        + " function: size, number of operands: 2",
                "begins_with(title, :n1)|Incorrect operand type for operator or function; operator or function:"
                        + " begins_with, operand type: N",
                "begins_with(title, size(age))|Incorrect operand type for operator or function; operator or"
                        + " function: begins_with, operand type: N",
                "size(:n1) = :n1|Incorrect operand type for operator or function; operator or function: size,"
                        + " operand type: N",
                "size(:true) = :n1|Incorrect operand type for operator or function; operator or function: size,"
                        + " operand type: BOOL",
                "attribute_exists(:n1)|Operator or function requires a document path; operator or function:"
                        + " attribute_exists",
                "attribute_not_exists(:n1)|Operator or function requires a document path; operator or function:"
                        + " attribute_not_exists",
                "attribute_type(age, :n1)|Incorrect operand type for operator or function; operator or function:"
                        + " attribute_type, operand type: N",
                "attribute_type(age, title)|Incorrect operand type for operator or function; operator or function:"
                        + " attribute_type, operand type: {NS,SS,L,BS,N,M,B,BOOL,NULL,S}",
                "attribute_type(age, :bad)|Invalid attribute type name found; type: STRING, valid types:"
                        + " {B,NULL,SS,BOOL,L,BS,N,NS,S,M}",
                "age = age|The first operand must be distinct from the remaining operands for this operator or"
                        + " function; operator: =, first operand: [age]",
                "doc.deep <> doc.deep|The first operand must be distinct from the remaining operands for this"
                        + " operator or function; operator: <>, first operand: [doc, deep]",
                "contains(tags, tags)|The first operand must be distinct from the remaining operands for this"
                        + " operator or function; operator: contains, first operand: [tags]",
                "age BETWEEN :n5 AND :n1|The BETWEEN operator requires upper bound to be greater than or equal to"
                        + " lower bound; lower bound operand: AttributeValue: {N:5}, upper bound operand:"
                        + " AttributeValue: {N:1}",
                "age BETWEEN :n5 AND :x|The BETWEEN operator requires same data type for lower and upper bounds;"
                        + " lower bound operand: AttributeValue: {N:5}, upper bound operand: AttributeValue: {S:x}",
                // a literal that cannot be ordered is an error; an attribute of such a type only makes it false
                "age < :list|Incorrect operand type for operator or function; operator or function: <, operand type: L",
                ":true >= age|Incorrect operand type for operator or function; operator or function: >=, operand"
                        + " type: BOOL",
                "age BETWEEN :list AND :n1|Incorrect operand type for operator or function; operator or function:"
                        + " BETWEEN, operand type: L",
                "((age = :n1))|The expression has redundant parentheses;",
                "((age)) = :n1|The expression has redundant parentheses;",
                "age = :n1 AND ((title = :x))|The expression has redundant parentheses;",
            })
    void semanticErrors(String expression, String message) {
        assertError("Invalid ConditionExpression: " + message, expression);
    }

    @Test
    void errorPriorityFollowsDynamoDb() {
        // redundant parentheses are reported before everything else, then unknown functions, then misuse,
        // then reserved words, then undefined placeholders (dynalite's order, recorded against DynamoDB)
        assertError("Invalid ConditionExpression: The expression has redundant parentheses;", "((foo(name)))");
        assertError("Invalid ConditionExpression: Invalid function name; function: foo", "foo(name) AND size(a)");
        assertError(
                "Invalid ConditionExpression: The function is not allowed to be used this way in an expression;"
                        + " function: size",
                "size(a) AND name = :n1");
        assertError(
                "Invalid ConditionExpression: Attribute name is a reserved keyword; reserved keyword: name",
                "name = :undefined");
        assertError(
                "Invalid ConditionExpression: An expression attribute value used in expression is not defined;"
                        + " attribute value: :undefined",
                "begins_with(:undefined)");
    }

    @Test
    void inAcceptsAtMost100Operands() {
        var values = new LinkedHashMap<String, AttributeValue>();
        var list = new StringBuilder();
        for (int i = 0; i < 101; i++) {
            values.put(":v" + i, n(Integer.toString(i)));
            list.append(i == 0 ? "" : ", ").append(":v").append(i);
        }
        assertError(
                "Invalid ConditionExpression: The IN operator is provided with too many operands; number of operands:"
                        + " 101",
                "age IN (" + list + ")",
                values);
        String hundred = list.substring(0, list.lastIndexOf(","));
        assertTrue(Expressions.condition(
                        "ConditionExpression", "age IN (" + hundred + ")", new ExpressionContext(null, values))
                .test(item("age", n("99"))));
    }

    @Test
    void deeplyNestedParenthesesParseWithoutBacktracking() {
        // 2040 nested groups (the most 4 KB allows): trying both readings of every "(" would take 2^2040 steps
        String operand = "(".repeat(2040) + "age" + ")".repeat(2040);
        assertError("Invalid ConditionExpression: The expression has redundant parentheses;", operand + " = :n30");
        String condition = "(".repeat(2040) + "age = :n30" + ")".repeat(2040);
        assertError("Invalid ConditionExpression: The expression has redundant parentheses;", condition);
        assertTrue(eval("(age = :n30) AND ((age) = :n30 OR (title = :x))"));
        assertTrue(eval("NOT ".repeat(298) + "age = :n30"));
        // the deepest recursion 4 KB allows: each group holds a NOT, so none is directly nested
        assertError(
                "Invalid ConditionExpression: The expression contains too many operators; operator count: 681",
                "(NOT ".repeat(680) + "age = :n30" + ")".repeat(680));
        assertError(
                "Invalid ConditionExpression: The expression contains too many operators; operator count: 679",
                "size(".repeat(678) + "age" + ")".repeat(678) + " = :n1");
        assertTrue(eval("((age = :n30) AND (size(title) = (:n5)))"));
    }

    @Test
    void atMost300OperatorsAndFunctions() {
        // 150 comparisons joined by 149 ANDs: 299 operators; one more comparison and AND make 301
        String ok = String.join(" AND ", java.util.Collections.nCopies(150, "age = :n1"));
        assertFalse(eval(ok));
        assertError(
                "Invalid ConditionExpression: The expression contains too many operators; operator count: 301",
                ok + " AND age = :n1");
        // each "size(title) = :n1" is two (the comparison and size): 101 of them and 100 ORs make 302
        String functions = String.join(" OR ", java.util.Collections.nCopies(100, "size(title) = :n1"));
        assertError(
                "Invalid ConditionExpression: The expression contains too many operators; operator count: 302",
                functions + " OR " + functions.substring(0, functions.indexOf(" OR ")));
    }

    @Test
    void expressionsAreLimitedTo4096Bytes() {
        String ok = "a" + "b".repeat(4089) + " = :n1";
        assertEquals(4096, ok.length());
        assertTrue(Expressions.condition("ConditionExpression", ok, new ExpressionContext(null, VALUES))
                .topLevelAttributeNames()
                .contains("a" + "b".repeat(4089)));
        assertError(
                "Invalid ConditionExpression: Expression size has exceeded the maximum allowed size; expression size:"
                        + " 4097",
                "a" + ok);
    }

    @Test
    void documentPathsNestAtMost32Levels() {
        String path32 = "a" + ".b".repeat(31);
        assertFalse(eval("attribute_exists(" + path32 + ")"));
        assertError(
                "Invalid ConditionExpression: The document path has too many nesting levels; nesting levels: 33",
                "attribute_exists(" + path32 + "[0])");
    }
}
