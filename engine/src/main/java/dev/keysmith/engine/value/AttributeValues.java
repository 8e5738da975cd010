package dev.keysmith.engine.value;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * DynamoDB's value semantics over the SDK's {@link AttributeValue}: type names, equality (numbers by value, sets
 * without order) and the ordering used by comparisons and sort keys (S by UTF-8 bytes, N numerically, B as unsigned
 * bytes).
 */
public final class AttributeValues {
    private AttributeValues() {}

    /** The DynamoDB type name of a value: S, N, B, SS, NS, BS, M, L, BOOL or NULL. */
    public static String typeName(AttributeValue v) {
        return switch (v.type()) {
            case S -> "S";
            case N -> "N";
            case B -> "B";
            case SS -> "SS";
            case NS -> "NS";
            case BS -> "BS";
            case M -> "M";
            case L -> "L";
            case BOOL -> "BOOL";
            case NUL -> "NULL";
            case UNKNOWN_TO_SDK_VERSION -> "UNKNOWN";
        };
    }

    /** True if both values have the same type and are equal by DynamoDB's rules. */
    public static boolean equal(@Nullable AttributeValue a, @Nullable AttributeValue b) {
        if (a == null || b == null) {
            return false;
        }
        if (a.type() != b.type()) {
            return false;
        }
        return switch (a.type()) {
            case S -> a.s().equals(b.s());
            case N -> new BigDecimal(a.n()).compareTo(new BigDecimal(b.n())) == 0;
            case B -> a.b().equals(b.b());
            case BOOL -> a.bool().equals(b.bool());
            case NUL -> true;
            case SS -> a.ss().size() == b.ss().size() && new HashSet<>(a.ss()).equals(new HashSet<>(b.ss()));
            case NS -> a.ns().size() == b.ns().size() && numberSet(a.ns()).equals(numberSet(b.ns()));
            case BS -> a.bs().size() == b.bs().size() && new HashSet<>(a.bs()).equals(new HashSet<>(b.bs()));
            case L -> listEqual(a.l(), b.l());
            case M -> mapEqual(a.m(), b.m());
            case UNKNOWN_TO_SDK_VERSION -> false;
        };
    }

    /**
     * Orders two scalar values of the same type (S, N or B) as DynamoDB does; returns empty if they are not comparable
     * (different types or not scalar), in which case comparisons evaluate to false.
     */
    public static @Nullable Integer compare(@Nullable AttributeValue a, @Nullable AttributeValue b) {
        if (a == null || b == null || a.type() != b.type()) {
            return null;
        }
        return switch (a.type()) {
            case S -> compareUtf8(a.s(), b.s());
            case N -> new BigDecimal(a.n()).compareTo(new BigDecimal(b.n()));
            case B -> Arrays.compareUnsigned(a.b().asByteArrayUnsafe(), b.b().asByteArrayUnsafe());
            default -> null;
        };
    }

    /** Compares two strings by their UTF-8 bytes, which is DynamoDB's order (and differs from UTF-16 order). */
    public static int compareUtf8(String a, String b) {
        int n = Math.min(a.length(), b.length());
        for (int i = 0; i < n; i++) {
            char ca = a.charAt(i);
            char cb = b.charAt(i);
            if (ca != cb) {
                // Surrogates (U+D800..U+DFFF) encode code points above U+FFFF, which sort after U+E000..U+FFFF in
                // UTF-8.
                boolean sa = Character.isSurrogate(ca);
                boolean sb = Character.isSurrogate(cb);
                if (sa == sb) {
                    return Character.compare(ca, cb);
                }
                return sa ? 1 : -1;
            }
        }
        return Integer.compare(a.length(), b.length());
    }

    private static java.util.Set<BigDecimal> numberSet(List<String> ns) {
        var set = new HashSet<BigDecimal>();
        for (String n : ns) {
            set.add(new BigDecimal(n).stripTrailingZeros());
        }
        return set;
    }

    private static boolean listEqual(List<AttributeValue> a, List<AttributeValue> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (!equal(a.get(i), b.get(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean mapEqual(Map<String, AttributeValue> a, Map<String, AttributeValue> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (var e : a.entrySet()) {
            if (!equal(e.getValue(), b.get(e.getKey()))) {
                return false;
            }
        }
        return true;
    }

    /** Shorthand constructors, mostly for tests and internal use. */
    public static AttributeValue s(String s) {
        return AttributeValue.fromS(Objects.requireNonNull(s));
    }

    public static AttributeValue n(String n) {
        return AttributeValue.fromN(n);
    }

    public static AttributeValue b(byte[] b) {
        return AttributeValue.fromB(SdkBytes.fromByteArray(b));
    }
}
