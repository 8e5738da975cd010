package dev.keysmith.engine.stream;

import dev.keysmith.engine.keys.ItemCodec;
import java.nio.ByteBuffer;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.OperationType;

/**
 * A stream record as stored: the change with the images its stream's view type keeps.
 *
 * @param eventId a unique id, 32 hex digits
 * @param byTtl true for a deletion by the time-to-live sweeper
 */
record StoredRecord(
        long sequence,
        OperationType kind,
        boolean byTtl,
        long timeMillis,
        String eventId,
        Map<String, AttributeValue> keys,
        @Nullable Map<String, AttributeValue> newImage,
        @Nullable Map<String, AttributeValue> oldImage,
        int sizeBytes) {

    byte[] encode() {
        byte[] k = ItemCodec.encode(keys);
        byte[] n = newImage == null ? null : ItemCodec.encode(newImage);
        byte[] o = oldImage == null ? null : ItemCodec.encode(oldImage);
        byte[] id = eventId.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        ByteBuffer b = ByteBuffer.allocate(2 + 8 + 4 + 1 + id.length + 4 * 3 + k.length + len(n) + len(o));
        b.put((byte) kind.ordinal())
                .put((byte) (byTtl ? 1 : 0))
                .putLong(timeMillis)
                .putInt(sizeBytes);
        b.put((byte) id.length).put(id);
        put(b, k);
        put(b, n);
        put(b, o);
        return b.array();
    }

    static StoredRecord decode(long sequence, byte[] data) {
        ByteBuffer b = ByteBuffer.wrap(data);
        OperationType kind = OperationType.values()[b.get()];
        boolean ttl = b.get() == 1;
        long time = b.getLong();
        int size = b.getInt();
        byte[] id = new byte[b.get()];
        b.get(id);
        Map<String, AttributeValue> keys = get(b);
        return new StoredRecord(
                sequence,
                kind,
                ttl,
                time,
                new String(id, java.nio.charset.StandardCharsets.US_ASCII),
                keys,
                get(b),
                get(b),
                size);
    }

    private static int len(byte @Nullable [] bytes) {
        return bytes == null ? 0 : bytes.length;
    }

    private static void put(ByteBuffer b, byte @Nullable [] bytes) {
        if (bytes == null) {
            b.putInt(-1);
        } else {
            b.putInt(bytes.length).put(bytes);
        }
    }

    private static @Nullable Map<String, AttributeValue> get(ByteBuffer b) {
        int n = b.getInt();
        if (n < 0) {
            return null;
        }
        byte[] bytes = new byte[n];
        b.get(bytes);
        return ItemCodec.decode(bytes);
    }
}
