package dev.keysmith.engine.keys;

import static dev.keysmith.engine.value.AttributeValues.b;
import static dev.keysmith.engine.value.AttributeValues.n;
import static dev.keysmith.engine.value.AttributeValues.s;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.keysmith.engine.value.ItemSize;
import dev.keysmith.engine.value.ValueArbitraries;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class ItemCodecTest {

    @Property(tries = 300)
    void decode_reversesEncode(@ForAll("items") Map<String, AttributeValue> item) {
        assertSameItem(item, ItemCodec.decode(ItemCodec.encode(item)));
    }

    @Test
    void decode_reversesEncodeForEveryType() {
        var nested = new LinkedHashMap<String, AttributeValue>();
        nested.put("z", AttributeValue.fromL(List.of()));
        nested.put("a", AttributeValue.fromM(Map.of()));
        nested.put("m", AttributeValue.fromL(List.of(n("1"), AttributeValue.fromNul(true), s(""))));
        var item = new LinkedHashMap<String, AttributeValue>();
        item.put("pk", s("USER#1"));
        item.put("empty", s(""));
        item.put("emptyB", b(new byte[0]));
        item.put("n", n("-0.000001"));
        item.put("b", b(new byte[] {0, (byte) 0xFF, 7}));
        item.put("t", AttributeValue.fromBool(true));
        item.put("f", AttributeValue.fromBool(false));
        item.put("null", AttributeValue.fromNul(true));
        item.put("ss", AttributeValue.fromSs(List.of("zeta", "", "alpha", "😀")));
        item.put("ns", AttributeValue.fromNs(List.of("3", "-1", "1" + "0".repeat(125))));
        item.put("bs", AttributeValue.fromBs(List.of(bytes(9), bytes(), bytes(0))));
        item.put("doc", AttributeValue.fromM(nested));
        item.put("naïve ключ", s("värde"));
        item.put("long", s("x".repeat(100_000)));

        byte[] encoded = ItemCodec.encode(item);

        assertEquals(ItemCodec.FORMAT_VERSION, encoded[0]);
        assertSameItem(item, ItemCodec.decode(encoded));
    }

    @Property(tries = 300)
    void size_isTheItemSizeOfTheDecodedItem(@ForAll("items") Map<String, AttributeValue> item) {
        assertEquals(ItemSize.of(item), ItemCodec.size(ItemCodec.encode(item)));
    }

    @Test
    void size_countsContainersAndNumbersAsDynamoDbDoes() {
        // "ab" 2 + "héllo" 6; "n" 1 + 12345 (3 digit pairs + 1) 4; "l" 1 + 3 + (1 + BOOL 1) + (1 + NULL 1);
        // "m" 1 + 3 + (1 + "k" 1 + "v" 1)
        var item = new LinkedHashMap<String, AttributeValue>();
        item.put("ab", s("héllo"));
        item.put("n", n("12345"));
        item.put("l", AttributeValue.fromL(List.of(AttributeValue.fromBool(true), AttributeValue.fromNul(true))));
        item.put("m", AttributeValue.fromM(Map.of("k", s("v"))));

        assertEquals(8 + 5 + 8 + 7, ItemCodec.size(ItemCodec.encode(item)));
    }

    @Test
    void encode_keepsTheStoredFormatOfVersion1() {
        // version, 1 attribute, name "a", then the value's tag and payload
        assertArrayEquals(new byte[] {1, 1, 1, 'a', 1, 1, 'x'}, ItemCodec.encode(Map.of("a", s("x"))));
        assertArrayEquals(new byte[] {1, 1, 1, 'a', 2, 2, '-', '1'}, ItemCodec.encode(Map.of("a", n("-1"))));
        assertArrayEquals(new byte[] {1, 1, 1, 'a', 3, 1, 9}, ItemCodec.encode(Map.of("a", b(new byte[] {9}))));
        assertArrayEquals(new byte[] {1, 1, 1, 'a', 4}, ItemCodec.encode(Map.of("a", AttributeValue.fromBool(true))));
        assertArrayEquals(new byte[] {1, 1, 1, 'a', 5}, ItemCodec.encode(Map.of("a", AttributeValue.fromBool(false))));
        assertArrayEquals(new byte[] {1, 1, 1, 'a', 6}, ItemCodec.encode(Map.of("a", AttributeValue.fromNul(true))));
        assertArrayEquals(
                new byte[] {1, 1, 1, 'a', 7, 1, 1, 'x'},
                ItemCodec.encode(Map.of("a", AttributeValue.fromSs(List.of("x")))));
        assertArrayEquals(
                new byte[] {1, 1, 1, 'a', 8, 1, 1, '7'},
                ItemCodec.encode(Map.of("a", AttributeValue.fromNs(List.of("7")))));
        assertArrayEquals(
                new byte[] {1, 1, 1, 'a', 9, 1, 0},
                ItemCodec.encode(Map.of("a", AttributeValue.fromBs(List.of(SdkBytes.fromByteArray(new byte[0]))))));
        assertArrayEquals(
                new byte[] {1, 1, 1, 'a', 10, 1, 6},
                ItemCodec.encode(Map.of("a", AttributeValue.fromL(List.of(AttributeValue.fromNul(true))))));
        assertArrayEquals(
                new byte[] {1, 1, 1, 'a', 11, 1, 1, 'k', 4},
                ItemCodec.encode(Map.of("a", AttributeValue.fromM(Map.of("k", AttributeValue.fromBool(true))))));
    }

    @Test
    void reader_rejectsAnUnknownValueTag() {
        assertThrows(IllegalArgumentException.class, () -> ItemCodec.decode(new byte[] {1, 1, 1, 'a', 12}));
        assertThrows(IllegalArgumentException.class, () -> ItemCodec.size(new byte[] {1, 1, 1, 'a', 0}));
    }

    @Test
    void decode_returnsAMutableMap() {
        Map<String, AttributeValue> decoded = ItemCodec.decode(ItemCodec.encode(Map.of("a", s("1"))));
        decoded.put("b", s("2"));
        assertEquals(2, decoded.size());
    }

    @Test
    void decode_rejectsAnUnknownFormatVersion() {
        assertThrows(IllegalArgumentException.class, () -> ItemCodec.decode(new byte[] {99, 0}));
        assertThrows(IllegalArgumentException.class, () -> ItemCodec.decode(new byte[0]));
    }

    @Provide
    Arbitrary<Map<String, AttributeValue>> items() {
        return ValueArbitraries.items();
    }

    /** Equal values, and the same map key order and set element order at every level. */
    private static void assertSameItem(Map<String, AttributeValue> expected, Map<String, AttributeValue> actual) {
        assertEquals(expected, actual);
        assertEquals(new ArrayList<>(expected.keySet()), new ArrayList<>(actual.keySet()));
        assertEquals(expected.toString(), actual.toString());
    }

    private static SdkBytes bytes(int... values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            b[i] = (byte) values[i];
        }
        return SdkBytes.fromByteArray(b);
    }
}
