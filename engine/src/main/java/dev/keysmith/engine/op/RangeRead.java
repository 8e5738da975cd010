package dev.keysmith.engine.op;

import dev.keysmith.engine.expr.Condition;
import dev.keysmith.engine.expr.Projection;
import dev.keysmith.engine.keys.ItemCodec;
import dev.keysmith.engine.storage.Cursor;
import dev.keysmith.engine.storage.ReadTx;
import dev.keysmith.engine.table.IndexDef;
import dev.keysmith.engine.table.TableDef;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
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

    /** One page: the counts, the bytes read, and where to resume (its items went to the {@link Items} given). */
    record Page(
            int scannedCount,
            int count,
            long bytesRead,
            double tableFetchUnits,
            boolean stoppedEarly,
            @Nullable Map<String, AttributeValue> lastEvaluatedKey) {}

    /**
     * Receives the items of a page in the form its consumer wants: SDK attribute maps for the in-process API, or the
     * stored encoding for the HTTP endpoint, which writes their JSON straight from the bytes.
     */
    sealed interface Items permits Items.Decoded, Items.Stored {
        /** A whole item: its stored bytes, and its decoded form when reading it needed that already. */
        void addWhole(byte[] stored, @Nullable Map<String, AttributeValue> decoded);

        /** The projection of an item. */
        void addProjected(Map<String, AttributeValue> projected);

        /** Hands the items over: to the response's {@code Items}, or to the caller's {@link StoredItems}. */
        void deliver(Consumer<List<Map<String, AttributeValue>>> responseItems);

        /** An empty page's worth: the stored form when the request carries {@code stored}, SDK maps otherwise. */
        static Items of(@Nullable StoredItems stored) {
            return stored == null ? new Decoded(new ArrayList<>()) : new Stored(stored, new ArrayList<>());
        }

        record Decoded(List<Map<String, AttributeValue>> list) implements Items {

            @Override
            public void addWhole(byte[] stored, @Nullable Map<String, AttributeValue> decoded) {
                list.add(decoded != null ? decoded : ItemCodec.decode(stored));
            }

            @Override
            public void addProjected(Map<String, AttributeValue> projected) {
                list.add(projected);
            }

            @Override
            public void deliver(Consumer<List<Map<String, AttributeValue>>> responseItems) {
                responseItems.accept(list);
            }
        }

        record Stored(StoredItems mailbox, List<byte[]> list) implements Items {

            @Override
            public void addWhole(byte[] stored, @Nullable Map<String, AttributeValue> decoded) {
                list.add(stored);
            }

            @Override
            public void addProjected(Map<String, AttributeValue> projected) {
                list.add(ItemCodec.encode(projected));
            }

            @Override
            public void deliver(Consumer<List<Map<String, AttributeValue>>> responseItems) {
                mailbox.deliver(list);
            }
        }
    }

    private RangeRead() {}

    /**
     * Reads one page into {@code items}. Entries are sized from their stored bytes, and decoded only when the filter,
     * the projection or a fetch from the table needs their values.
     */
    static Page read(ReadTx tx, Spec spec, Items items) {
        String store =
                spec.index() == null ? spec.table().itemStore() : spec.index().storeName();
        int scanned = 0;
        int count = 0;
        long bytes = 0;
        double fetchUnits = 0;
        byte[] lastEntry = null;
        boolean stopped = false;
        try (Cursor c = tx.cursor(store)) {
            boolean ok = position(c, spec);
            while (ok && inRange(c.key(), spec)) {
                byte[] entry = c.value();
                scanned++;
                bytes += ItemCodec.size(entry);
                byte[] stored = entry;
                if (spec.fetchFromTable()) {
                    byte[] full =
                            tx.get(spec.table().itemStore(), KeyLayout.itemKey(spec.table(), ItemCodec.decode(entry)));
                    if (full != null) {
                        stored = full;
                        fetchUnits += Meter.readUnits(ItemCodec.size(full), spec.mode());
                    }
                }
                Map<String, AttributeValue> item = spec.filter() == null ? null : ItemCodec.decode(stored);
                if (item == null || spec.filter().test(item)) {
                    count++;
                    if (!spec.countOnly()) {
                        if (spec.projection() == null) {
                            items.addWhole(stored, item);
                        } else {
                            items.addProjected(spec.projection().apply(item != null ? item : ItemCodec.decode(stored)));
                        }
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
        Map<String, AttributeValue> lek = stopped && lastEntry != null
                ? KeyLayout.keyOf(spec.table(), spec.index(), ItemCodec.decode(lastEntry))
                : null;
        return new Page(scanned, count, bytes, fetchUnits, stopped, lek);
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
