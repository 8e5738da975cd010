package dev.keysmith.engine.wire;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.keysmith.engine.keys.ItemCodec;
import dev.keysmith.engine.value.ValueArbitraries;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Capacity;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;

/**
 * The JSON written straight from stored items is exactly the JSON the generic encoder writes for the same response
 * built from the decoded items: same bytes, so same escapes, number texts, base64, attribute order and member order.
 */
class StoredItemJsonTest {

    @Property(tries = 400)
    void aQueryPageOfRandomItems_isWrittenAsTheGenericEncoderWritesIt(
            @ForAll("pages") List<Map<String, AttributeValue>> items) {
        assertSameJsonForQuery(items);
    }

    @Property(tries = 100)
    void aScanPageOfRandomItems_isWrittenAsTheGenericEncoderWritesIt(
            @ForAll("pages") List<Map<String, AttributeValue>> items) {
        List<Map<String, AttributeValue>> decoded =
                items.stream().map(ItemCodec::encode).map(ItemCodec::decode).toList();
        ScanResponse full = ScanResponse.builder()
                .items(decoded)
                .count(decoded.size())
                .scannedCount(decoded.size() + 3)
                .lastEvaluatedKey(Map.of("pk", AttributeValue.fromS("last")))
                .build();
        assertSameJson(
                full,
                full.toBuilder().items((List<Map<String, AttributeValue>>) null).build(),
                items);
    }

    @Property(tries = 1000)
    void aString_isQuotedAsJacksonQuotesIt(@ForAll("texts") String text) throws IOException {
        ByteArrayOutputStream jackson = new ByteArrayOutputStream();
        try (JsonGenerator generator = JsonCodec.FACTORY.createGenerator(jackson, JsonEncoding.UTF8)) {
            generator.writeString(text);
        }
        byte[] utf8 = ("<" + text + ">").getBytes(UTF_8);
        JsonBytes direct = new JsonBytes(4);

        direct.quoted(utf8, 1, utf8.length - 2);

        assertEquals(jackson.toString(UTF_8), new String(direct.toByteArray(), UTF_8));
    }

    /** Strings of up to 40 characters, long plain runs among characters that need escaping or are not ASCII. */
    @Provide
    Arbitrary<String> texts() {
        return Arbitraries.frequencyOf(
                        Tuple.of(6, Arbitraries.chars().range(' ', '~')),
                        Tuple.of(
                                2,
                                Arbitraries.of(
                                        '"', '\\', '/', '\u0000', '\b', '\t', '\n', '\f', '\r', '\u001f', '\u007f')),
                        Tuple.of(1, Arbitraries.of('é', 'ж', '\u2028', '\uffff', '\u0080')),
                        Tuple.of(
                                1,
                                Arbitraries.of("😀", "\uDBFF\uDFFF", "\uD800\uDC00")
                                        .map(s -> s.charAt(0))))
                .list()
                .ofMaxSize(40)
                .map(chars -> {
                    StringBuilder text = new StringBuilder();
                    chars.forEach(c -> {
                        text.append(c);
                        if (Character.isHighSurrogate(c)) {
                            text.append(c == '\uD83D' ? '\uDE00' : c == '\uDBFF' ? '\uDFFF' : '\uDC00');
                        }
                    });
                    return text.toString();
                });
    }

    @Test
    void everyAttributeType_nestedInListsAndMaps() {
        var inner = new LinkedHashMap<String, AttributeValue>();
        inner.put("z", AttributeValue.fromL(List.of()));
        inner.put("a", AttributeValue.fromM(Map.of()));
        inner.put(
                "deep",
                AttributeValue.fromM(Map.of(
                        "l",
                        AttributeValue.fromL(List.of(
                                AttributeValue.fromN("1"),
                                AttributeValue.fromNul(true),
                                AttributeValue.fromBool(false),
                                AttributeValue.fromSs(List.of("x", "y")),
                                AttributeValue.fromM(Map.of("b", AttributeValue.fromB(bytes(1, 2, 3)))))))));
        var item = new LinkedHashMap<String, AttributeValue>();
        item.put("pk", AttributeValue.fromS("USER#1"));
        item.put("n", AttributeValue.fromN("-12.5"));
        item.put("b", AttributeValue.fromB(bytes(0, 0xFF, 7)));
        item.put("t", AttributeValue.fromBool(true));
        item.put("f", AttributeValue.fromBool(false));
        item.put("null", AttributeValue.fromNul(true));
        item.put("ss", AttributeValue.fromSs(List.of("zeta", "", "alpha", "😀")));
        item.put("ns", AttributeValue.fromNs(List.of("3", "-1", "0.001")));
        item.put("bs", AttributeValue.fromBs(List.of(bytes(9), bytes(), bytes(0xFB, 0xFF))));
        item.put("l", AttributeValue.fromL(List.of(AttributeValue.fromS("a"), AttributeValue.fromM(inner))));
        item.put("m", AttributeValue.fromM(inner));

        assertSameJsonForQuery(List.of(item, Map.of("pk", AttributeValue.fromS("USER#2"))));
    }

    @Test
    void stringsAndNamesNeedingEscapes() {
        String special = "quote\" backslash\\ slash/ \b\t\n\f\r \u0000\u0001\u001f \u007f \u0080 é \u2028 ￿ 😀";
        var item = new LinkedHashMap<String, AttributeValue>();
        item.put(special, AttributeValue.fromS(special));
        item.put("ss", AttributeValue.fromSs(List.of(special, "\"")));
        item.put("m", AttributeValue.fromM(Map.of(special, AttributeValue.fromS("\\"))));

        String json = assertSameJsonForQuery(List.of(item));

        assertEquals(
                true, json.contains("\"quote\\\" backslash\\\\ slash/ \\b\\t\\n\\f\\r \\u0000\\u0001\\u001F \u007f"));
    }

    @Test
    void numberAndBinaryEdgeCases() {
        var item = new LinkedHashMap<String, AttributeValue>();
        item.put("zero", AttributeValue.fromN("0"));
        item.put(
                "tiny",
                AttributeValue.fromN("-0.0000000000000000000000000000000000000000000000000000000000000000000001"));
        item.put("huge", AttributeValue.fromN("9" + "0".repeat(125)));
        item.put("digits", AttributeValue.fromN("12345678901234567890123456789012345678"));
        item.put("empty", AttributeValue.fromB(bytes()));
        item.put("one", AttributeValue.fromB(bytes(0xFF)));
        item.put("two", AttributeValue.fromB(bytes(0xFB, 0xEF)));
        item.put("three", AttributeValue.fromB(bytes(0xFB, 0xEF, 0xBE)));
        item.put("large", AttributeValue.fromB(SdkBytes.fromByteArray(new byte[70_000])));

        assertSameJsonForQuery(List.of(item));
    }

    @Test
    void anEmptyPage_writesAnEmptyItemsArray() {
        assertEquals("{\"Items\":[],\"Count\":0,\"ScannedCount\":0}", assertSameJsonForQuery(List.of()));
    }

    @Provide
    Arbitrary<List<Map<String, AttributeValue>>> pages() {
        return ValueArbitraries.items().list().ofMaxSize(6);
    }

    /** Checks a Query response with all its members; returns the JSON. */
    private static String assertSameJsonForQuery(List<Map<String, AttributeValue>> items) {
        // the generic path writes what the engine's in-process path returns: the items as stored, decoded
        List<Map<String, AttributeValue>> decoded =
                items.stream().map(ItemCodec::encode).map(ItemCodec::decode).toList();
        QueryResponse.Builder full =
                QueryResponse.builder().items(decoded).count(decoded.size()).scannedCount(decoded.size());
        if (!items.isEmpty()) {
            full.lastEvaluatedKey(Map.of("pk", AttributeValue.fromS("k"), "sk", AttributeValue.fromN("3")))
                    .consumedCapacity(ConsumedCapacity.builder()
                            .tableName("t")
                            .capacityUnits(1.5)
                            .table(Capacity.builder().capacityUnits(1.5).build())
                            .build());
        }
        QueryResponse response = full.build();
        return assertSameJson(
                response,
                response.toBuilder()
                        .items((List<Map<String, AttributeValue>>) null)
                        .build(),
                items);
    }

    private static String assertSameJson(SdkPojo full, SdkPojo withoutItems, List<Map<String, AttributeValue>> items) {
        List<byte[]> stored = new ArrayList<>();
        items.forEach(item -> stored.add(ItemCodec.encode(item)));
        String generic = new String(JsonCodec.write(full), UTF_8);
        String direct = new String(JsonCodec.write(withoutItems, stored), UTF_8);
        assertEquals(generic, direct);
        return direct;
    }

    private static SdkBytes bytes(int... values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) values[i];
        }
        return SdkBytes.fromByteArray(b);
    }
}
