package dev.keysmith.engine.keys;

import static dev.keysmith.engine.value.AttributeValues.b;
import static dev.keysmith.engine.value.AttributeValues.n;
import static dev.keysmith.engine.value.AttributeValues.s;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

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
