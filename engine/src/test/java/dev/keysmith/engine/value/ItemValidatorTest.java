package dev.keysmith.engine.value;

import static dev.keysmith.engine.value.AttributeValues.n;
import static dev.keysmith.engine.value.AttributeValues.s;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.keysmith.engine.error.Errors;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;

class ItemValidatorTest {
    private static final String INVALID = "One or more parameter values were invalid: ";

    @Test
    void validateValue_rejectsAnEmptyValue() {
        assertMessage(
                "Supplied AttributeValue is empty, must contain exactly one of the supported datatypes",
                AttributeValue.builder().build());
    }

    @Test
    void validateValue_rejectsTwoTypes() {
        assertMessage(
                "Supplied AttributeValue has more than one datatypes set, must contain exactly one of the supported"
                        + " datatypes",
                AttributeValue.builder().s("a").n("1").build());
    }

    @Test
    void validateValue_reportsABadNumberBeforeTwoTypes() {
        // dynalite's live-tested order: {S: 'a', N: 'b'} reports the number.
        assertMessage(
                "The parameter cannot be converted to a numeric value: b",
                AttributeValue.builder().s("a").n("b").build());
        assertMessage(
                "The parameter cannot be converted to a numeric value",
                AttributeValue.builder().s("a").n("").build());
    }

    @Test
    void validateValue_rejectsNullFalse() {
        assertMessage(
                INVALID + "Null attribute value types must have the value of true", AttributeValue.fromNul(false));
    }

    @Test
    void validateValue_rejectsEmptySetsWithDynamoDbsWording() {
        assertMessage(INVALID + "An string set  may not be empty", AttributeValue.fromSs(List.of()));
        assertMessage(INVALID + "An number set  may not be empty", AttributeValue.fromNs(List.of()));
        assertMessage(INVALID + "Binary sets should not be empty", AttributeValue.fromBs(List.of()));
    }

    @Test
    void validateValue_rejectsEmptySetsNestedInListsAndMaps() {
        var nested = AttributeValue.fromL(List.of(AttributeValue.fromM(Map.of("x", AttributeValue.fromSs(List.of())))));
        assertMessage(INVALID + "An string set  may not be empty", nested);
    }

    @Test
    void validateValue_rejectsDuplicateStrings() {
        assertMessage(
                INVALID + "Input collection [a, a] contains duplicates.", AttributeValue.fromSs(List.of("a", "a")));
    }

    @Test
    void validateValue_rejectsDuplicateBinariesShowingBase64() {
        var b = SdkBytes.fromByteArray(new byte[] {'b'});
        assertMessage(
                INVALID + "Input collection [Yg==, Yg==]of type BS contains duplicates.",
                AttributeValue.fromBs(List.of(b, SdkBytes.fromByteArray(new byte[] {'b'}))));
    }

    @Test
    void validateValue_rejectsNumbersEqualByValue() {
        assertMessage("Input collection contains duplicates", AttributeValue.fromNs(List.of("1", "1")));
        assertMessage("Input collection contains duplicates", AttributeValue.fromNs(List.of("1", "1.0")));
        assertMessage("Input collection contains duplicates", AttributeValue.fromNs(List.of("-0", "0", "2")));
    }

    @Test
    void validateValue_checksEveryNumber() {
        assertMessage(
                "The parameter cannot be converted to a numeric value: b", AttributeValue.fromNs(List.of("1", "b")));
        assertMessage("The parameter cannot be converted to a numeric value", AttributeValue.fromNs(List.of("1", "")));
        assertMessage(
                "Number overflow. Attempting to store a number with magnitude larger than supported range",
                AttributeValue.fromL(List.of(n("1e126"))));
        assertMessage(
                "Number underflow. Attempting to store a number with magnitude smaller than supported range",
                AttributeValue.fromM(Map.of("a", n("1e-131"))));
        assertMessage(
                "Attempting to store more than 38 significant digits in a Number",
                n("123456789012345678901234567890123456789"));
    }

    @Test
    void validateValue_rejectsNullMembers() {
        assertMessage(
                "Supplied AttributeValue is empty, must contain exactly one of the supported datatypes",
                AttributeValue.fromL(Arrays.asList(s("a"), null)));
        assertMessage(
                "The parameter cannot be converted to a numeric value",
                AttributeValue.fromNs(Arrays.asList("1", null)));
    }

    @Test
    void validateValue_acceptsThirtyOneNestedLevelsAndRejectsThirtyTwo() {
        assertEquals(deepMap(31), ItemValidator.validateValue(deepMap(31)));
        assertMessage(
                "Nesting Levels have exceeded supported limits: Attributes in the item have nested levels beyond"
                        + " supported limit",
                deepMap(32));
    }

    @Test
    void validateItem_countsNestingFromTheAttribute() {
        Map<String, AttributeValue> ok = Map.of("data", deepMap(31));
        assertSame(ok, ItemValidator.validateItem(ok));
        var e = assertThrows(DynamoDbException.class, () -> ItemValidator.validateItem(Map.of("data", deepMap(32))));
        assertEquals("ValidationException", Errors.code(e));
    }

    @Test
    void validateItem_normalizesNumbersEverywhere() {
        var item = new LinkedHashMap<String, AttributeValue>();
        item.put("z", n("1.50"));
        item.put("a", AttributeValue.fromNs(List.of("1E+2", "-0")));
        item.put("m", AttributeValue.fromM(Map.of("deep", AttributeValue.fromL(List.of(n("00042"), s("1.0"))))));
        item.put("s", s("keep"));

        var result = ItemValidator.validateItem(item);

        assertEquals(List.of("z", "a", "m", "s"), new ArrayList<>(result.keySet()));
        assertEquals("1.5", result.get("z").n());
        assertEquals(List.of("100", "0"), result.get("a").ns());
        assertEquals("42", result.get("m").m().get("deep").l().get(0).n());
        assertEquals("1.0", result.get("m").m().get("deep").l().get(1).s());
        assertSame(item.get("s"), result.get("s"));
        assertEquals("1.50", item.get("z").n(), "the input is not modified");
    }

    @Test
    void validateItem_returnsTheSameMapWhenAlreadyCanonical() {
        Map<String, AttributeValue> item = Map.of(
                "pk", s("a"),
                "n", n("-12.5"),
                "e", s(""),
                "l", AttributeValue.fromL(List.of()),
                "b", AttributeValue.fromB(SdkBytes.fromByteArray(new byte[0])));
        assertSame(item, ItemValidator.validateItem(item));
    }

    private static AttributeValue deepMap(int wraps) {
        AttributeValue v = s("leaf");
        for (int i = 0; i < wraps; i++) {
            v = AttributeValue.fromM(Map.of("n", v));
        }
        return v;
    }

    private static void assertMessage(String expected, AttributeValue value) {
        var e = assertThrows(DynamoDbException.class, () -> ItemValidator.validateValue(value));
        assertEquals("ValidationException", Errors.code(e));
        assertEquals(expected, e.awsErrorDetails().errorMessage());
        var viaItem = assertThrows(DynamoDbException.class, () -> ItemValidator.validateItem(Map.of("a", value)));
        assertEquals(expected, viaItem.awsErrorDetails().errorMessage());
    }
}
