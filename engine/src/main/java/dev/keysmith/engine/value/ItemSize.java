package dev.keysmith.engine.value;

import dev.keysmith.engine.error.Errors;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * DynamoDB's item size, the figure behind the 400 KB item limit and capacity units. An item's size is the sum over
 * its attributes of the UTF-8 length of the name plus the size of the value:
 *
 * <ul>
 *   <li>S: UTF-8 bytes; B: raw bytes; BOOL and NULL: 1 byte;
 *   <li>N: 1 byte plus one byte per base-100 digit pair, plus 1 if negative, at most 21; zero is 1 byte;
 *   <li>L and M: 3 bytes plus, per element, 1 byte plus the element's size (a map element's size includes the UTF-8
 *       length of its key);
 *   <li>SS, NS, BS: the sum of the element sizes, without overhead.
 * </ul>
 */
public final class ItemSize {
    /** The maximum item size, 400 KB (binary). */
    public static final int MAX_ITEM_SIZE = 409_600;

    /** The size a list or map adds before its elements. */
    public static final int CONTAINER_OVERHEAD = 3;

    /** The size each list or map element adds on top of its own. */
    public static final int ELEMENT_OVERHEAD = 1;

    private static final int MAX_NUMBER_SIZE = 21;

    private ItemSize() {}

    /** The size of a whole item. */
    public static int of(Map<String, AttributeValue> item) {
        int size = 0;
        for (var e : item.entrySet()) {
            size += ofAttribute(e.getKey(), e.getValue());
        }
        return size;
    }

    /** The size one attribute adds to an item: its name's UTF-8 length plus its value's size. */
    public static int ofAttribute(String name, AttributeValue value) {
        return utf8Length(name) + ofValue(value);
    }

    /** The size of one value. */
    public static int ofValue(AttributeValue value) {
        if (value.s() != null) {
            return utf8Length(value.s());
        }
        if (value.n() != null) {
            return ofNumber(value.n());
        }
        if (value.b() != null) {
            return value.b().asByteArrayUnsafe().length;
        }
        if (value.bool() != null || value.nul() != null) {
            return 1;
        }
        if (value.hasSs()) {
            int size = 0;
            for (String s : value.ss()) {
                size += utf8Length(s);
            }
            return size;
        }
        if (value.hasNs()) {
            int size = 0;
            for (String n : value.ns()) {
                size += ofNumber(n);
            }
            return size;
        }
        if (value.hasBs()) {
            int size = 0;
            for (SdkBytes b : value.bs()) {
                size += b.asByteArrayUnsafe().length;
            }
            return size;
        }
        if (value.hasL()) {
            return ofList(value.l());
        }
        if (value.hasM()) {
            int size = CONTAINER_OVERHEAD;
            for (var e : value.m().entrySet()) {
                size += ELEMENT_OVERHEAD + ofAttribute(e.getKey(), e.getValue());
            }
            return size;
        }
        throw Errors.validation(
                "Supplied AttributeValue is empty, must contain exactly one of the supported datatypes");
    }

    private static int ofList(List<AttributeValue> list) {
        int size = CONTAINER_OVERHEAD;
        for (AttributeValue element : list) {
            size += ELEMENT_OVERHEAD + ofValue(element);
        }
        return size;
    }

    /**
     * The size of a number (dynamodb.md section 1.2): DynamoDB stores a sign-and-exponent byte and then base-100
     * digit pairs, so the size is {@code 1 + pairs (+1 if negative)}, capped at 21, where {@code pairs} counts the
     * pairs between the most and the least significant non-zero digit, aligned on the decimal point.
     */
    public static int ofNumber(String text) {
        int plain = ofPlainNumber(text);
        return plain >= 0 ? plain : ofNumber(Numbers.parse(text));
    }

    /** The size of a number already parsed by {@link Numbers#parse}. */
    public static int ofNumber(BigDecimal value) {
        if (value.signum() == 0) {
            return 1;
        }
        BigDecimal stripped = value.stripTrailingZeros();
        long lo = -(long) stripped.scale();
        long hi = lo + stripped.precision() - 1;
        return numberSize(hi, lo, stripped.signum() < 0);
    }

    private static int numberSize(long hi, long lo, boolean negative) {
        long pairs = Math.floorDiv(hi, 2) - Math.floorDiv(lo, 2) + 1;
        return (int) Math.min(MAX_NUMBER_SIZE, 1 + pairs + (negative ? 1 : 0));
    }

    /**
     * Sizes a number written in plain notation ({@code [-]digits[.digits]}, the canonical form) without parsing it;
     * returns -1 for any other text, which then goes through {@link Numbers#parse}.
     */
    private static int ofPlainNumber(String text) {
        int length = text.length();
        int start = length > 0 && text.charAt(0) == '-' ? 1 : 0;
        int point = -1;
        int first = -1;
        int last = -1;
        for (int i = start; i < length; i++) {
            char c = text.charAt(i);
            if (c == '.' && point < 0) {
                point = i;
            } else if (c >= '1' && c <= '9') {
                if (first < 0) {
                    first = i;
                }
                last = i;
            } else if (c != '0') {
                return -1;
            }
        }
        if (start == length || (point >= 0 && length == start + 1)) {
            return -1;
        }
        if (first < 0) {
            return 1;
        }
        int pointAt = point < 0 ? length : point;
        return numberSize(exponentAt(first, pointAt), exponentAt(last, pointAt), start == 1);
    }

    /** The decimal exponent of the digit at {@code index} in a plain number whose point is at {@code pointAt}. */
    private static long exponentAt(int index, int pointAt) {
        return index < pointAt ? pointAt - index - 1 : pointAt - index;
    }

    /**
     * The UTF-8 length of a string as Java encodes it (an unpaired surrogate becomes one replacement byte), counted
     * without allocating.
     */
    static int utf8Length(String s) {
        int length = s.length();
        int bytes = length;
        for (int i = 0; i < length; i++) {
            char c = s.charAt(i);
            if (c >= 0x80) {
                if (c < 0x800) {
                    bytes += 1;
                } else if (Character.isHighSurrogate(c)
                        && i + 1 < length
                        && Character.isLowSurrogate(s.charAt(i + 1))) {
                    bytes += 2;
                    i++;
                } else if (!Character.isSurrogate(c)) {
                    bytes += 2;
                }
            }
        }
        return bytes;
    }

    /** Throws DynamoDB's PutItem/BatchWriteItem error if an item is larger than 400 KB. */
    public static void checkPut(Map<String, AttributeValue> item) {
        if (of(item) > MAX_ITEM_SIZE) {
            throw Errors.validation("Item size has exceeded the maximum allowed size");
        }
    }

    /** Throws DynamoDB's UpdateItem error if the updated item is larger than 400 KB. */
    public static void checkUpdate(Map<String, AttributeValue> item) {
        if (of(item) > MAX_ITEM_SIZE) {
            throw Errors.validation("Item size to update has exceeded the maximum allowed size");
        }
    }
}
