package dev.keysmith.engine.keys;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.keysmith.engine.value.AttributeValues;
import dev.keysmith.engine.value.Numbers;
import dev.keysmith.engine.value.ValueArbitraries;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class KeyCodecPropertiesTest {

    @Property
    void noBinaryEncodingIsAPrefixOfAnother(@ForAll("bytes") byte[] a, @ForAll("bytes") byte[] b) {
        Assume.that(!Arrays.equals(a, b));
        byte[] ea = KeyCodec.encode(bin(a));
        byte[] eb = KeyCodec.encode(bin(b));
        assertFalse(startsWith(eb, ea), "prefix-free: item and index keys rely on it (Patricia trees, range bounds)");
    }

    @Property(tries = 1000)
    void numbers_byteOrderIsNumericOrder(@ForAll("numbers") BigDecimal a, @ForAll("numbers") BigDecimal b) {
        assertEquals(Integer.signum(a.compareTo(b)), Integer.signum(compare(number(a), number(b))));
    }

    @Property(tries = 1000)
    void numbers_neighboursOneUnitInTheLastPlaceApartStayOrdered(@ForAll("numbers") BigDecimal a) {
        Assume.that(a.signum() != 0);
        BigDecimal up = a.add(a.ulp());
        Assume.that(withinRange(up));
        assertEquals(-1, Integer.signum(compare(number(a), number(up))));
    }

    @Property(tries = 1000)
    void numbers_roundTripExactly(@ForAll("numbers") BigDecimal a) {
        AttributeValue decoded = roundTrip(number(a));
        assertEquals(Numbers.toCanonical(a), decoded.n());
    }

    @Property(tries = 1000)
    void strings_byteOrderIsUtf8Order(@ForAll("strings") String a, @ForAll("strings") String b) {
        int expected = Integer.signum(
                Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8)));
        assertEquals(expected, Integer.signum(AttributeValues.compareUtf8(a, b)));
        assertEquals(expected, Integer.signum(compare(KeyCodec.encode(s(a)), KeyCodec.encode(s(b)))));
    }

    @Property(tries = 1000)
    void strings_roundTrip(@ForAll("strings") String a) {
        assertEquals(a, roundTrip(KeyCodec.encode(s(a))).s());
    }

    @Property(tries = 1000)
    void binaries_byteOrderIsUnsignedOrder(@ForAll("bytes") byte[] a, @ForAll("bytes") byte[] b) {
        assertEquals(
                Integer.signum(Arrays.compareUnsigned(a, b)),
                Integer.signum(compare(KeyCodec.encode(bin(a)), KeyCodec.encode(bin(b)))));
    }

    @Property(tries = 1000)
    void binaries_roundTrip(@ForAll("bytes") byte[] a) {
        assertArrayEquals(a, roundTrip(KeyCodec.encode(bin(a))).b().asByteArray());
    }

    @Property(tries = 1000)
    void composite_stringThenNumberOrdersLikeTuples(
            @ForAll("smallStrings") String s1,
            @ForAll("smallNumbers") BigDecimal n1,
            @ForAll("smallStrings") String s2,
            @ForAll("smallNumbers") BigDecimal n2) {
        int first = Integer.signum(AttributeValues.compareUtf8(s1, s2));
        int expected = first != 0 ? first : Integer.signum(n1.compareTo(n2));
        assertEquals(expected, Integer.signum(compare(tuple(s(s1), number(n1)), tuple(s(s2), number(n2)))));
    }

    @Property(tries = 1000)
    void composite_binaryThenStringOrdersLikeTuples(
            @ForAll("smallBytes") byte[] b1,
            @ForAll("smallStrings") String s1,
            @ForAll("smallBytes") byte[] b2,
            @ForAll("smallStrings") String s2) {
        int first = Integer.signum(Arrays.compareUnsigned(b1, b2));
        int expected = first != 0 ? first : Integer.signum(AttributeValues.compareUtf8(s1, s2));
        assertEquals(expected, Integer.signum(compare(tuple(bin(b1), s(s1)), tuple(bin(b2), s(s2)))));
    }

    @Property(tries = 1000)
    void beginsWith_stringPrefixMatchesEncodedPrefix(@ForAll("prefixPairs") String[] pair) {
        String value = pair[0];
        String prefix = pair[1];
        boolean begins = startsWith(value.getBytes(StandardCharsets.UTF_8), prefix.getBytes(StandardCharsets.UTF_8));
        assertEquals(begins, startsWith(KeyCodec.encode(s(value)), KeyCodec.beginsWithPrefix(s(prefix))));
    }

    @Property(tries = 1000)
    void beginsWith_binaryPrefixMatchesEncodedPrefix(@ForAll("bytes") byte[] value, @ForAll("bytes") byte[] other) {
        byte[] prefix = other.length % 2 == 0 ? Arrays.copyOf(value, Math.min(value.length, other.length)) : other;
        boolean begins = startsWith(value, prefix);
        assertEquals(begins, startsWith(KeyCodec.encode(bin(value)), KeyCodec.beginsWithPrefix(bin(prefix))));
    }

    @Property(tries = 1000)
    void prefixEnd_boundsExactlyTheKeysWithThePrefix(@ForAll("prefixPairs") String[] pair) {
        byte[] key = KeyCodec.encode(s(pair[0]));
        byte[] prefix = KeyCodec.beginsWithPrefix(s(pair[1]));
        byte[] end = KeyCodec.prefixEnd(prefix);
        boolean inRange = compare(prefix, key) <= 0 && (end == null || compare(key, end) < 0);
        assertEquals(startsWith(key, prefix), inRange);
    }

    @Property(tries = 1000)
    void prefixEnd_boundsRawBytePrefixes(@ForAll("bytes") byte[] key, @ForAll("bytes") byte[] prefix) {
        byte[] end = KeyCodec.prefixEnd(prefix);
        boolean inRange = compare(prefix, key) <= 0 && (end == null || compare(key, end) < 0);
        assertEquals(startsWith(key, prefix), inRange);
    }

    @Property(tries = 500)
    void hash16_dependsOnlyOnTheBytes(@ForAll("strings") String a) {
        byte[] key = KeyCodec.encode(s(a));
        int h = KeyCodec.hash16(key);
        assertEquals(h, KeyCodec.hash16(key.clone()));
        assertEquals(h & 0xFFFF, h);
    }

    @Provide
    Arbitrary<BigDecimal> numbers() {
        return ValueArbitraries.numbers();
    }

    @Provide
    Arbitrary<String> strings() {
        return ValueArbitraries.strings();
    }

    @Provide
    Arbitrary<byte[]> bytes() {
        return ValueArbitraries.bytes();
    }

    @Provide
    Arbitrary<String> smallStrings() {
        return Arbitraries.of("", "a", "a\u0000", "ab", "b", "\uFFFF", "😀");
    }

    @Provide
    Arbitrary<BigDecimal> smallNumbers() {
        return Arbitraries.of("-10", "-1", "-0.5", "0", "0.5", "1", "10", "1E+125", "1E-130")
                .map(BigDecimal::new);
    }

    @Provide
    Arbitrary<byte[]> smallBytes() {
        return Arbitraries.of(new byte[0], new byte[] {0}, new byte[] {0, 0}, new byte[] {1}, new byte[] {(byte) 0xFF});
    }

    /** A value and a candidate prefix: half the time a real prefix (cut at a code point), otherwise random. */
    @Provide
    Arbitrary<String[]> prefixPairs() {
        return Combinators.combine(
                        strings(), strings(), Arbitraries.integers().between(0, 16), Arbitraries.of(true, false))
                .as((value, other, cut, real) -> {
                    if (!real) {
                        return new String[] {value, other};
                    }
                    int cps = value.codePointCount(0, value.length());
                    int end = value.offsetByCodePoints(0, Math.min(cut, cps));
                    return new String[] {value, value.substring(0, end)};
                });
    }

    private static boolean withinRange(BigDecimal v) {
        try {
            Numbers.parse(v.toString());
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static byte[] number(BigDecimal v) {
        return KeyCodec.encode(AttributeValue.fromN(v.toString()));
    }

    private static AttributeValue s(String v) {
        return AttributeValue.fromS(v);
    }

    private static AttributeValue bin(byte[] v) {
        return AttributeValue.fromB(SdkBytes.fromByteArray(v));
    }

    private static byte[] tuple(AttributeValue first, byte[] second) {
        KeyWriter out = new KeyWriter();
        KeyCodec.encode(out, first);
        out.append(second);
        return out.toByteArray();
    }

    private static byte[] tuple(AttributeValue first, AttributeValue second) {
        return tuple(first, KeyCodec.encode(second));
    }

    private static AttributeValue roundTrip(byte[] encoded) {
        int[] pos = {0};
        AttributeValue decoded = KeyCodec.decode(encoded, pos);
        assertEquals(encoded.length, pos[0]);
        return decoded;
    }

    private static int compare(byte[] a, byte[] b) {
        return Arrays.compareUnsigned(a, b);
    }

    private static boolean startsWith(byte[] value, byte[] prefix) {
        return value.length >= prefix.length && Arrays.equals(value, 0, prefix.length, prefix, 0, prefix.length);
    }
}
