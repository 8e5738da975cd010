package dev.keysmith.engine.ttl;

import dev.keysmith.engine.storage.Cursor;
import dev.keysmith.engine.storage.ReadTx;
import dev.keysmith.engine.storage.WriteTx;
import dev.keysmith.engine.table.TableDef;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The expiry index of a table with time to live: {@code expiry-seconds (8 bytes) ++ item storage key}, kept in the
 * same transaction as every write, so the sweeper finds expired items without scanning the table. Only a Number TTL
 * attribute counts (epoch seconds), as in DynamoDB; other types are ignored.
 */
public final class TtlIndex {
    private TtlIndex() {}

    /** An expired item found by {@link #expired}. */
    public record Expired(long expirySeconds, byte[] itemKey) {}

    public static String store(TableDef table) {
        return "x:" + table.tableId();
    }

    /** The item's expiry in epoch seconds, or null if it has no Number TTL attribute. */
    public static @Nullable Long expiry(@Nullable String ttlAttribute, @Nullable Map<String, AttributeValue> item) {
        if (ttlAttribute == null || item == null) {
            return null;
        }
        AttributeValue v = item.get(ttlAttribute);
        if (v == null || v.type() != AttributeValue.Type.N) {
            return null;
        }
        BigDecimal seconds = new BigDecimal(v.n());
        if (seconds.signum() < 0 || seconds.compareTo(BigDecimal.valueOf(Long.MAX_VALUE / 2)) > 0) {
            return null;
        }
        return seconds.longValue();
    }

    /** Moves an item's index entry from its old expiry to its new one. */
    public static void update(
            WriteTx tx,
            TableDef table,
            byte[] itemKey,
            @Nullable Map<String, AttributeValue> oldItem,
            @Nullable Map<String, AttributeValue> newItem) {
        Long before = expiry(table.ttlAttribute(), oldItem);
        Long after = expiry(table.ttlAttribute(), newItem);
        if (before != null && before.equals(after)) {
            return;
        }
        if (before != null) {
            tx.delete(store(table), entry(before, itemKey));
        }
        if (after != null) {
            tx.put(store(table), entry(after, itemKey), new byte[0]);
        }
    }

    /**
     * Up to {@code limit} entries with {@code fromSeconds <= expiry <= nowSeconds}, oldest first. DynamoDB does not
     * delete items whose expiry is more than five years in the past, so the sweeper starts there.
     */
    public static List<Expired> expired(ReadTx tx, TableDef table, long fromSeconds, long nowSeconds, int limit) {
        List<Expired> out = new ArrayList<>();
        if (!tx.storeExists(store(table))) {
            return out;
        }
        try (Cursor c = tx.cursor(store(table))) {
            for (boolean ok = c.seek(entry(Math.max(0, fromSeconds), new byte[0]));
                    ok && out.size() < limit;
                    ok = c.next()) {
                ByteBuffer k = ByteBuffer.wrap(c.key());
                long expiry = k.getLong();
                if (expiry > nowSeconds) {
                    break;
                }
                byte[] itemKey = new byte[k.remaining()];
                k.get(itemKey);
                out.add(new Expired(expiry, itemKey));
            }
        }
        return out;
    }

    static byte[] entry(long expirySeconds, byte[] itemKey) {
        return ByteBuffer.allocate(8 + itemKey.length)
                .putLong(expirySeconds)
                .put(itemKey)
                .array();
    }
}
