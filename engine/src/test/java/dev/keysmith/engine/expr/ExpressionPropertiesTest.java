package dev.keysmith.engine.expr;

import static dev.keysmith.engine.expr.ExprSupport.n;
import static dev.keysmith.engine.expr.ExprSupport.s;
import static dev.keysmith.engine.expr.ExprSupport.values;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class ExpressionPropertiesTest {
    private static final Map<String, AttributeValue> VALUES =
            values(":n", n("10"), ":s", s("m"), ":lo", n("-5"), ":hi", n("20"), ":p", s("a"));

    @Provide
    Arbitrary<String> conditions() {
        Arbitrary<String> attr = Arbitraries.of("a", "b", "c");
        Arbitrary<String> value = Arbitraries.of(":n", ":s", ":lo");
        Arbitrary<String> cmp = Arbitraries.of("=", "<>", "<", "<=", ">", ">=");
        Arbitrary<String> comparison = Combinators.combine(attr, cmp, value).as((x, o, v) -> x + " " + o + " " + v);
        Arbitrary<String> function = Combinators.combine(
                        attr, Arbitraries.integers().between(0, 4))
                .as((x, i) -> switch (i) {
                    case 0 -> "attribute_exists(" + x + ")";
                    case 1 -> "attribute_not_exists(" + x + ")";
                    case 2 -> "begins_with(" + x + ", :p)";
                    case 3 -> "contains(" + x + ", :s)";
                    default -> x + " BETWEEN :lo AND :hi";
                });
        Arbitrary<String> leaf = Arbitraries.oneOf(comparison, function);
        return Arbitraries.recursive(
                () -> leaf,
                inner -> Arbitraries.oneOf(
                        Combinators.combine(inner, inner).as((x, y) -> "(" + x + ") AND (" + y + ")"),
                        Combinators.combine(inner, inner).as((x, y) -> "(" + x + ") OR (" + y + ")"),
                        inner.map(x -> "NOT (" + x + ")")),
                0,
                3);
    }

    @Provide
    Arbitrary<Map<String, AttributeValue>> items() {
        Arbitrary<@Nullable AttributeValue> value = Arbitraries.oneOf(
                Arbitraries.integers().between(-10, 30).map(i -> n(Integer.toString(i))),
                Arbitraries.strings().withChars("abmz").ofMaxLength(3).map(ExprSupport::s),
                Arbitraries.just(AttributeValue.fromBool(true)),
                Arbitraries.just((AttributeValue) null));
        return Combinators.combine(value, value, value).as((a, b, c) -> {
            var item = new HashMap<String, AttributeValue>();
            if (a != null) item.put("a", a);
            if (b != null) item.put("b", b);
            if (c != null) item.put("c", c);
            return item;
        });
    }

    private static boolean eval(String expression, Map<String, AttributeValue> item) {
        return Expressions.condition("ConditionExpression", expression, new ExpressionContext(null, VALUES))
                .test(item);
    }

    @Property(tries = 300)
    void notIsTheNegation(@ForAll("conditions") String condition, @ForAll("items") Map<String, AttributeValue> item) {
        assertEquals(!eval(condition, item), eval("NOT (" + condition + ")", item));
    }

    @Property(tries = 300)
    void andOrFollowBooleanLogic(
            @ForAll("conditions") String x,
            @ForAll("conditions") String y,
            @ForAll("items") Map<String, AttributeValue> item) {
        boolean ex = eval(x, item);
        boolean ey = eval(y, item);
        assertEquals(ex && ey, eval("(" + x + ") AND (" + y + ")", item));
        assertEquals(ex || ey, eval("(" + x + ") OR (" + y + ")", item));
    }

    @Property(tries = 300)
    void betweenIsTheSameAsTwoComparisons(@ForAll("items") Map<String, AttributeValue> item) {
        assertEquals(eval("a >= :lo AND a <= :hi", item), eval("a BETWEEN :lo AND :hi", item));
    }

    @Property(tries = 200)
    void addThenSubtractRestoresTheNumber(@ForAll("decimals") BigDecimal start, @ForAll("decimals") BigDecimal delta) {
        var ctx = new ExpressionContext(null, values(":d", n(delta.toPlainString())));
        var added = Expressions.update("SET x = x + :d", ctx).apply(Map.of("x", n(start.toPlainString())));
        var back = Expressions.update("SET x = x - :d", ctx).apply(added);
        assertEquals(0, new BigDecimal(back.get("x").n()).compareTo(start));
    }

    @Provide
    Arbitrary<BigDecimal> decimals() {
        return Arbitraries.bigDecimals()
                .between(new BigDecimal("-1E12"), new BigDecimal("1E12"))
                .ofScale(6);
    }
}
