package dev.keysmith.engine.op;

import dev.keysmith.engine.keys.ItemCodec;
import dev.keysmith.engine.storage.Cursor;
import dev.keysmith.engine.table.IndexDef;
import dev.keysmith.engine.table.TableDef;
import dev.keysmith.engine.value.ItemSize;
import java.util.Arrays;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.IndexStatus;

/**
 * Fills a global secondary index added to a table that already has items, as DynamoDB's backfill does: in chunks of
 * items, each chunk one storage transaction, then marks the index ACTIVE. Writes that happen meanwhile maintain the
 * index themselves (it is in the table's definition from the start), so nothing is lost; entries the backfill finds
 * already present are left alone. A backfill cut short (a crash) resumes when the engine opens again.
 */
public final class IndexBackfill {
    static final int CHUNK = 2000;

    private IndexBackfill() {}

    /** Backfills every CREATING index of the table; returns how many index entries it wrote. */
    public static long run(OpContext ctx, String tableName) {
        long written = 0;
        TableDef table = ctx.storage().read(tx -> ctx.catalog().find(tx, tableName));
        if (table == null) {
            return 0;
        }
        for (IndexDef index : table.indexes()) {
            if (index.status() == IndexStatus.CREATING) {
                written += fill(ctx, tableName, index.name());
            }
        }
        return written;
    }

    private static long fill(OpContext ctx, String tableName, String indexName) {
        record Chunk(byte @Nullable [] last, long written, boolean gone) {}
        byte[] after = null;
        long written = 0;
        while (true) {
            byte[] from = after;
            Chunk chunk = ctx.storage().write(tx -> {
                TableDef table = ctx.catalog().find(tx, tableName);
                IndexDef index = table == null ? null : table.index(indexName);
                if (index == null || index.status() != IndexStatus.CREATING) {
                    return new Chunk(null, 0, true);
                }
                long n = 0;
                byte[] last = null;
                int seen = 0;
                try (Cursor c = tx.cursor(table.itemStore())) {
                    boolean ok = from == null ? c.first() : c.seek(from);
                    if (ok && from != null && Arrays.equals(c.key(), from)) {
                        ok = c.next();
                    }
                    for (; ok && seen < CHUNK; ok = c.next(), seen++) {
                        last = c.key();
                        Map<String, AttributeValue> item = ItemCodec.decode(c.value());
                        byte[] entryKey = KeyLayout.indexKey(table, index, item);
                        if (entryKey == null || tx.get(index.storeName(), entryKey) != null) {
                            continue;
                        }
                        Map<String, AttributeValue> entry = Projections.indexEntry(table, index, item);
                        tx.put(index.storeName(), entryKey, ItemCodec.encode(entry));
                        ctx.catalog().adjustIndexStats(tx, tableName, indexName, 1, ItemSize.of(entry));
                        n++;
                    }
                }
                if (seen < CHUNK) {
                    ctx.catalog().setIndexStatus(tx, tableName, indexName, IndexStatus.ACTIVE);
                    return new Chunk(null, n, false);
                }
                return new Chunk(last, n, false);
            });
            written += chunk.written();
            if (chunk.gone() || chunk.last() == null) {
                return written;
            }
            after = chunk.last();
        }
    }
}
