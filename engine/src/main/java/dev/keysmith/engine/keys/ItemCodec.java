package dev.keysmith.engine.keys;

import dev.keysmith.engine.value.ItemSize;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Compact binary serialization of a whole item, as stored for every item. The item must already be validated and
 * normalized ({@link dev.keysmith.engine.value.ItemValidator}); numbers are stored as their canonical text so decoding
 * needs no number parsing.
 *
 * <p>Format (version 1): a version byte, then the attribute count and the attributes. Counts and lengths are unsigned
 * LEB128 varints. An attribute is its name (length + UTF-8) and a value. A value is a tag byte and a payload: S, N
 * (ASCII) and B are length + bytes; BOOL is one of two tags with no payload, NULL a tag with no payload; SS, NS and BS
 * are a count and that many length-prefixed elements; L is a count and values; M is a count and attributes. Set
 * element order and map insertion order are preserved.
 *
 * <p>{@link #decode} turns stored bytes back into SDK values; {@link Reader} walks them without building any, for
 * callers that only need the pieces (the HTTP endpoint writes their JSON straight from the bytes, {@link #size}
 * measures them).
 */
public final class ItemCodec {
    static final byte FORMAT_VERSION = 1;

    /** The type of a stored value, as its tag byte says ({@code TRUE} and {@code FALSE} are the two BOOL values). */
    public enum Kind {
        S,
        N,
        B,
        TRUE,
        FALSE,
        NULL,
        SS,
        NS,
        BS,
        L,
        M;

        private static final Kind[] BY_TAG = values();

        /** The tag byte that stands for this kind: 1 for S through 11 for M. */
        byte tag() {
            return (byte) (ordinal() + 1);
        }
    }

    private static final AttributeValue TRUE_VALUE = AttributeValue.fromBool(true);
    private static final AttributeValue FALSE_VALUE = AttributeValue.fromBool(false);
    private static final AttributeValue NULL_VALUE = AttributeValue.fromNul(true);

    private ItemCodec() {}

    /** Serializes an item. */
    public static byte[] encode(Map<String, AttributeValue> item) {
        KeyWriter out = new KeyWriter(256);
        out.append(FORMAT_VERSION);
        writeMap(out, item);
        return out.toByteArray();
    }

    /** Deserializes an item; the returned map is a new mutable {@link LinkedHashMap} in the original order. */
    public static Map<String, AttributeValue> decode(byte[] bytes) {
        return Reader.of(bytes).map();
    }

    /**
     * The DynamoDB size of a stored item ({@link ItemSize#of} of its decoded form), read from the bytes without
     * decoding them: names and strings are stored as UTF-8, so their lengths are the stored lengths.
     */
    public static int size(byte[] bytes) {
        Reader in = Reader.of(bytes);
        int size = 0;
        for (int i = in.count(); i > 0; i--) {
            size += in.run() + sizeOfValue(in);
        }
        return size;
    }

    private static int sizeOfValue(Reader in) {
        return switch (in.kind()) {
            case S, B -> in.run();
            case N -> ItemSize.ofNumber(in.ascii());
            case TRUE, FALSE, NULL -> 1;
            case SS, BS -> {
                int size = 0;
                for (int i = in.count(); i > 0; i--) {
                    size += in.run();
                }
                yield size;
            }
            case NS -> {
                int size = 0;
                for (int i = in.count(); i > 0; i--) {
                    size += ItemSize.ofNumber(in.ascii());
                }
                yield size;
            }
            case L -> {
                int size = ItemSize.CONTAINER_OVERHEAD;
                for (int i = in.count(); i > 0; i--) {
                    size += ItemSize.ELEMENT_OVERHEAD + sizeOfValue(in);
                }
                yield size;
            }
            case M -> {
                int size = ItemSize.CONTAINER_OVERHEAD;
                for (int i = in.count(); i > 0; i--) {
                    size += ItemSize.ELEMENT_OVERHEAD + in.run() + sizeOfValue(in);
                }
                yield size;
            }
        };
    }

    private static void writeMap(KeyWriter out, Map<String, AttributeValue> map) {
        out.appendVarint(map.size());
        for (var e : map.entrySet()) {
            writeString(out, e.getKey());
            writeValue(out, e.getValue());
        }
    }

    private static void writeValue(KeyWriter out, AttributeValue v) {
        if (v.s() != null) {
            out.append(Kind.S.tag());
            writeString(out, v.s());
        } else if (v.n() != null) {
            out.append(Kind.N.tag());
            writeAscii(out, v.n());
        } else if (v.b() != null) {
            out.append(Kind.B.tag());
            writeBytes(out, v.b().asByteArrayUnsafe());
        } else if (v.bool() != null) {
            out.append(v.bool() ? Kind.TRUE.tag() : Kind.FALSE.tag());
        } else if (v.nul() != null) {
            out.append(Kind.NULL.tag());
        } else if (v.hasSs()) {
            out.append(Kind.SS.tag()).appendVarint(v.ss().size());
            for (String s : v.ss()) {
                writeString(out, s);
            }
        } else if (v.hasNs()) {
            out.append(Kind.NS.tag()).appendVarint(v.ns().size());
            for (String n : v.ns()) {
                writeAscii(out, n);
            }
        } else if (v.hasBs()) {
            out.append(Kind.BS.tag()).appendVarint(v.bs().size());
            for (SdkBytes b : v.bs()) {
                writeBytes(out, b.asByteArrayUnsafe());
            }
        } else if (v.hasL()) {
            out.append(Kind.L.tag()).appendVarint(v.l().size());
            for (AttributeValue element : v.l()) {
                writeValue(out, element);
            }
        } else if (v.hasM()) {
            out.append(Kind.M.tag());
            writeMap(out, v.m());
        } else {
            throw new IllegalArgumentException("Cannot store an AttributeValue with no type set");
        }
    }

    private static void writeString(KeyWriter out, String s) {
        writeBytes(out, s.getBytes(StandardCharsets.UTF_8));
    }

    private static void writeAscii(KeyWriter out, String s) {
        writeBytes(out, s.getBytes(StandardCharsets.ISO_8859_1));
    }

    private static void writeBytes(KeyWriter out, byte[] bytes) {
        out.appendVarint(bytes.length);
        out.append(bytes);
    }

    /**
     * A cursor over one stored item, read front to back in the order it was written. An item is {@link #count} then,
     * per attribute, a name ({@link #run}) and a value ({@link #kind}, then: for S, N and B one run; for SS, NS and
     * BS a count and that many runs; for L a count and that many values; for M what an item is; nothing otherwise).
     * A run is a length-prefixed stretch of {@link #buffer()}: {@link #run} skips it and returns its length, after
     * which {@link #runStart} is where it begins.
     */
    public static final class Reader {
        private final byte[] buf;
        private int pos;
        private int runStart;

        private Reader(byte[] buf, int pos) {
            this.buf = buf;
            this.pos = pos;
        }

        /** A reader at the start of a stored item (its attribute count). */
        public static Reader of(byte[] item) {
            if (item.length == 0 || item[0] != FORMAT_VERSION) {
                throw new IllegalArgumentException(
                        "Unsupported stored item format: " + (item.length == 0 ? "empty" : "version " + item[0]));
            }
            return new Reader(item, 1);
        }

        /** The stored item's bytes. */
        public byte[] buffer() {
            return buf;
        }

        /** Reads a count: of a map's attributes, or of a list's or set's elements. */
        public int count() {
            return varint();
        }

        /** Reads a value's type. */
        public Kind kind() {
            byte tag = buf[pos++];
            if (tag < 1 || tag > Kind.BY_TAG.length) {
                throw new IllegalArgumentException("Corrupt stored item: unknown value tag " + tag);
            }
            return Kind.BY_TAG[tag - 1];
        }

        /**
         * Reads a run (a name, a string or a number in UTF-8, or binary bytes) and returns its length; it starts at
         * {@link #runStart}.
         */
        public int run() {
            int length = varint();
            runStart = pos;
            pos += length;
            return length;
        }

        /** Where the run last read begins in {@link #buffer()}. */
        public int runStart() {
            return runStart;
        }

        Map<String, AttributeValue> map() {
            int count = varint();
            Map<String, AttributeValue> map = LinkedHashMap.newLinkedHashMap(count);
            for (int i = 0; i < count; i++) {
                String name = string();
                map.put(name, value());
            }
            return map;
        }

        private AttributeValue value() {
            return switch (kind()) {
                case S -> AttributeValue.fromS(string());
                case N -> AttributeValue.fromN(ascii());
                case B -> AttributeValue.fromB(SdkBytes.fromByteArrayUnsafe(bytes()));
                case TRUE -> TRUE_VALUE;
                case FALSE -> FALSE_VALUE;
                case NULL -> NULL_VALUE;
                case SS -> AttributeValue.fromSs(strings(false));
                case NS -> AttributeValue.fromNs(strings(true));
                case BS -> AttributeValue.fromBs(binaries());
                case L -> AttributeValue.fromL(list());
                case M -> AttributeValue.fromM(map());
            };
        }

        private List<AttributeValue> list() {
            int count = varint();
            List<AttributeValue> list = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                list.add(value());
            }
            return list;
        }

        private List<String> strings(boolean ascii) {
            int count = varint();
            List<String> list = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                list.add(ascii ? ascii() : string());
            }
            return list;
        }

        private List<SdkBytes> binaries() {
            int count = varint();
            List<SdkBytes> list = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                list.add(SdkBytes.fromByteArrayUnsafe(bytes()));
            }
            return list;
        }

        private String string() {
            int length = run();
            return new String(buf, runStart, length, StandardCharsets.UTF_8);
        }

        private String ascii() {
            int length = run();
            return new String(buf, runStart, length, StandardCharsets.ISO_8859_1);
        }

        private byte[] bytes() {
            int length = run();
            byte[] b = new byte[length];
            System.arraycopy(buf, runStart, b, 0, length);
            return b;
        }

        private int varint() {
            int result = 0;
            int shift = 0;
            byte b;
            do {
                b = buf[pos++];
                result |= (b & 0x7F) << shift;
                shift += 7;
            } while (b < 0);
            return result;
        }
    }
}
