package dev.keysmith.engine.keys;

import java.util.Arrays;

/** A small growable byte buffer for building keys and serialized items. Not thread-safe; reusable via reset(). */
public final class KeyWriter {
    private byte[] buf;
    private int length;

    public KeyWriter() {
        this(64);
    }

    public KeyWriter(int initialCapacity) {
        buf = new byte[Math.max(16, initialCapacity)];
    }

    public KeyWriter append(byte b) {
        ensure(1);
        buf[length++] = b;
        return this;
    }

    public KeyWriter append(byte[] bytes) {
        return append(bytes, 0, bytes.length);
    }

    public KeyWriter append(byte[] bytes, int offset, int count) {
        ensure(count);
        System.arraycopy(bytes, offset, buf, length, count);
        length += count;
        return this;
    }

    /** Appends an unsigned LEB128 variable-length integer (7 bits per byte, low bits first). */
    KeyWriter appendVarint(int value) {
        ensure(5);
        int v = value;
        while ((v & ~0x7F) != 0) {
            buf[length++] = (byte) ((v & 0x7F) | 0x80);
            v >>>= 7;
        }
        buf[length++] = (byte) v;
        return this;
    }

    /** A copy of the bytes written so far. */
    public byte[] toByteArray() {
        return Arrays.copyOf(buf, length);
    }

    public int length() {
        return length;
    }

    /** Forgets the content, keeping the allocated capacity. */
    public void reset() {
        length = 0;
    }

    private void ensure(int extra) {
        if (length + extra > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, length + extra));
        }
    }
}
