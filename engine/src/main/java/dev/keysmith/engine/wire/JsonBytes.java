package dev.keysmith.engine.wire;

import java.io.OutputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * A growable, unsynchronized byte buffer that a response body is written into: by Jackson (as its output stream) and
 * directly by {@link StoredItemJson}, which appends ready-made JSON between two of Jackson's members.
 */
final class JsonBytes extends OutputStream {
    private static final byte[] HEX = {'0', '1', '2', '3', '4', '5', '6', '7', '8', '9', 'A', 'B', 'C', 'D', 'E', 'F'};

    /**
     * For each ASCII byte, how Jackson escapes it inside a JSON string: 0 for not at all, the letter of a short escape
     * ({@code \"}, {@code \\}, {@code \b}, {@code \t}, {@code \n}, {@code \f}, {@code \r}), or {@code 'u'} for
     * a six-character escape of its hex code.
     */
    private static final byte[] ESCAPES = new byte[128];

    static {
        Arrays.fill(ESCAPES, 0, 0x20, (byte) 'u');
        ESCAPES['"'] = '"';
        ESCAPES['\\'] = '\\';
        ESCAPES['\b'] = 'b';
        ESCAPES['\t'] = 't';
        ESCAPES['\n'] = 'n';
        ESCAPES['\f'] = 'f';
        ESCAPES['\r'] = 'r';
    }

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGH_BITS = 0x8080808080808080L;

    private byte[] buf;
    private int length;

    JsonBytes(int initialCapacity) {
        buf = new byte[initialCapacity];
    }

    @Override
    public void write(int b) {
        ensure(1);
        buf[length++] = (byte) b;
    }

    @Override
    public void write(byte[] bytes, int offset, int count) {
        ensure(count);
        System.arraycopy(bytes, offset, buf, length, count);
        length += count;
    }

    @Override
    public void write(byte[] bytes) {
        write(bytes, 0, bytes.length);
    }

    /**
     * Writes valid UTF-8 text as a quoted JSON string, escaped exactly as Jackson escapes it: the characters above,
     * and each supplementary character as the escapes of its two surrogates.
     */
    void quoted(byte[] utf8, int offset, int count) {
        ensure(count + 2);
        buf[length++] = '"';
        int end = offset + count;
        int copied = offset;
        for (int i = offset; i < end; i++) {
            while (i + Long.BYTES <= end && plain((long) LONGS.get(utf8, i))) {
                i += Long.BYTES;
            }
            if (i == end) {
                break;
            }
            int b = utf8[i];
            if (b >= 0 && ESCAPES[b] != 0) {
                write(utf8, copied, i - copied);
                escape(b);
                copied = i + 1;
            } else if ((b & 0xF8) == 0xF0) { // the first of the four bytes of a supplementary character
                write(utf8, copied, i - copied);
                int codePoint = (b & 0x07) << 18
                        | (utf8[i + 1] & 0x3F) << 12
                        | (utf8[i + 2] & 0x3F) << 6
                        | (utf8[i + 3] & 0x3F);
                unicodeEscape(Character.highSurrogate(codePoint));
                unicodeEscape(Character.lowSurrogate(codePoint));
                i += 3;
                copied = i + 1;
            }
        }
        write(utf8, copied, end - copied);
        write('"');
    }

    /**
     * Whether eight bytes (read as one little-endian long) need no look: all ASCII, and none a control character, a
     * quote or a backslash. It may answer false for bytes that are plain (they are then looked at one by one), never
     * true for bytes that are not.
     */
    private static boolean plain(long eight) {
        long controls = eight - 0x20 * ONES;
        long quotes = (eight ^ '"' * ONES) - ONES;
        long backslashes = (eight ^ '\\' * ONES) - ONES;
        return ((controls | quotes | backslashes | eight) & HIGH_BITS) == 0;
    }

    private void escape(int b) {
        byte escape = ESCAPES[b];
        if (escape == 'u') {
            unicodeEscape((char) b);
        } else {
            ensure(2);
            buf[length++] = '\\';
            buf[length++] = escape;
        }
    }

    private void unicodeEscape(char c) {
        ensure(6);
        buf[length++] = '\\';
        buf[length++] = 'u';
        buf[length++] = HEX[c >> 12];
        buf[length++] = HEX[(c >> 8) & 0xF];
        buf[length++] = HEX[(c >> 4) & 0xF];
        buf[length++] = HEX[c & 0xF];
    }

    byte[] toByteArray() {
        return Arrays.copyOf(buf, length);
    }

    private void ensure(int extra) {
        if (length + extra > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, length + extra));
        }
    }
}
