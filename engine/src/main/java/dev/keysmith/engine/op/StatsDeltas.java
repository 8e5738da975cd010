package dev.keysmith.engine.op;

import dev.keysmith.engine.storage.WriteTx;
import dev.keysmith.engine.table.Catalog;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Item-count and size changes of tables and indexes collected during one write transaction and applied to the catalog
 * once at its end, so a batch of 25 items costs one statistics update per table and index instead of one per item.
 */
final class StatsDeltas {
    private record Target(String table, @Nullable String index) {}

    private final Map<Target, long[]> deltas = new LinkedHashMap<>();

    void table(String table, long count, long bytes) {
        add(new Target(table, null), count, bytes);
    }

    void index(String table, String index, long count, long bytes) {
        add(new Target(table, index), count, bytes);
    }

    private void add(Target target, long count, long bytes) {
        if (count == 0 && bytes == 0) {
            return;
        }
        long[] d = deltas.computeIfAbsent(target, t -> new long[2]);
        d[0] += count;
        d[1] += bytes;
    }

    /** Applies everything collected, in the same transaction as the writes it accounts for. */
    void flush(WriteTx tx, Catalog catalog) {
        for (var e : deltas.entrySet()) {
            long[] d = e.getValue();
            if (e.getKey().index() == null) {
                catalog.adjustStats(tx, e.getKey().table(), d[0], d[1]);
            } else {
                catalog.adjustIndexStats(tx, e.getKey().table(), e.getKey().index(), d[0], d[1]);
            }
        }
        deltas.clear();
    }
}
