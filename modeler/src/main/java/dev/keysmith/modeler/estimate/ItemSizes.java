package dev.keysmith.modeler.estimate;

import dev.keysmith.modeler.model.AttributeType;
import java.math.BigDecimal;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * DynamoDB's item-size rules (reference §1.1, §1.2) over items in DynamoDB JSON form as plain Java values (as the
 * model's sample items hold them), plus typical value sizes for attributes declared without one.
 */
public final class ItemSizes {
    private ItemSizes() {}

    /** UTF-8 bytes of an attribute name or string value. */
    public static long utf8(String text) {
        long bytes = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                bytes += 1;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < text.length()) {
                bytes += 4;
                i++;
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }

    /**
     * Bytes of a number: one exponent byte plus base-100 digit pairs, one more if negative, 21 at most; zero is 1 byte.
     *
     * @throws IllegalArgumentException if {@code text} is not a number
     */
    public static long number(String text) {
        BigDecimal value;
        try {
            value = new BigDecimal(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is not a number", e);
        }
        if (value.signum() == 0) {
            return 1;
        }
        BigDecimal normal = value.stripTrailingZeros();
        int digits = normal.precision();
        long lo = -(long) normal.scale(); // exponent of the last significant digit
        long hi = lo + digits - 1; // exponent of the first significant digit
        long pairs = Math.floorDiv(hi, 2) - Math.floorDiv(lo, 2) + 1;
        return Math.min(21, 1 + pairs + (value.signum() < 0 ? 1 : 0));
    }

    /**
     * Bytes of an item in DynamoDB JSON form ({@code {"pk": {"S": "a"}, "n": {"N": "1"}}}): attribute names plus values.
     *
     * @throws IllegalArgumentException naming the attribute whose value is not DynamoDB JSON
     */
    public static long item(Map<String, ?> item) {
        long bytes = 0;
        for (Map.Entry<String, ?> e : item.entrySet()) {
            bytes += attribute(e.getKey(), e.getValue());
        }
        return bytes;
    }

    /** Bytes of one attribute: its name plus its value. */
    public static long attribute(String name, Object value) {
        try {
            return utf8(name) + value(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Attribute '" + name + "': " + e.getMessage(), e);
        }
    }

    /** Bytes of one value in DynamoDB JSON form ({@code {"S": "abc"}}). */
    public static long value(Object typed) {
        if (!(typed instanceof Map<?, ?> map) || map.size() != 1) {
            throw new IllegalArgumentException("a value must be an object with one type key, such as {\"S\": \"x\"}");
        }
        Map.Entry<?, ?> only = map.entrySet().iterator().next();
        Object v = only.getValue();
        return switch (String.valueOf(only.getKey())) {
            case "S" -> utf8(String.valueOf(v));
            case "N" -> number(String.valueOf(v));
            case "B" -> binary(v);
            case "BOOL", "NULL" -> 1;
            case "SS" ->
                elements(v).stream().mapToLong(s -> utf8(String.valueOf(s))).sum();
            case "NS" ->
                elements(v).stream().mapToLong(n -> number(String.valueOf(n))).sum();
            case "BS" -> elements(v).stream().mapToLong(ItemSizes::binary).sum();
            case "L" -> 3 + elements(v).stream().mapToLong(e -> 1 + value(e)).sum();
            case "M" -> {
                if (!(v instanceof Map<?, ?> m)) {
                    throw new IllegalArgumentException("an M value must be an object");
                }
                long bytes = 3;
                for (Map.Entry<?, ?> e : m.entrySet()) {
                    bytes += 1 + utf8(String.valueOf(e.getKey())) + value(e.getValue());
                }
                yield bytes;
            }
            default -> throw new IllegalArgumentException("unknown type '" + only.getKey() + "'");
        };
    }

    /**
     * A typical value size for an attribute declared without one: 16-byte strings, 6-byte numbers (about 10 digits),
     * 32-byte binaries, three-element sets, lists and maps of such values.
     */
    public static long typical(AttributeType type) {
        return switch (type) {
            case S -> 16;
            case N -> 6;
            case B -> 32;
            case BOOL, NULL -> 1;
            case SS -> 3 * 16;
            case NS -> 3 * 6;
            case BS -> 3 * 32;
            case L -> 3 + 3 * (1 + 16);
            case M -> 3 + 3 * (1 + 8 + 16);
        };
    }

    private static long binary(Object base64) {
        try {
            return Base64.getDecoder().decode(String.valueOf(base64)).length;
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("a B value must be base64", e);
        }
    }

    private static Collection<?> elements(Object v) {
        if (v instanceof List<?> list) {
            return list;
        }
        throw new IllegalArgumentException("a set or list value must be an array");
    }
}
