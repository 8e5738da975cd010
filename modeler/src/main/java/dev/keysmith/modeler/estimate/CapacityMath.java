package dev.keysmith.modeler.estimate;

import static dev.keysmith.modeler.estimate.Fmt.num;

import dev.keysmith.modeler.model.Consistency;
import java.util.List;

/**
 * DynamoDB's metering rules (Developer Guide "Read/write capacity mode", "Working with queries", "Working with
 * transactions"; reference §2): reads in 4 KB units, writes in 1 KB units, Query and Scan summed per 1 MB page, index
 * write amplification. The units are the same whether they are billed as RCU/WCU (provisioned) or RRU/WRU (on-demand).
 * Every result carries its formula with the inputs substituted.
 */
public final class CapacityMath {
    /** A read unit covers up to 4 KB. */
    public static final long READ_UNIT_BYTES = 4_096;
    /** A write unit covers up to 1 KB. */
    public static final long WRITE_UNIT_BYTES = 1_024;
    /** Query and Scan stop after 1 MB read per page. */
    public static final long PAGE_BYTES = 1_048_576;

    private CapacityMath() {}

    /** Started 4 KB blocks of a read of {@code bytes}. */
    public static long readBlocks(long bytes) {
        return Math.ceilDiv(bytes, READ_UNIT_BYTES);
    }

    /** Started 1 KB blocks of a write of {@code bytes}. */
    public static long writeBlocks(long bytes) {
        return Math.ceilDiv(bytes, WRITE_UNIT_BYTES);
    }

    /** GetItem: the item rounded up to 4 KB; a missing item still costs one block. */
    public static Metered getItem(long itemBytes, Consistency consistency) {
        return batchGet(1, itemBytes, consistency);
    }

    /**
     * BatchGetItem (or TransactGetItems with {@link Consistency#TRANSACTIONAL}): each item is rounded up to 4 KB on
     * its own, then summed.
     */
    public static Metered batchGet(long items, long itemBytes, Consistency consistency) {
        long blocks = Math.max(1, readBlocks(itemBytes));
        String one = readBlocks(itemBytes) == 0
                ? "max(ceil(" + num(itemBytes, "B") + " / " + num(READ_UNIT_BYTES, "B") + "); 1)"
                : "ceil(" + num(itemBytes, "B") + " / " + num(READ_UNIT_BYTES, "B") + ")";
        String sum = items == 1 ? one : num(items, "items") + " x " + one;
        return scaleRead(sum, items * blocks, consistency);
    }

    /** BatchGetItem over items of different sizes, e.g. 1.5 KB + 6.5 KB = 1 + 2 blocks. */
    public static Metered batchGet(List<Long> itemBytes, Consistency consistency) {
        long blocks = 0;
        StringBuilder sum = new StringBuilder("(");
        for (long bytes : itemBytes) {
            blocks += Math.max(1, readBlocks(bytes));
            if (sum.length() > 1) {
                sum.append(" + ");
            }
            sum.append("ceil(").append(num(bytes, "B")).append(" / ").append(num(READ_UNIT_BYTES, "B"));
            sum.append(")");
        }
        return scaleRead(sum.append(")").toString(), blocks, consistency);
    }

    /**
     * Query on the table or an index (or Scan): the sizes of all items read (before any filter) are summed and rounded
     * up to 4 KB once per 1 MB page; an empty result still costs one block for the partition touched.
     */
    public static Metered query(long items, long itemBytes, Consistency consistency) {
        long pages = pages(items, itemBytes);
        if (pages == 1) {
            long blocks = readBlocks(items * itemBytes);
            String sum = "ceil(" + num(items, "items") + " x " + num(itemBytes, "B") + " / " + num(READ_UNIT_BYTES, "B")
                    + ")";
            return blocks == 0
                    ? scaleRead("max(" + sum + "; 1) [minimum per partition touched]", 1, consistency)
                    : scaleRead(sum, blocks, consistency);
        }
        long perPage = itemsPerPage(itemBytes);
        long last = items - (pages - 1) * perPage;
        long blocks = (pages - 1) * readBlocks(perPage * itemBytes) + readBlocks(last * itemBytes);
        String sum = num(pages - 1) + " x ceil(" + num(perPage, "items") + " x " + num(itemBytes, "B") + " / "
                + num(READ_UNIT_BYTES, "B") + ") + ceil(" + num(last, "items") + " x " + num(itemBytes, "B") + " / "
                + num(READ_UNIT_BYTES, "B") + ") [" + num(pages) + " pages of up to 1 MB]";
        return scaleRead(sum, blocks, consistency);
    }

    /** Scan: metered like Query over every item evaluated. */
    public static Metered scan(long items, long itemBytes, Consistency consistency) {
        return query(items, itemBytes, consistency);
    }

    /**
     * The base-table part of a Query on a local secondary index that asks for attributes the index does not project:
     * each fetched item is rounded up to 4 KB on its own (the index part is metered by {@link #query}).
     */
    public static Metered localIndexFetch(long items, long itemBytes, Consistency consistency) {
        if (items == 0) {
            return Metered.zero("no items fetched");
        }
        String sum = num(items, "items") + " x ceil(" + num(itemBytes, "B") + " / " + num(READ_UNIT_BYTES, "B") + ")";
        return scaleRead(sum, items * Math.max(1, readBlocks(itemBytes)), consistency);
    }

    /** Items a Query or Scan page holds: it stops once 1 MB is read, including the item that crosses the line. */
    public static long itemsPerPage(long itemBytes) {
        return itemBytes <= 0 ? Long.MAX_VALUE : Math.ceilDiv(PAGE_BYTES, itemBytes);
    }

    /** Requests (pages) a Query or Scan reading {@code items} items needs; at least one. */
    public static long pages(long items, long itemBytes) {
        return items <= 0 ? 1 : Math.ceilDiv(items, itemsPerPage(itemBytes));
    }

    /**
     * PutItem, UpdateItem, DeleteItem: the larger of the old and new item, rounded up to 1 KB (1 unit at least, e.g.
     * a delete of a missing item); doubled in a transaction.
     */
    public static Metered write(long oldBytes, long newBytes, boolean transactional) {
        return writes(1, oldBytes, newBytes, transactional);
    }

    /** BatchWriteItem or TransactWriteItems over {@code items} items of the same size: each rounded up to 1 KB. */
    public static Metered writes(long items, long oldBytes, long newBytes, boolean transactional) {
        long larger = Math.max(oldBytes, newBytes);
        String size = oldBytes > 0 && newBytes > 0
                ? "max(" + num(oldBytes, "B") + "; " + num(newBytes, "B") + ")"
                : num(larger, "B");
        String one = larger == 0
                ? "max(ceil(" + size + " / " + num(WRITE_UNIT_BYTES, "B") + "); 1)"
                : "ceil(" + size + " / " + num(WRITE_UNIT_BYTES, "B") + ")";
        String sum = items == 1 ? one : num(items, "items") + " x " + one;
        return scaleWrite(sum, items * Math.max(1, writeBlocks(larger)), transactional);
    }

    /** BatchWriteItem over items of different sizes, e.g. 500 B + 3.5 KB = 1 + 4 units. */
    public static Metered batchWrite(List<Long> itemBytes) {
        long blocks = 0;
        StringBuilder sum = new StringBuilder("(");
        for (long bytes : itemBytes) {
            blocks += Math.max(1, writeBlocks(bytes));
            if (sum.length() > 1) {
                sum.append(" + ");
            }
            sum.append("ceil(").append(num(bytes, "B")).append(" / ").append(num(WRITE_UNIT_BYTES, "B"));
            sum.append(")");
        }
        return scaleWrite(sum.append(")").toString(), blocks, false);
    }

    /**
     * The write one base-table write causes in one secondary index, metered on the index entry size (keys and projected
     * attributes) rounded up to 1 KB. Index writes are not doubled by transactions.
     */
    public static Metered indexWrite(IndexWrite change, long entryBytes) {
        return indexWrites(1, change, entryBytes);
    }

    /** {@link #indexWrite} for each of {@code items} items written by one request (BatchWriteItem, transactions). */
    public static Metered indexWrites(long items, IndexWrite change, long entryBytes) {
        long units = items * change.writes() * Math.max(1, writeBlocks(entryBytes));
        String each = change.writes() + " [" + change.label() + "] x ceil(" + num(entryBytes, "B") + " / "
                + num(WRITE_UNIT_BYTES, "B") + ")";
        return new Metered(units, (items == 1 ? each : num(items, "items") + " x " + each) + " = " + num(units, "WCU"));
    }

    /** Read units per started 4 KB: 0.5 eventually consistent, 1 strongly consistent, 2 transactional. */
    public static double factor(Consistency consistency) {
        return switch (consistency) {
            case EVENTUAL -> 0.5;
            case STRONG -> 1;
            case TRANSACTIONAL -> 2;
        };
    }

    static String label(Consistency consistency) {
        return switch (consistency) {
            case EVENTUAL -> "eventual";
            case STRONG -> "strong";
            case TRANSACTIONAL -> "transactional";
        };
    }

    private static Metered scaleRead(String blocksFormula, long blocks, Consistency consistency) {
        double units = blocks * factor(consistency);
        return new Metered(
                units,
                blocksFormula + " = " + num(blocks, "RCU") + " x " + num(factor(consistency)) + " ["
                        + label(consistency) + "] = " + num(units, "RCU"));
    }

    private static Metered scaleWrite(String blocksFormula, long blocks, boolean transactional) {
        if (!transactional) {
            return new Metered(blocks, blocksFormula + " = " + num(blocks, "WCU"));
        }
        return new Metered(
                blocks * 2,
                blocksFormula + " = " + num(blocks, "WCU") + " x 2 [transactional] = " + num(blocks * 2, "WCU"));
    }
}
