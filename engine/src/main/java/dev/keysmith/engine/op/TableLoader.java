package dev.keysmith.engine.op;

import dev.keysmith.engine.change.ItemChange;
import dev.keysmith.engine.keys.ItemCodec;
import dev.keysmith.engine.storage.Cursor;
import dev.keysmith.engine.storage.WriteTx;
import dev.keysmith.engine.table.TableDef;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Fills a new table with stored items (a restore from a backup): each item is written as a put, so the table's
 * indexes and statistics are built exactly as ordinary writes build them, in the caller's transaction.
 */
public final class TableLoader {
    private TableLoader() {}

    /** Writes every item of {@code sourceStore} (item bytes as the item stores hold them) into {@code target}. */
    public static long load(WriteTx tx, OpContext ctx, TableDef target, String sourceStore) {
        List<ItemChange> ignored = new ArrayList<>();
        long count = 0;
        try (Cursor cursor = tx.cursor(sourceStore)) {
            for (boolean more = cursor.first(); more; more = cursor.next()) {
                Map<String, AttributeValue> item = ItemCodec.decode(cursor.value());
                ItemWriter.write(tx, ctx, target, KeyLayout.itemKey(target, item), null, item, null, false, ignored);
                ignored.clear();
                count++;
            }
        }
        return count;
    }
}
