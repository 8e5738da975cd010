package dev.keysmith.engine.op;

import dev.keysmith.engine.expr.Condition;
import dev.keysmith.engine.expr.Projection;
import dev.keysmith.engine.keys.ItemCodec;
import dev.keysmith.engine.storage.Cursor;
import dev.keysmith.engine.storage.ReadTx;
import dev.keysmith.engine.table.IndexDef;
import dev.keysmith.engine.table.TableDef;
import dev.keysmith.engine.value.ItemSize;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Reads one page of a key range of a table or index store, as Query and Scan do: evaluates entries in key order (or
 * reverse), stops at {@code Limit} entries or once 1 MB has been read, applies the filter and projection, and meters
 * the read on the sum of the sizes of the entries evaluated.
 */
final class RangeRead {
    static final int PAGE_BYTES = 1024 * 1024;

    /** What to read. {@code high} is exclusive and null for "to the end"; {@code startAfter} is exclusive. */
    record Spec(
            TableDef table,
            @Nullable IndexDef index,
            byte[] low,
            byte @Nullable [] high,
            byte @Nullable [] startAfter,
            boolean forward,
            @Nullable Integer limit,
            @Nullable Condition filter,
            @Nullable Projection projection,
            boolean countOnly,
            boolean fetchFromTable,
            Meter.ReadMode mode) {}

    /** One page: the items returned, the counts, the bytes read, and where to resume. */
    record Page(
            List<Map<String, AttributeValue>> items,
            int scannedCount,
            int count,
            long bytesRead,
            double tableFetchUnits,
            boolean stoppedEarly,
            @Nullable Map<String, AttributeValue> lastEvaluatedKey) {}

    private RangeRead() {}

    static Page read(ReadTx tx, Spec spec) {
        String store =
                spec.index() == null ? spec.table().itemStore() : spec.index().storeName();
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        int scanned = 0;
        int count = 0;
        long bytes = 0;
        double fetchUnits = 0;
        Map<String, AttributeValue> lastEntry = null;
        boolean stopped = false;
        try (Cursor c = tx.cursor(store)) {
            boolean ok = position(c, spec);
            while (ok && inRange(c.key(), spec)) {
                Map<String, AttributeValue> entry = ItemCodec.decode(c.value());
                scanned++;
                bytes += ItemSize.of(entry);
                Map<String, AttributeValue> item = entry;
                if (spec.fetchFromTable()) {
                    byte[] full = tx.get(spec.table().itemStore(), KeyLayout.itemKey(spec.table(), entry));
                    if (full != null) {
                        item = ItemCodec.decode(full);
                        fetchUnits += Meter.readUnits(ItemSize.of(item), spec.mode());
                    }
                }
                if (spec.filter() == null || spec.filter().test(item)) {
                    count++;
                    if (!spec.countOnly()) {
                        items.add(
                                spec.projection() == null
                                        ? item
                                        : spec.projection().apply(item));
                    }
                }
                lastEntry = entry;
                boolean limitReached = spec.limit() != null && scanned >= spec.limit();
                if (limitReached) {
                    stopped = true;
                    break;
                }
                ok = spec.forward() ? c.next() : c.prev();
                if (bytes >= PAGE_BYTES && ok && inRange(c.key(), spec)) {
                    stopped = true; // the 1 MB page is full and more entries follow
                    break;
                }
            }
        }
        Map<String, AttributeValue> lek =
                stopped && lastEntry != null ? KeyLayout.keyOf(spec.table(), spec.index(), lastEntry) : null;
        return new Page(items, scanned, count, bytes, fetchUnits, stopped, lek);
    }

    /**
     * The capacity of one page: the entries read, summed and rounded up per 4 KB once, charged to the table or index
     * read; plus, for a local index, each item fetched from the table, rounded up on its own.
     */
    static Meter meter(String tableName, @Nullable IndexDef index, Page page, Meter.ReadMode mode) {
        Meter meter = new Meter(tableName, false);
        double units = Meter.readUnits(page.bytesRead(), mode);
        if (index == null) {
            meter.addTable(units);
        } else {
            meter.addIndex(index.name(), index.global(), units);
            meter.addTable(page.tableFetchUnits());
        }
        return meter;
    }

    private static boolean position(Cursor c, Spec spec) {
        byte[] start = spec.startAfter();
        if (spec.forward()) {
            if (start != null && Arrays.compareUnsigned(start, spec.low()) >= 0) {
                if (!c.seek(start)) {
                    return false;
                }
                return !Arrays.equals(c.key(), start) || c.next();
            }
            return c.seek(spec.low());
        }
        byte[] from = spec.high();
        if (start != null && (from == null || Arrays.compareUnsigned(start, from) < 0)) {
            from = start;
        }
        if (from == null) {
            return c.last();
        }
        return c.seek(from) ? c.prev() : c.last();
    }

    private static boolean inRange(byte[] key, Spec spec) {
        if (spec.forward()) {
            return spec.high() == null || Arrays.compareUnsigned(key, spec.high()) < 0;
        }
        return Arrays.compareUnsigned(key, spec.low()) >= 0;
    }
}
