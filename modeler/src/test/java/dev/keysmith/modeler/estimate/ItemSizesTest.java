package dev.keysmith.modeler.estimate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Expected sizes are reference §1.1 to §1.3 (DynamoDB's documented and live-verified examples). */
class ItemSizesTest {

    @Test
    void documentationExample_is23Bytes() {
        assertEquals(23, ItemSizes.item(Map.of("shirt-color", Map.of("S", "R"), "shirt-size", Map.of("S", "M"))));
    }

    @Test
    void numbers_takeAnExponentByteAndBase100DigitPairs() {
        Map<String, Long> expected = new LinkedHashMap<>();
        expected.put("0", 1L);
        expected.put("1", 2L);
        expected.put("-1", 3L);
        expected.put("42", 2L);
        expected.put("100", 2L);
        expected.put("123", 3L);
        expected.put("1234", 3L);
        expected.put("12345", 4L);
        expected.put("0.5", 2L);
        expected.put("1.5", 3L);
        expected.put("-0.001", 3L);
        expected.put("12.3456", 4L);
        expected.put("-12.3456", 5L);
        expected.put("3.14159", 5L);
        expected.put("1571827560", 6L);
        expected.put("1E+125", 2L);
        expected.put("9.9999999999999999999999999999999999999E+125", 20L);
        expected.put("-9.9999999999999999999999999999999999999E+125", 21L);
        expected.put("1E-130", 2L);
        expected.put("-12.50", 4L);
        expected.forEach((n, bytes) -> assertEquals(bytes, ItemSizes.number(n), n));
    }

    @Test
    void workedExampleItem_is102Bytes() {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("pk", Map.of("S", "USER#123"));
        item.put("sk", Map.of("S", "PROFILE"));
        item.put("age", Map.of("N", "42"));
        item.put("score", Map.of("N", "-12.50"));
        item.put("active", Map.of("BOOL", true));
        item.put("nick", Map.of("NULL", true));
        item.put("tags", Map.of("SS", List.of("a", "bb")));
        item.put("blob", Map.of("B", "AQID"));
        item.put("addr", Map.of("M", Map.of("city", Map.of("S", "Oslo"), "zip", Map.of("N", "150"))));
        item.put("hist", Map.of("L", List.of(Map.of("N", "1"), Map.of("S", "x"))));
        item.put("name", Map.of("S", "Zoë"));
        assertEquals(102, ItemSizes.item(item));
    }

    @Test
    void liveBoundaryItem_is1024Bytes() {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("a", Map.of("S", "x".repeat(10)));
        item.put("b", Map.of("S", "y".repeat(999)));
        item.put("c", Map.of("N", "12.3456"));
        item.put("d", Map.of("B", "AQI="));
        item.put("e", Map.of("BS", List.of("AQI=", "Ag==", "AQ==")));
        assertEquals(1_024, ItemSizes.item(item));
        assertEquals(1, CapacityMath.write(0, ItemSizes.item(item), false).units());
        item.put("b", Map.of("S", "y".repeat(1_000)));
        assertEquals(2, CapacityMath.write(0, ItemSizes.item(item), false).units());
    }

    @Test
    void emptyContainers_areThreeBytes() {
        assertEquals(3, ItemSizes.value(Map.of("L", List.of())));
        assertEquals(3, ItemSizes.value(Map.of("M", Map.of())));
    }

    @Test
    void malformedValues_nameTheAttribute() {
        var e = assertThrows(IllegalArgumentException.class, () -> ItemSizes.item(Map.of("age", Map.of("N", "forty"))));
        assertEquals("Attribute 'age': 'forty' is not a number", e.getMessage());
        var typed = assertThrows(IllegalArgumentException.class, () -> ItemSizes.item(Map.of("x", "plain")));
        assertEquals(
                "Attribute 'x': a value must be an object with one type key, such as {\"S\": \"x\"}",
                typed.getMessage());
    }
}
