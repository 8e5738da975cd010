package dev.keysmith.engine.op;

import dev.keysmith.engine.change.ItemChange;
import dev.keysmith.engine.table.TableDef;
import dev.keysmith.engine.ttl.TtlIndex;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Deletes expired items, as DynamoDB's background TTL process does: until the sweeper gets to an item, reads still
 * return it. Deletions cost no capacity, maintain indexes, and appear in the stream as REMOVE records whose user
 * identity is the DynamoDB service. Items whose expiry is more than five years in the past are never deleted.
 */
public final class TtlSweeper {
    static final Duration MAX_AGE = Duration.ofDays(5 * 365);
    static final int BATCH = 500;

    private TtlSweeper() {}

    /** One pass over every TTL-enabled table; returns how many items it deleted. */
    public static int sweepOnce(OpContext ctx) {
        List<String> names = ctx.storage().read(tx -> ctx.catalog().tableNames(tx, null, Integer.MAX_VALUE));
        int deleted = 0;
        for (String name : names) {
            deleted += sweepTable(ctx, name);
        }
        return deleted;
    }

    private static int sweepTable(OpContext ctx, String tableName) {
        int total = 0;
        while (true) {
            long now = ctx.clock().instant().getEpochSecond();
            long from = now - MAX_AGE.toSeconds();
            record Pass(int deleted, boolean more, List<ItemChange> changes) {}
            Pass pass = ctx.storage().write(tx -> {
                TableDef table = ctx.catalog().find(tx, tableName);
                if (table == null || table.ttlAttribute() == null) {
                    return new Pass(0, false, List.of());
                }
                List<TtlIndex.Expired> expired = TtlIndex.expired(tx, table, from, now, BATCH);
                List<ItemChange> changes = new ArrayList<>();
                StatsDeltas deltas = new StatsDeltas();
                int n = 0;
                for (TtlIndex.Expired e : expired) {
                    Map<String, AttributeValue> item = ItemWriter.read(tx, table, e.itemKey());
                    Long expiry = TtlIndex.expiry(table.ttlAttribute(), item);
                    if (item == null || expiry == null || expiry != e.expirySeconds()) {
                        continue; // the index moved on with the item; nothing to do
                    }
                    ItemWriter.write(tx, ctx, table, e.itemKey(), item, null, null, false, changes, true, deltas);
                    n++;
                }
                deltas.flush(tx, ctx.catalog());
                return new Pass(n, expired.size() == BATCH, changes);
            });
            ctx.hooks().changed(pass.changes());
            total += pass.deleted();
            if (!pass.more()) {
                return total;
            }
        }
    }
}
