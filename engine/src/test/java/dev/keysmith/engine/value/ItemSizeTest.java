package dev.keysmith.engine.value;

import static dev.keysmith.engine.value.AttributeValues.b;
import static dev.keysmith.engine.value.AttributeValues.n;
import static dev.keysmith.engine.value.AttributeValues.s;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;

class ItemSizeTest {

    /** dynamodb.md 1.2 examples, plus the 23 literals the conformance suite measured on real DynamoDB. */
    @ParameterizedTest
    @CsvSource({
        "0, 1",
        "1, 2",
        "-1, 3",
        "42, 2",
        "100, 2",
        "123, 3",
        "1234, 3",
        "12345, 4",
        "0.5, 2",
        "1.5, 3",
        "-0.001, 3",
        "12.3456, 4",
        "-12.3456, 5",
        "3.14159, 5",
        "1571827560, 6",
        "1E+125, 2",
        "9.9999999999999999999999999999999999999E+125, 20",
        "-9.9999999999999999999999999999999999999E+125, 21",
        "1E-130, 2",
        // captured against real DynamoDB (nubo-db/dynamodb-conformance src/item-size.ts)
        "12, 2",
        "12345678901234567890123456789012345678, 20",
        "0042, 2",
        "1010, 3",
        "0.0000001, 2",
        "1E125, 2",
        "1E-100, 2",
        "15, 2",
        "1.2, 3",
        "1.200, 3",
        "1.234, 4",
        "123456, 4",
        "100.5, 4",
        "0.15, 2",
        "-42, 3",
        "-0, 1",
        // the same values in canonical plain text
        "1000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000, 2",
        "-12.5, 4",
        "-0.0000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000001, 3",
    })
    void ofNumber_followsTheBase100Rule(String number, int expected) {
        assertEquals(expected, ItemSize.ofNumber(number));
        assertEquals(expected, ItemSize.ofValue(n(number)));
    }

    @Test
    void ofNumber_capsAt21Bytes() {
        // 38 digits straddling the point: 20 pairs + exponent + sign = 22, capped at 21.
        assertEquals(21, ItemSize.ofNumber("-1.2345678901234567890123456789012345678"));
        assertEquals(21, ItemSize.ofNumber("1.2345678901234567890123456789012345678"));
    }

    @Test
    void ofNumber_rejectsInvalidText() {
        assertThrows(DynamoDbException.class, () -> ItemSize.ofNumber("abc"));
        assertThrows(DynamoDbException.class, () -> ItemSize.ofNumber("-"));
    }

    @Test
    void of_officialShirtExampleIs23Bytes() {
        var item = new LinkedHashMap<String, AttributeValue>();
        item.put("shirt-color", s("R"));
        item.put("shirt-size", s("M"));
        assertEquals(23, ItemSize.of(item));
    }

    /** dynamodb.md 1.3 (a), attribute by attribute. */
    @Test
    void of_workedExampleIs102Bytes() {
        var city = new LinkedHashMap<String, AttributeValue>();
        city.put("city", s("Oslo"));
        city.put("zip", n("150"));
        var item = new LinkedHashMap<String, AttributeValue>();
        item.put("pk", s("USER#123"));
        item.put("sk", s("PROFILE"));
        item.put("age", n("42"));
        item.put("score", n("-12.50"));
        item.put("active", AttributeValue.fromBool(true));
        item.put("nick", AttributeValue.fromNul(true));
        item.put("tags", AttributeValue.fromSs(List.of("a", "bb")));
        item.put("blob", b(Base64.getDecoder().decode("AQID")));
        item.put("addr", AttributeValue.fromM(city));
        item.put("hist", AttributeValue.fromL(List.of(n("1"), s("x"))));
        item.put("name", s("Zoë"));

        int[] expected = {10, 9, 5, 9, 7, 5, 7, 7, 23, 12, 8};
        int i = 0;
        for (var e : item.entrySet()) {
            assertEquals(expected[i++], ItemSize.ofAttribute(e.getKey(), e.getValue()), e.getKey());
        }
        assertEquals(102, ItemSize.of(item));
    }

    /** dynamodb.md 1.3 (b): the live boundary item of exactly 1,024 bytes. */
    @Test
    void of_liveBoundaryItemIs1024Bytes() {
        var item = new LinkedHashMap<String, AttributeValue>();
        item.put("a", s("x".repeat(10)));
        item.put("b", s("y".repeat(999)));
        item.put("c", n("12.3456"));
        item.put("d", AttributeValue.fromB(base64("AQI=")));
        item.put("e", AttributeValue.fromBs(List.of(base64("AQI="), base64("Ag=="), base64("AQ=="))));
        assertEquals(1024, ItemSize.of(item));
        item.put("b", s("y".repeat(1000)));
        assertEquals(1025, ItemSize.of(item));
    }

    @Test
    void ofValue_emptyContainersCostThreeBytes() {
        assertEquals(3, ItemSize.ofValue(AttributeValue.fromL(List.of())));
        assertEquals(3, ItemSize.ofValue(AttributeValue.fromM(Map.of())));
    }

    @Test
    void ofValue_nestedContainersAddOverheadAtEveryLevel() {
        // {"L":[{"M":{"k":{"L":[{"BOOL":true},{"NULL":true}]}}}, {"S":""}]}
        var inner = AttributeValue.fromL(List.of(AttributeValue.fromBool(true), AttributeValue.fromNul(true)));
        var map = AttributeValue.fromM(Map.of("k", inner));
        var outer = AttributeValue.fromL(List.of(map, s("")));
        // inner: 3 + (1+1) + (1+1) = 7; map: 3 + 1 + (1 + 7) = 12; outer: 3 + (1+12) + (1+0) = 17
        assertEquals(7, ItemSize.ofValue(inner));
        assertEquals(12, ItemSize.ofValue(map));
        assertEquals(17, ItemSize.ofValue(outer));
    }

    @Test
    void ofValue_setsAreTheSumOfTheirElements() {
        assertEquals(1 + 3 + 4, ItemSize.ofValue(AttributeValue.fromSs(List.of("a", "€", "😀"))));
        assertEquals(2 + 3 + 1, ItemSize.ofValue(AttributeValue.fromNs(List.of("1", "-1", "0"))));
        assertEquals(0 + 2, ItemSize.ofValue(AttributeValue.fromBs(List.of(bytes(), bytes(1, 2)))));
    }

    @Test
    void ofValue_stringsCountUtf8Bytes() {
        assertEquals(0, ItemSize.ofValue(s("")));
        assertEquals(1 + 2 + 3 + 4, ItemSize.ofValue(s("aé€😀")));
        assertEquals(1, ItemSize.ofValue(s("\u0000")));
    }

    @Test
    void checkPut_acceptsExactly409600BytesAndRejects409601() {
        // "pk" (2) + "USER" (4) + "p" (1) + padding
        var item = new LinkedHashMap<String, AttributeValue>();
        item.put("pk", s("USER"));
        item.put("p", s("x".repeat(409_600 - 7)));
        assertEquals(ItemSize.MAX_ITEM_SIZE, ItemSize.of(item));
        assertDoesNotThrow(() -> ItemSize.checkPut(item));

        item.put("p", s("x".repeat(409_600 - 6)));
        assertEquals(409_601, ItemSize.of(item));
        var put = assertThrows(DynamoDbException.class, () -> ItemSize.checkPut(item));
        assertEquals(
                "Item size has exceeded the maximum allowed size",
                put.awsErrorDetails().errorMessage());
        var update = assertThrows(DynamoDbException.class, () -> ItemSize.checkUpdate(item));
        assertEquals(
                "Item size to update has exceeded the maximum allowed size",
                update.awsErrorDetails().errorMessage());
    }

    private static SdkBytes base64(String text) {
        return SdkBytes.fromByteArray(Base64.getDecoder().decode(text));
    }

    private static SdkBytes bytes(int... values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            b[i] = (byte) values[i];
        }
        return SdkBytes.fromByteArray(b);
    }
}
