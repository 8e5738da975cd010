package dev.keysmith.engine.keys;

import static dev.keysmith.engine.value.AttributeValues.b;
import static dev.keysmith.engine.value.AttributeValues.n;
import static dev.keysmith.engine.value.AttributeValues.s;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;

/** Golden vectors worked out by hand from the layout in KeyCodec's documentation (STYLE.md 6.2). */
class KeyCodecTest {
    private static final String NINES_38 = "9.9999999999999999999999999999999999999E+125";

    @ParameterizedTest
    @CsvSource({
        "0, 15",
        "-0, 15",
        // 1 = 0.01 x 100^1: exponent 1 + 64 = 0x41, last digit 01 -> 2*1
        "1, 16 41 02",
        // 10 = 0.10 x 100^1
        "10, 16 41 14",
        // 100 = 0.01 x 100^2
        "100, 16 42 02",
        // 0.01 = 0.01 x 100^0
        "0.01, 16 40 02",
        // 12.5 = 0.1250 x 100^1: digits 12 (2*12+1 = 25), 50 (last: 100)
        "12.5, 16 41 19 64",
        // 1E-130 = 0.01 x 100^-64: exponent byte 0
        "1E-130, 16 00 02",
        // negatives: the complement of the positive bytes
        "-1, 14 be fd",
        "-1E-130, 14 ff fd",
    })
    void encode_numberGoldenVectors(String number, String hex) {
        assertArrayEquals(hex(hex), KeyCodec.encode(n(number)));
    }

    @Test
    void encode_largestMagnitudesUseExponent63AndTwentyDigits() {
        // 9.99...E+125 = 0.9999...(38 nines) x 100^63: 18 non-final 99s (199 = 0xc7), a final 99 (198 = 0xc6).
        byte[] expected = hex("16 7f" + " c7".repeat(18) + " c6");
        assertArrayEquals(expected, KeyCodec.encode(n(NINES_38)));
        byte[] negative = new byte[expected.length];
        negative[0] = 0x14;
        for (int i = 1; i < expected.length; i++) {
            negative[i] = (byte) ~expected[i];
        }
        assertArrayEquals(negative, KeyCodec.encode(n("-" + NINES_38)));
    }

    @Test
    void encode_numbersOrderAcrossTheWholeRange() {
        List<String> ascending = List.of(
                "-" + NINES_38,
                "-1E+125",
                "-100",
                "-10",
                "-1.5",
                "-1",
                "-0.01",
                "-1E-130",
                "0",
                "1E-130",
                "2E-130",
                "0.01",
                "0.1",
                "1",
                "1.0000000000000000000000000000000000001",
                "10",
                "12.5",
                "100",
                "12345678901234567890123456789012345678",
                "12345678901234567890123456789012345679",
                "1E+125",
                NINES_38);
        assertStrictlyAscending(
                ascending.stream().map(v -> KeyCodec.encode(n(v))).toList());
    }

    @Test
    void encode_valuesDifferingOnlyInDigit38AreDistinctAndOrdered() {
        String[][] pairs = {
            {"1.2345678901234567890123456789012345678", "1.2345678901234567890123456789012345679"},
            {"-12345678901234567890123456789012345679", "-12345678901234567890123456789012345678"},
            {"9.9999999999999999999999999999999999998E+125", NINES_38},
            {"1.0000000000000000000000000000000000001E-93", "1.0000000000000000000000000000000000002E-93"},
        };
        for (String[] pair : pairs) {
            byte[] lower = KeyCodec.encode(n(pair[0]));
            byte[] higher = KeyCodec.encode(n(pair[1]));
            assertTrue(Arrays.compareUnsigned(lower, higher) < 0, pair[0] + " < " + pair[1]);
            assertEquals(
                    new java.math.BigDecimal(pair[0]).stripTrailingZeros().toPlainString(),
                    decodeAll(lower).n());
            assertEquals(
                    new java.math.BigDecimal(pair[1]).stripTrailingZeros().toPlainString(),
                    decodeAll(higher).n());
        }
    }

    @Test
    void encode_rejectsNumbersOutsideDynamoDbsRange() {
        assertEquals(
                "Number overflow. Attempting to store a number with magnitude larger than supported range",
                assertThrows(DynamoDbException.class, () -> KeyCodec.encode(n("1E+126")))
                        .awsErrorDetails()
                        .errorMessage());
        assertEquals(
                "Number underflow. Attempting to store a number with magnitude smaller than supported range",
                assertThrows(DynamoDbException.class, () -> KeyCodec.encode(n("1E-131")))
                        .awsErrorDetails()
                        .errorMessage());
        assertEquals(
                "Attempting to store more than 38 significant digits in a Number",
                assertThrows(
                                DynamoDbException.class,
                                () -> KeyCodec.encode(n("1234567890123456789012345678901234567891")))
                        .awsErrorDetails()
                        .errorMessage());
    }

    @Test
    void encode_stringAndBinaryGoldenVectors() {
        assertArrayEquals(hex("02 00 00"), KeyCodec.encode(s("")));
        assertArrayEquals(hex("02 61 00 00"), KeyCodec.encode(s("a")));
        assertArrayEquals(hex("02 61 00 01 62 00 00"), KeyCodec.encode(s("a\u0000b")));
        assertArrayEquals(hex("02 f0 9f 98 80 00 00"), KeyCodec.encode(s("😀")));
        assertArrayEquals(hex("01 00 00"), KeyCodec.encode(b(new byte[0])));
        assertArrayEquals(hex("01 00 01 ff 00 00"), KeyCodec.encode(b(new byte[] {0, (byte) 0xFF})));
    }

    @Test
    void encode_noValueIsAPrefixOfAnother() {
        // 0x00 and 0x00 0x00 once encoded as 01 00 ff 00 and 01 00 ff 00 ff 00 (one a prefix of the other), which let
        // a Query for sk = 0x00 return sk = 0x0000 too. Found by the differential test against DynamoDB Local.
        byte[] one = KeyCodec.encode(b(new byte[] {0}));
        byte[] two = KeyCodec.encode(b(new byte[] {0, 0}));
        assertFalse(startsWith(two, one));
        assertFalse(startsWith(KeyCodec.encode(s("a\u0000\u0000")), KeyCodec.encode(s("a\u0000"))));
        assertTrue(Arrays.compareUnsigned(one, two) < 0, "a shorter value still sorts first");
    }

    @Test
    void encode_stringsOrderByUtf8NotUtf16() {
        // U+FFFF is 0xEF 0xBF 0xBF in UTF-8 and sorts before U+10000 (0xF0 ...), unlike String.compareTo.
        byte[] bmp = KeyCodec.encode(s("\uFFFF"));
        byte[] supplementary = KeyCodec.encode(s("\uD800\uDC00"));
        assertTrue(Arrays.compareUnsigned(bmp, supplementary) < 0);
        assertTrue("\uFFFF".compareTo("\uD800\uDC00") > 0);
    }

    @Test
    void decode_readsConcatenatedValuesInTurn() {
        KeyWriter out = new KeyWriter();
        KeyCodec.encode(out, s("a\u0000"));
        KeyCodec.encode(out, n("-12.5"));
        KeyCodec.encode(out, b(new byte[] {0}));
        KeyCodec.encode(out, n("0"));
        byte[] buf = out.toByteArray();
        int[] pos = {0};
        assertEquals(s("a\u0000"), KeyCodec.decode(buf, pos));
        assertEquals(n("-12.5"), KeyCodec.decode(buf, pos));
        assertEquals(b(new byte[] {0}), KeyCodec.decode(buf, pos));
        assertEquals(n("0"), KeyCodec.decode(buf, pos));
        assertEquals(buf.length, pos[0]);
    }

    @Test
    void encode_rejectsNonKeyTypes() {
        var e = assertThrows(DynamoDbException.class, () -> KeyCodec.encode(AttributeValue.fromBool(true)));
        assertEquals(
                "The provided key element does not match the schema",
                e.awsErrorDetails().errorMessage());
        assertThrows(DynamoDbException.class, () -> KeyCodec.beginsWithPrefix(n("1")));
    }

    @Test
    void beginsWithPrefix_hasNoTerminator() {
        assertArrayEquals(hex("02 61"), KeyCodec.beginsWithPrefix(s("a")));
        assertArrayEquals(hex("02"), KeyCodec.beginsWithPrefix(s("")));
        assertArrayEquals(hex("01 00 01"), KeyCodec.beginsWithPrefix(b(new byte[] {0})));
    }

    @Test
    void prefixEnd_incrementsTheLastByteBelow0xFF() {
        assertArrayEquals(hex("02 62"), KeyCodec.prefixEnd(hex("02 61")));
        assertArrayEquals(hex("02 62"), KeyCodec.prefixEnd(hex("02 61 ff ff")));
        assertNull(KeyCodec.prefixEnd(hex("ff ff")));
        assertNull(KeyCodec.prefixEnd(new byte[0]));
    }

    @Test
    void hash16_isStableAndInRange() {
        // First two bytes of MD5("\u0002a\u0000") = MD5(02 61 00).
        byte[] key = KeyCodec.encode(s("a"));
        int h = KeyCodec.hash16(key);
        assertEquals(h, KeyCodec.hash16(key.clone()));
        assertTrue(h >= 0 && h <= 0xFFFF);
        assertEquals(md5Prefix(key), h);
    }

    @Test
    void keyWriter_growsAndResets() {
        KeyWriter w = new KeyWriter(1);
        for (int i = 0; i < 1000; i++) {
            w.append((byte) i);
        }
        assertEquals(1000, w.length());
        assertEquals((byte) 999, w.toByteArray()[999]);
        w.reset();
        assertEquals(0, w.length());
        w.append(new byte[] {1, 2});
        assertArrayEquals(new byte[] {1, 2}, w.toByteArray());
    }

    private static int md5Prefix(byte[] data) {
        try {
            byte[] d = java.security.MessageDigest.getInstance("MD5").digest(data);
            return ((d[0] & 0xFF) << 8) | (d[1] & 0xFF);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    private static AttributeValue decodeAll(byte[] encoded) {
        int[] pos = {0};
        AttributeValue v = KeyCodec.decode(encoded, pos);
        assertEquals(encoded.length, pos[0]);
        return v;
    }

    private static void assertStrictlyAscending(List<byte[]> encoded) {
        for (int i = 1; i < encoded.size(); i++) {
            assertTrue(Arrays.compareUnsigned(encoded.get(i - 1), encoded.get(i)) < 0, "position " + i);
        }
    }

    private static byte[] hex(String spaced) {
        return HexFormat.of().parseHex(spaced.replace(" ", ""));
    }

    private static boolean startsWith(byte[] value, byte[] prefix) {
        return value.length >= prefix.length && Arrays.equals(value, 0, prefix.length, prefix, 0, prefix.length);
    }
}
