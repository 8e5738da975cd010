package dev.keysmith.engine.keys;

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
 */
public final class ItemCodec {
    static final byte FORMAT_VERSION = 1;

    private static final byte S = 1;
    private static final byte N = 2;
    private static final byte B = 3;
    private static final byte TRUE = 4;
    private static final byte FALSE = 5;
    private static final byte NULL = 6;
    private static final byte SS = 7;
    private static final byte NS = 8;
    private static final byte BS = 9;
    private static final byte L = 10;
    private static final byte M = 11;

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
        if (bytes.length == 0 || bytes[0] != FORMAT_VERSION) {
            throw new IllegalArgumentException(
                    "Unsupported stored item format: " + (bytes.length == 0 ? "empty" : "version " + bytes[0]));
        }
        return new Reader(bytes, 1).map();
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
            out.append(S);
            writeString(out, v.s());
        } else if (v.n() != null) {
            out.append(N);
            writeAscii(out, v.n());
        } else if (v.b() != null) {
            out.append(B);
            writeBytes(out, v.b().asByteArrayUnsafe());
        } else if (v.bool() != null) {
            out.append(v.bool() ? TRUE : FALSE);
        } else if (v.nul() != null) {
            out.append(NULL);
        } else if (v.hasSs()) {
            out.append(SS).appendVarint(v.ss().size());
            for (String s : v.ss()) {
                writeString(out, s);
            }
        } else if (v.hasNs()) {
            out.append(NS).appendVarint(v.ns().size());
            for (String n : v.ns()) {
                writeAscii(out, n);
            }
        } else if (v.hasBs()) {
            out.append(BS).appendVarint(v.bs().size());
            for (SdkBytes b : v.bs()) {
                writeBytes(out, b.asByteArrayUnsafe());
            }
        } else if (v.hasL()) {
            out.append(L).appendVarint(v.l().size());
            for (AttributeValue element : v.l()) {
                writeValue(out, element);
            }
        } else if (v.hasM()) {
            out.append(M);
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

    /** A cursor over one serialized item. */
    private static final class Reader {
        private final byte[] buf;
        private int pos;

        Reader(byte[] buf, int pos) {
            this.buf = buf;
            this.pos = pos;
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

        AttributeValue value() {
            byte tag = buf[pos++];
            return switch (tag) {
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
                default -> throw new IllegalArgumentException("Corrupt stored item: unknown value tag " + tag);
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
            int length = varint();
            String s = new String(buf, pos, length, StandardCharsets.UTF_8);
            pos += length;
            return s;
        }

        private String ascii() {
            int length = varint();
            String s = new String(buf, pos, length, StandardCharsets.ISO_8859_1);
            pos += length;
            return s;
        }

        private byte[] bytes() {
            int length = varint();
            byte[] b = new byte[length];
            System.arraycopy(buf, pos, b, 0, length);
            pos += length;
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
