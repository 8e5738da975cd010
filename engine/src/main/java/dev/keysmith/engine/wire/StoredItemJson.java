package dev.keysmith.engine.wire;

import dev.keysmith.engine.keys.ItemCodec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * Writes items kept in the stored encoding of {@link ItemCodec} as DynamoDB JSON, straight from the bytes: the same
 * JSON that {@link AttributeValueJson} writes for the decoded items (attributes in stored order, numbers as their
 * stored canonical text, binary as padded standard base64, strings escaped as Jackson escapes them), without building
 * SDK values or Java strings on the way.
 */
final class StoredItemJson {
    private static final byte[] S = ascii("{\"S\":");
    private static final byte[] N = ascii("{\"N\":");
    private static final byte[] B = ascii("{\"B\":");
    private static final byte[] TRUE = ascii("{\"BOOL\":true}");
    private static final byte[] FALSE = ascii("{\"BOOL\":false}");
    private static final byte[] NULL = ascii("{\"NULL\":true}");
    private static final byte[] SS = ascii("{\"SS\":[");
    private static final byte[] NS = ascii("{\"NS\":[");
    private static final byte[] BS = ascii("{\"BS\":[");
    private static final byte[] L = ascii("{\"L\":[");
    private static final byte[] M = ascii("{\"M\":");
    private static final byte[] END_ARRAY_VALUE = ascii("]}");

    private StoredItemJson() {}

    /** Writes a JSON array of the items. */
    static void writeItems(JsonBytes out, List<byte[]> items) {
        out.write('[');
        for (int i = 0; i < items.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            writeMap(out, ItemCodec.Reader.of(items.get(i)));
        }
        out.write(']');
    }

    private static void writeMap(JsonBytes out, ItemCodec.Reader in) {
        out.write('{');
        int count = in.count();
        for (int i = 0; i < count; i++) {
            if (i > 0) {
                out.write(',');
            }
            string(out, in);
            out.write(':');
            writeValue(out, in);
        }
        out.write('}');
    }

    private static void writeValue(JsonBytes out, ItemCodec.Reader in) {
        switch (in.kind()) {
            case S -> scalar(out, S, in, false);
            case N -> scalar(out, N, in, false);
            case B -> scalar(out, B, in, true);
            case TRUE -> out.write(TRUE);
            case FALSE -> out.write(FALSE);
            case NULL -> out.write(NULL);
            case SS -> set(out, SS, in, false);
            case NS -> set(out, NS, in, false);
            case BS -> set(out, BS, in, true);
            case L -> {
                out.write(L);
                int count = in.count();
                for (int i = 0; i < count; i++) {
                    if (i > 0) {
                        out.write(',');
                    }
                    writeValue(out, in);
                }
                out.write(END_ARRAY_VALUE);
            }
            case M -> {
                out.write(M);
                writeMap(out, in);
                out.write('}');
            }
        }
    }

    private static void scalar(JsonBytes out, byte[] open, ItemCodec.Reader in, boolean binary) {
        out.write(open);
        run(out, in, binary);
        out.write('}');
    }

    private static void set(JsonBytes out, byte[] open, ItemCodec.Reader in, boolean binary) {
        out.write(open);
        int count = in.count();
        for (int i = 0; i < count; i++) {
            if (i > 0) {
                out.write(',');
            }
            run(out, in, binary);
        }
        out.write(END_ARRAY_VALUE);
    }

    private static void run(JsonBytes out, ItemCodec.Reader in, boolean binary) {
        if (binary) {
            int length = in.run();
            ByteBuffer base64 = Base64.getEncoder().encode(ByteBuffer.wrap(in.buffer(), in.runStart(), length));
            out.write('"');
            out.write(base64.array(), base64.arrayOffset(), base64.remaining());
            out.write('"');
        } else {
            string(out, in);
        }
    }

    private static void string(JsonBytes out, ItemCodec.Reader in) {
        int length = in.run();
        out.quoted(in.buffer(), in.runStart(), length);
    }

    private static byte[] ascii(String json) {
        return json.getBytes(StandardCharsets.US_ASCII);
    }
}
