package dev.keysmith.engine.differential;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Random attribute values of all ten types, biased towards the edge cases where implementations tend to differ. */
final class Values {
    /** Key strings: ASCII, non-ASCII, a supplementary character (UTF-8 and UTF-16 order it differently from U+FFFD). */
    static final List<String> KEY_STRINGS = List.of("a", "ab", "b", "Z", "é", "\uFFFD", "😀", "a😀", "ab😀x");

    /** Key numbers: equal values with different spellings, signs, the extremes of DynamoDB's range, 38 digits. */
    static final List<String> KEY_NUMBERS = List.of(
            "0",
            "1",
            "1.0",
            "-1",
            "10",
            "1E+1",
            "2.5",
            "-2.50",
            "0.001",
            "-0.0010",
            "12345678901234567890123456789012345678",
            "-1E-130",
            "1E-130",
            "9.9999999999999999999999999999999999999E+125",
            "-9.9999999999999999999999999999999999999E+125");

    static final List<byte[]> KEY_BINARIES = List.of(
            new byte[] {0},
            new byte[] {0, 0},
            new byte[] {(byte) 0xFF},
            new byte[] {0, (byte) 0xFF},
            new byte[] {(byte) 0xFF, 0},
            new byte[] {1},
            new byte[] {1, 2, 3});

    private static final List<String> CHARS =
            List.of("a", "b", "z", "0", " ", "é", "ß", "日", "\uFFFD", "😀", "𝄞", "#");

    private final Random random;

    Values(Random random) {
        this.random = random;
    }

    AttributeValue key(char type) {
        return switch (type) {
            case 'S' -> AttributeValue.fromS(pick(KEY_STRINGS));
            case 'N' -> AttributeValue.fromN(pick(KEY_NUMBERS));
            case 'B' -> AttributeValue.fromB(SdkBytes.fromByteArray(pick(KEY_BINARIES)));
            default -> throw new IllegalArgumentException("key type " + type);
        };
    }

    /** A value of a random type; containers nest up to {@code depth} levels. */
    AttributeValue any(int depth) {
        int kinds = depth > 0 ? 10 : 8;
        return switch (random.nextInt(kinds)) {
            case 0 -> AttributeValue.fromS(string());
            case 1 -> AttributeValue.fromN(number());
            case 2 -> AttributeValue.fromB(binary());
            case 3 -> AttributeValue.fromBool(random.nextBoolean());
            case 4 -> AttributeValue.fromNul(true);
            case 5 -> AttributeValue.fromSs(set(this::string));
            case 6 -> AttributeValue.fromNs(set(this::number));
            case 7 -> AttributeValue.fromBs(set(this::binary));
            case 8 -> list(depth - 1);
            default -> map(depth - 1);
        };
    }

    AttributeValue list(int depth) {
        List<AttributeValue> list = new ArrayList<>();
        int n = random.nextInt(4);
        for (int i = 0; i < n; i++) {
            list.add(any(depth));
        }
        return AttributeValue.fromL(list);
    }

    AttributeValue map(int depth) {
        Map<String, AttributeValue> map = new LinkedHashMap<>();
        int n = random.nextInt(4);
        for (int i = 0; i < n; i++) {
            map.put(pick(List.of("x", "y", "z", "é")), any(depth));
        }
        return AttributeValue.fromM(map);
    }

    String string() {
        StringBuilder sb = new StringBuilder();
        int n = random.nextInt(6);
        for (int i = 0; i < n; i++) {
            sb.append(pick(CHARS));
        }
        return sb.toString();
    }

    String number() {
        if (random.nextInt(3) > 0) {
            return pick(KEY_NUMBERS);
        }
        int digits = 1 + random.nextInt(random.nextBoolean() ? 5 : 38);
        BigInteger unscaled = new BigInteger(digits * 4, random).mod(BigInteger.TEN.pow(digits));
        if (random.nextBoolean()) {
            unscaled = unscaled.negate();
        }
        BigDecimal value = new BigDecimal(unscaled, random.nextInt(60) - 30);
        return random.nextBoolean() ? value.toPlainString() : value.toString();
    }

    SdkBytes binary() {
        byte[] bytes = new byte[random.nextInt(4)];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = switch (random.nextInt(3)) {
                case 0 -> 0;
                case 1 -> (byte) 0xFF;
                default -> (byte) random.nextInt(256);
            };
        }
        return SdkBytes.fromByteArray(bytes);
    }

    /** A set of one to three members; members may be equal by value (an error DynamoDB reports). */
    private <T> List<T> set(Supplier<T> member) {
        Set<T> set = new LinkedHashSet<>();
        int n = 1 + random.nextInt(3);
        for (int i = 0; i < n; i++) {
            set.add(member.get());
        }
        return new ArrayList<>(set);
    }

    <T> T pick(List<T> list) {
        return list.get(random.nextInt(list.size()));
    }
}
