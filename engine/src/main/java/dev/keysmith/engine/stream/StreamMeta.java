package dev.keysmith.engine.stream;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;

/**
 * What the engine keeps about one stream (one enabling of a table's stream): identity, view type, key schema and its
 * shards. A disabled stream stays readable for the 24-hour retention period.
 */
public record StreamMeta(
        String arn,
        String label,
        String tableName,
        String tableId,
        StreamViewType viewType,
        String hashKey,
        @Nullable String rangeKey,
        long createdMillis,
        long disabledMillis,
        List<ShardInfo> shards) {

    public StreamMeta {
        shards = List.copyOf(shards);
    }

    public boolean enabled() {
        return disabledMillis < 0;
    }

    /** The store holding this stream's records, keyed by sequence number. */
    String recordStore() {
        return "s:" + tableId + ":" + label;
    }

    StreamMeta withShards(List<ShardInfo> newShards) {
        return new StreamMeta(
                arn, label, tableName, tableId, viewType, hashKey, rangeKey, createdMillis, disabledMillis, newShards);
    }

    StreamMeta disabledAt(long millis) {
        return new StreamMeta(
                arn, label, tableName, tableId, viewType, hashKey, rangeKey, createdMillis, millis, shards);
    }

    byte[] encode() {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            DataOutputStream out = new DataOutputStream(bytes);
            out.writeByte(1);
            out.writeUTF(arn);
            out.writeUTF(label);
            out.writeUTF(tableName);
            out.writeUTF(tableId);
            out.writeUTF(viewType.toString());
            out.writeUTF(hashKey);
            out.writeUTF(rangeKey == null ? "" : rangeKey);
            out.writeLong(createdMillis);
            out.writeLong(disabledMillis);
            out.writeInt(shards.size());
            for (ShardInfo s : shards) {
                out.writeUTF(s.shardId());
                out.writeUTF(s.parentShardId() == null ? "" : s.parentShardId());
                out.writeLong(s.startSequence());
                out.writeLong(s.endSequence());
                out.writeLong(s.createdMillis());
            }
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static StreamMeta decode(byte[] data) {
        try {
            DataInputStream in = new DataInputStream(new ByteArrayInputStream(data));
            in.readByte();
            String arn = in.readUTF();
            String label = in.readUTF();
            String tableName = in.readUTF();
            String tableId = in.readUTF();
            StreamViewType viewType = StreamViewType.fromValue(in.readUTF());
            String hashKey = in.readUTF();
            String rangeKey = in.readUTF();
            long created = in.readLong();
            long disabled = in.readLong();
            int n = in.readInt();
            List<ShardInfo> shards = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                String id = in.readUTF();
                String parent = in.readUTF();
                shards.add(new ShardInfo(
                        id, parent.isEmpty() ? null : parent, in.readLong(), in.readLong(), in.readLong()));
            }
            return new StreamMeta(
                    arn,
                    label,
                    tableName,
                    tableId,
                    viewType,
                    hashKey,
                    rangeKey.isEmpty() ? null : rangeKey,
                    created,
                    disabled,
                    shards);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
