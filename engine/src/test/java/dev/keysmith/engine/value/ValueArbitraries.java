package dev.keysmith.engine.value;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** jqwik generators for DynamoDB values, shared by the value and keys tests. */
public final class ValueArbitraries {
    private ValueArbitraries() {}

    /**
     * Numbers within DynamoDB's range: 1 to 38 significant digits, the most significant digit's exponent anywhere in
     * [-130, 125], either sign, and zero; stripped of trailing zeros.
     */
    public static Arbitrary<BigDecimal> numbers() {
        Arbitrary<String> rest = Arbitraries.strings().withCharRange('0', '9').ofMaxLength(37);
        Arbitrary<BigDecimal> nonZero = Combinators.combine(
                        Arbitraries.integers().between(1, 9),
                        rest,
                        Arbitraries.integers().between(-130, 125),
                        Arbitraries.of(1, -1))
                .as((lead, tail, hi, sign) -> {
                    String digits = lead + tail;
                    BigInteger unscaled = new BigInteger(digits);
                    BigDecimal value =
                            new BigDecimal(sign < 0 ? unscaled.negate() : unscaled, digits.length() - 1 - hi);
                    return value.stripTrailingZeros();
                });
        return Arbitraries.frequencyOf(
                Tuple.of(1, Arbitraries.just(BigDecimal.ZERO)),
                Tuple.of(3, Arbitraries.of(-2, -1, 0, 1, 2, 99, 100, 101).map(BigDecimal::valueOf)),
                Tuple.of(30, nonZero));
    }

    /**
     * Valid strings (no unpaired surrogates), biased toward a few code points so that shared prefixes are common, and
     * including U+0000, U+FFFF and supplementary characters.
     */
    public static Arbitrary<String> strings() {
        Arbitrary<Integer> special = Arbitraries.of(
                0, 1, (int) 'a', (int) 'b', 0x7F, 0x80, 0xFF, 0x7FF, 0x800, 0xD7FF, 0xE000, 0xFFFF, 0x10000, 0x10FFFF);
        Arbitrary<Integer> any = Arbitraries.integers()
                .between(0, Character.MAX_CODE_POINT)
                .filter(cp -> cp < Character.MIN_SURROGATE || cp > Character.MAX_SURROGATE);
        return Arbitraries.frequencyOf(Tuple.of(3, special), Tuple.of(1, any))
                .list()
                .ofMaxSize(8)
                .map(cps -> {
                    StringBuilder sb = new StringBuilder();
                    cps.forEach(sb::appendCodePoint);
                    return sb.toString();
                });
    }

    /** Byte arrays biased toward 0x00, 0x01, 0xFE and 0xFF. */
    public static Arbitrary<byte[]> bytes() {
        Arbitrary<Byte> special = Arbitraries.of((byte) 0, (byte) 1, (byte) 0xFE, (byte) 0xFF);
        return Arbitraries.frequencyOf(Tuple.of(3, special), Tuple.of(1, Arbitraries.bytes()))
                .list()
                .ofMaxSize(8)
                .map(list -> {
                    byte[] b = new byte[list.size()];
                    for (int i = 0; i < b.length; i++) {
                        b[i] = list.get(i);
                    }
                    return b;
                });
    }

    /** Attribute names: short, sometimes non-ASCII. */
    public static Arbitrary<String> names() {
        return Arbitraries.frequencyOf(
                Tuple.of(
                        4,
                        Arbitraries.strings().alpha().numeric().ofMinLength(1).ofMaxLength(12)),
                Tuple.of(1, strings().filter(s -> !s.isEmpty())));
    }

    /** Scalars and sets, every number in canonical form. */
    public static Arbitrary<AttributeValue> scalars() {
        return Arbitraries.oneOf(
                strings().map(AttributeValue::fromS),
                numbers().map(n -> AttributeValue.fromN(Numbers.toCanonical(n))),
                bytes().map(b -> AttributeValue.fromB(SdkBytes.fromByteArray(b))),
                Arbitraries.of(true, false).map(AttributeValue::fromBool),
                Arbitraries.just(AttributeValue.fromNul(true)),
                strings().set().ofMinSize(1).ofMaxSize(5).map(s -> AttributeValue.fromSs(new ArrayList<>(s))),
                numbers()
                        .map(Numbers::toCanonical)
                        .set()
                        .ofMinSize(1)
                        .ofMaxSize(5)
                        .map(s -> AttributeValue.fromNs(new ArrayList<>(s))),
                bytes().map(SdkBytes::fromByteArray)
                        .set()
                        .ofMinSize(1)
                        .ofMaxSize(5)
                        .map(s -> AttributeValue.fromBs(new ArrayList<>(s))));
    }

    /** Value trees up to {@code depth} levels of L and M below the top. */
    public static Arbitrary<AttributeValue> values(int depth) {
        if (depth == 0) {
            return scalars();
        }
        Arbitrary<AttributeValue> child = values(depth - 1);
        return Arbitraries.frequencyOf(
                Tuple.of(4, scalars()),
                Tuple.of(1, child.list().ofMaxSize(4).map(AttributeValue::fromL)),
                Tuple.of(1, items(child, 4).map(AttributeValue::fromM)));
    }

    /** Whole items of random nested values. */
    public static Arbitrary<java.util.Map<String, AttributeValue>> items() {
        return items(values(3), 10);
    }

    private static Arbitrary<java.util.Map<String, AttributeValue>> items(Arbitrary<AttributeValue> values, int max) {
        return Combinators.combine(
                        names().list().uniqueElements().ofMaxSize(max),
                        values.list().ofSize(max))
                .as((keys, vals) -> {
                    var map = new LinkedHashMap<String, AttributeValue>();
                    for (int i = 0; i < keys.size(); i++) {
                        map.put(keys.get(i), vals.get(i));
                    }
                    return map;
                });
    }
}
