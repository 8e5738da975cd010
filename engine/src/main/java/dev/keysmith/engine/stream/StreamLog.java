package dev.keysmith.engine.stream;

import dev.keysmith.engine.change.ItemChange;
import dev.keysmith.engine.storage.Cursor;
import dev.keysmith.engine.storage.ReadTx;
import dev.keysmith.engine.storage.WriteTx;
import dev.keysmith.engine.table.TableDef;
import dev.keysmith.engine.value.ItemSize;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;

/**
 * The engine's stream records, written inside the same storage transaction as the change they describe: no change
 * without its record, no record without its change. Sequence numbers come from one engine-wide counter, so they are
 * strictly increasing in commit order. Shards rotate after {@code shardRotation}; records older than the retention
 * period are trimmed.
 */
public final class StreamLog {
    static final String META_STORE = "streams";
    private static final byte[] SEQUENCE_KEY = "#sequence".getBytes(StandardCharsets.UTF_8);
    public static final Duration RETENTION = Duration.ofHours(24);

    private final Clock clock;
    private final Duration shardRotation;
    private final String region;
    private final String accountId;

    public StreamLog(Clock clock, Duration shardRotation, String region, String accountId) {
        this.clock = clock;
        this.shardRotation = shardRotation;
        this.region = region;
        this.accountId = accountId;
    }

    public String region() {
        return region;
    }

    /** The ARN of a table's stream with the given label. */
    public String streamArn(String tableName, String label) {
        return "arn:aws:dynamodb:" + region + ":" + accountId + ":table/" + tableName + "/stream/" + label;
    }

    /** Appends the record of one change to the table's enabled stream (does nothing if it has none). */
    public void append(WriteTx tx, TableDef table, ItemChange change) {
        StreamViewType view = table.streamViewType();
        if (view == null || table.latestStreamLabel() == null) {
            return;
        }
        StreamMeta meta = meta(tx, table);
        long sequence = nextSequence(tx);
        long now = clock.millis();
        meta = rotateIfDue(tx, meta, sequence, now);
        Map<String, AttributeValue> newImage =
                view == StreamViewType.NEW_IMAGE || view == StreamViewType.NEW_AND_OLD_IMAGES
                        ? change.newImage()
                        : null;
        Map<String, AttributeValue> oldImage =
                view == StreamViewType.OLD_IMAGE || view == StreamViewType.NEW_AND_OLD_IMAGES
                        ? change.oldImage()
                        : null;
        int size = ItemSize.of(change.keys())
                + (newImage == null ? 0 : ItemSize.of(newImage))
                + (oldImage == null ? 0 : ItemSize.of(oldImage));
        byte[] id = new byte[16];
        ThreadLocalRandom.current().nextBytes(id);
        StoredRecord record = new StoredRecord(
                sequence,
                change.kind(),
                change.byTtl(),
                change.time().toEpochMilli(),
                HexFormat.of().formatHex(id),
                change.keys(),
                newImage,
                oldImage,
                size);
        tx.put(meta.recordStore(), sequenceKey(sequence), record.encode());
    }

    /**
     * Records a table's stream being enabled (a new label) or disabled, in the control-plane transaction that does it.
     */
    public void onStreamSettingsChanged(WriteTx tx, @Nullable TableDef before, @Nullable TableDef after) {
        String oldLabel = before == null || before.streamViewType() == null ? null : before.latestStreamLabel();
        String newLabel = after == null || after.streamViewType() == null ? null : after.latestStreamLabel();
        if (oldLabel != null && !oldLabel.equals(newLabel)) {
            StreamMeta old = find(tx, streamArn(before.name(), oldLabel));
            if (old != null && old.enabled()) {
                List<ShardInfo> shards = new ArrayList<>(old.shards());
                long last = lastSequence(tx, old);
                ShardInfo open = shards.getLast();
                shards.set(shards.size() - 1, open.closeAt(Math.max(last, open.startSequence() - 1)));
                putMeta(tx, old.withShards(shards).disabledAt(clock.millis()));
            }
        }
        if (newLabel != null && !newLabel.equals(oldLabel)) {
            meta(tx, after);
        }
    }

    private StreamMeta meta(WriteTx tx, TableDef table) {
        String arn = streamArn(table.name(), table.latestStreamLabel());
        StreamMeta meta = find(tx, arn);
        if (meta == null) {
            long now = clock.millis();
            long start = peekSequence(tx) + 1;
            meta = new StreamMeta(
                    arn,
                    table.latestStreamLabel(),
                    table.name(),
                    table.tableId(),
                    table.streamViewType(),
                    table.hash().name(),
                    table.range() == null ? null : table.range().name(),
                    now,
                    -1,
                    List.of(new ShardInfo(shardId(now), null, start, -1, now)));
            putMeta(tx, meta);
        }
        return meta;
    }

    private StreamMeta rotateIfDue(WriteTx tx, StreamMeta meta, long sequence, long now) {
        ShardInfo open = meta.shards().getLast();
        if (now - open.createdMillis() < shardRotation.toMillis()) {
            return meta;
        }
        List<ShardInfo> shards = new ArrayList<>(meta.shards());
        shards.set(shards.size() - 1, open.closeAt(sequence - 1));
        shards.add(new ShardInfo(shardId(now), open.shardId(), sequence, -1, now));
        StreamMeta rotated = meta.withShards(shards);
        putMeta(tx, rotated);
        return rotated;
    }

    /** Deletes records older than the retention period and forgets streams (and shards) with nothing left. */
    public int trim(WriteTx tx) {
        long cutoff = clock.millis() - RETENTION.toMillis();
        int trimmed = 0;
        for (StreamMeta meta : all(tx)) {
            List<byte[]> old = new ArrayList<>();
            try (Cursor c = tx.cursor(meta.recordStore())) {
                for (boolean ok = c.first(); ok; ok = c.next()) {
                    StoredRecord r = StoredRecord.decode(sequenceOf(c.key()), c.value());
                    if (r.timeMillis() >= cutoff) {
                        break;
                    }
                    old.add(c.key());
                }
            }
            for (byte[] k : old) {
                tx.delete(meta.recordStore(), k);
            }
            trimmed += old.size();
            List<ShardInfo> kept = new ArrayList<>();
            for (ShardInfo s : meta.shards()) {
                if (s.open() || s.createdMillis() >= cutoff || firstSequenceIn(tx, meta, s) >= 0) {
                    kept.add(s);
                }
            }
            if (!meta.enabled() && meta.disabledMillis() < cutoff) {
                tx.delete(META_STORE, meta.arn().getBytes(StandardCharsets.UTF_8));
                tx.dropStore(meta.recordStore());
            } else if (kept.size() != meta.shards().size()) {
                putMeta(tx, meta.withShards(kept));
            }
        }
        return trimmed;
    }

    // ---- reads (for the Streams API) ----

    public @Nullable StreamMeta find(ReadTx tx, String arn) {
        byte[] b = tx.get(META_STORE, arn.getBytes(StandardCharsets.UTF_8));
        return b == null ? null : StreamMeta.decode(b);
    }

    public List<StreamMeta> all(ReadTx tx) {
        List<StreamMeta> out = new ArrayList<>();
        if (!tx.storeExists(META_STORE)) {
            return out;
        }
        try (Cursor c = tx.cursor(META_STORE)) {
            for (boolean ok = c.first(); ok; ok = c.next()) {
                if (c.key().length > 0 && c.key()[0] != '#') {
                    out.add(StreamMeta.decode(c.value()));
                }
            }
        }
        return out;
    }

    /** Up to {@code limit} records of one shard with sequence numbers {@code >= from}, in order. */
    List<StoredRecord> read(ReadTx tx, StreamMeta meta, ShardInfo shard, long from, int limit, long maxBytes) {
        List<StoredRecord> out = new ArrayList<>();
        if (!tx.storeExists(meta.recordStore())) {
            return out;
        }
        long bytes = 0;
        try (Cursor c = tx.cursor(meta.recordStore())) {
            for (boolean ok = c.seek(sequenceKey(Math.max(from, shard.startSequence()))); ok; ok = c.next()) {
                long seq = sequenceOf(c.key());
                if (!shard.open() && seq > shard.endSequence()) {
                    break;
                }
                StoredRecord r = StoredRecord.decode(seq, c.value());
                bytes += r.sizeBytes();
                if (!out.isEmpty() && bytes > maxBytes) {
                    break;
                }
                out.add(r);
                if (out.size() >= limit) {
                    break;
                }
            }
        }
        return out;
    }

    /** The first sequence number still stored in a shard, or -1 if none is. */
    long firstSequenceIn(ReadTx tx, StreamMeta meta, ShardInfo shard) {
        if (!tx.storeExists(meta.recordStore())) {
            return -1;
        }
        try (Cursor c = tx.cursor(meta.recordStore())) {
            if (c.seek(sequenceKey(shard.startSequence()))) {
                long seq = sequenceOf(c.key());
                if (shard.open() || seq <= shard.endSequence()) {
                    return seq;
                }
            }
        }
        return -1;
    }

    /** The engine's last issued sequence number. */
    public long lastIssuedSequence(ReadTx tx) {
        return tx.storeExists(META_STORE) ? peekSequence(tx) : 0;
    }

    private long lastSequence(ReadTx tx, StreamMeta meta) {
        if (!tx.storeExists(meta.recordStore())) {
            return -1;
        }
        try (Cursor c = tx.cursor(meta.recordStore())) {
            return c.last() ? sequenceOf(c.key()) : -1;
        }
    }

    private static long peekSequence(ReadTx tx) {
        byte[] b = tx.get(META_STORE, SEQUENCE_KEY);
        return b == null ? 0 : ByteBuffer.wrap(b).getLong();
    }

    private static long nextSequence(WriteTx tx) {
        long next = peekSequence(tx) + 1;
        tx.put(META_STORE, SEQUENCE_KEY, sequenceKey(next));
        return next;
    }

    private void putMeta(WriteTx tx, StreamMeta meta) {
        tx.put(META_STORE, meta.arn().getBytes(StandardCharsets.UTF_8), meta.encode());
    }

    static byte[] sequenceKey(long sequence) {
        return ByteBuffer.allocate(8).putLong(sequence).array();
    }

    static long sequenceOf(byte[] key) {
        return ByteBuffer.wrap(key).getLong();
    }

    /** DynamoDB's sequence numbers are decimal strings of 21 to 40 digits. */
    public static String formatSequence(long sequence) {
        return String.format("%021d", sequence);
    }

    private static String shardId(long createdMillis) {
        byte[] r = new byte[4];
        ThreadLocalRandom.current().nextBytes(r);
        return "shardId-" + String.format("%020d", createdMillis) + "-"
                + HexFormat.of().formatHex(r);
    }
}
