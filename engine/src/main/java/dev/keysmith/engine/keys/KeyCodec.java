package dev.keysmith.engine.keys;

import dev.keysmith.engine.error.Errors;
import dev.keysmith.engine.value.Numbers;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Order-preserving, self-delimiting, prefix-free encoding of key values (S, N, B): comparing two encodings with
 * {@link java.util.Arrays#compareUnsigned(byte[], byte[])} gives DynamoDB's order (S by UTF-8 bytes, N numerically, B
 * as unsigned bytes), and concatenated encodings compare like tuples.
 *
 * <p>Layout (STYLE.md 6.2):
 *
 * <ul>
 *   <li>B: {@code 0x01}, the bytes with {@code 0x00} escaped as {@code 0x00 0x01}, then the terminator
 *       {@code 0x00 0x00}. The terminator never occurs inside an escaped body, so no encoding is a prefix of another
 *       (the FoundationDB tuple layer's {@code 0x00 0xFF} escape with a one-byte terminator is not prefix-free: the
 *       encoding of {@code 0x00} would be a prefix of the encoding of {@code 0x00 0x00}). A shorter value still sorts
 *       before its extensions, since the terminator {@code 0x00 0x00} is below any continuation.
 *   <li>S: the same with type byte {@code 0x02} over the UTF-8 bytes.
 *   <li>N: the SQLite4 key encoding of numbers, written here from its public description on {@link BigDecimal}. A
 *       non-zero value is {@code ±0.d1 d2 ... dk × 100^E} with base-100 digits, {@code d1 != 0} and {@code dk != 0}.
 *       Zero is the single byte {@code 0x15}. A positive value is {@code 0x16}, the exponent byte {@code E + 64},
 *       then one byte per digit: {@code 2d + 1} for every digit but the last and {@code 2d} for the last, so the last
 *       byte is the only even one and ends the value. A negative value is {@code 0x14} followed by the one's
 *       complement of the positive layout's exponent and digit bytes. DynamoDB's range (1E-130 to 9.99...E+125)
 *       gives {@code E} in [-64, 63], so the exponent always fits one byte, and 38 digits give at most 20 digit
 *       bytes. Nothing is ever rounded.
 * </ul>
 */
public final class KeyCodec {
    static final byte TYPE_B = 0x01;
    static final byte TYPE_S = 0x02;
    static final byte NUM_NEGATIVE = 0x14;
    static final byte NUM_ZERO = 0x15;
    static final byte NUM_POSITIVE = 0x16;

    private static final int EXPONENT_BIAS = 64;
    private static final byte ESCAPE = 0x01;
    private static final byte TERMINATOR = 0x00;

    private static final ThreadLocal<MessageDigest> MD5 = ThreadLocal.withInitial(KeyCodec::md5);

    private KeyCodec() {}

    /** The encoding of one key value. */
    public static byte[] encode(AttributeValue keyValue) {
        KeyWriter out = new KeyWriter(32);
        encode(out, keyValue);
        return out.toByteArray();
    }

    /** Appends the encoding of one key value. */
    public static void encode(KeyWriter out, AttributeValue keyValue) {
        if (keyValue.s() != null) {
            escaped(out, TYPE_S, keyValue.s().getBytes(StandardCharsets.UTF_8));
            out.append((byte) 0);
            out.append(TERMINATOR);
        } else if (keyValue.n() != null) {
            encodeNumber(out, Numbers.parse(keyValue.n()));
        } else if (keyValue.b() != null) {
            escaped(out, TYPE_B, keyValue.b().asByteArrayUnsafe());
            out.append((byte) 0);
            out.append(TERMINATOR);
        } else {
            throw Errors.validation("The provided key element does not match the schema");
        }
    }

    /**
     * For {@code begins_with} on S or B: the encoded prefix without terminator, so every encoded value that begins
     * with the given value starts with these bytes (and no other value's encoding does).
     */
    public static byte[] beginsWithPrefix(AttributeValue prefix) {
        KeyWriter out = new KeyWriter(32);
        if (prefix.s() != null) {
            escaped(out, TYPE_S, prefix.s().getBytes(StandardCharsets.UTF_8));
        } else if (prefix.b() != null) {
            escaped(out, TYPE_B, prefix.b().asByteArrayUnsafe());
        } else {
            throw Errors.validation("The provided key element does not match the schema");
        }
        return out.toByteArray();
    }

    /**
     * The smallest byte string greater than every byte string that starts with {@code prefix}, for the exclusive
     * upper bound of a prefix scan (a {@code begins_with} condition, or all sort keys under one partition key); null
     * if there is none (the prefix is empty or all {@code 0xFF}). A key {@code k} starts with {@code prefix} exactly
     * when {@code prefix <= k < prefixEnd(prefix)}.
     */
    public static byte @Nullable [] prefixEnd(byte[] prefix) {
        int end = prefix.length;
        while (end > 0 && prefix[end - 1] == (byte) 0xFF) {
            end--;
        }
        if (end == 0) {
            return null;
        }
        byte[] result = Arrays.copyOf(prefix, end);
        result[end - 1]++;
        return result;
    }

    /** Decodes one value starting at {@code pos[0]} and advances {@code pos[0]} past it. */
    public static AttributeValue decode(byte[] buf, int[] pos) {
        byte type = buf[pos[0]++];
        return switch (type) {
            case TYPE_S -> AttributeValue.fromS(new String(unescape(buf, pos), StandardCharsets.UTF_8));
            case TYPE_B -> AttributeValue.fromB(SdkBytes.fromByteArrayUnsafe(unescape(buf, pos)));
            case NUM_ZERO -> AttributeValue.fromN("0");
            case NUM_POSITIVE, NUM_NEGATIVE -> AttributeValue.fromN(decodeNumber(buf, pos, type == NUM_NEGATIVE));
            default -> throw new IllegalArgumentException("Not an encoded key value: type byte " + (type & 0xFF));
        };
    }

    /**
     * A stable 16-bit hash (0..65535) of an encoded partition key value: the first two bytes of its MD5 digest, so it
     * is the same on every run and JVM.
     */
    public static int hash16(byte[] encodedPartitionKey) {
        MessageDigest md5 = MD5.get();
        md5.reset();
        byte[] digest = md5.digest(encodedPartitionKey);
        return ((digest[0] & 0xFF) << 8) | (digest[1] & 0xFF);
    }

    private static void escaped(KeyWriter out, byte type, byte[] bytes) {
        out.append(type);
        int start = 0;
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                out.append(bytes, start, i + 1 - start);
                out.append(ESCAPE);
                start = i + 1;
            }
        }
        out.append(bytes, start, bytes.length - start);
    }

    private static byte[] unescape(byte[] buf, int[] pos) {
        KeyWriter out = new KeyWriter(32);
        int i = pos[0];
        int start = i;
        while (true) {
            if (buf[i] == 0) {
                if (buf[i + 1] == ESCAPE) {
                    out.append(buf, start, i + 1 - start);
                    i += 2;
                    start = i;
                    continue;
                }
                out.append(buf, start, i - start);
                pos[0] = i + 2;
                return out.toByteArray();
            }
            i++;
        }
    }

    private static void encodeNumber(KeyWriter out, BigDecimal value) {
        if (value.signum() == 0) {
            out.append(NUM_ZERO);
            return;
        }
        boolean negative = value.signum() < 0;
        String digits = value.unscaledValue().abs().toString();
        // Decimal exponent of the most significant digit, then the base-100 exponent E with value = 0.d1... x 100^E.
        int hi = digits.length() - 1 - value.scale();
        int exponent = Math.floorDiv(hi, 2) + 1;
        int flip = negative ? 0xFF : 0;
        out.append(negative ? NUM_NEGATIVE : NUM_POSITIVE);
        out.append((byte) ((exponent + EXPONENT_BIAS) ^ flip));
        // An even hi puts the leading digit in the units place of the first base-100 digit.
        int i = Math.floorMod(hi, 2) == 0 ? -1 : 0;
        while (i < digits.length()) {
            int tens = i < 0 ? 0 : digits.charAt(i) - '0';
            int units = i + 1 < digits.length() ? digits.charAt(i + 1) - '0' : 0;
            int centimal = tens * 10 + units;
            boolean last = i + 2 >= digits.length();
            out.append((byte) ((2 * centimal + (last ? 0 : 1)) ^ flip));
            i += 2;
        }
    }

    private static String decodeNumber(byte[] buf, int[] pos, boolean negative) {
        int flip = negative ? 0xFF : 0;
        int p = pos[0];
        int exponent = ((buf[p++] & 0xFF) ^ flip) - EXPONENT_BIAS;
        StringBuilder digits = new StringBuilder(40);
        int b;
        do {
            b = (buf[p++] & 0xFF) ^ flip;
            int centimal = b >> 1;
            digits.append((char) ('0' + centimal / 10)).append((char) ('0' + centimal % 10));
        } while ((b & 1) == 1);
        pos[0] = p;
        BigInteger unscaled = new BigInteger(digits.toString());
        BigDecimal value = new BigDecimal(negative ? unscaled.negate() : unscaled, digits.length() - 2 * exponent);
        return Numbers.toCanonical(value);
    }

    private static MessageDigest md5() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is required of every Java runtime", e);
        }
    }
}
