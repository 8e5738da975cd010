package dev.keysmith.engine.table;

import dev.keysmith.engine.error.Errors;
import dev.keysmith.engine.storage.Cursor;
import dev.keysmith.engine.storage.ReadTx;
import dev.keysmith.engine.storage.WriteTx;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.IndexStatus;

/**
 * The table definitions and their exact statistics, kept in two stores of the {@link
 * dev.keysmith.engine.storage.Storage}: {@value #TABLES} (table name → {@link TableDef}) and {@value #STATS} (table
 * name, or table name + NUL + index name → item count and size). Everything is read and written inside the caller's
 * transaction, so a data-plane write and its statistics commit together.
 */
public final class Catalog {
    static final String TABLES = "catalog";
    static final String STATS = "stats";

    /** Decoded definitions, reused while the stored bytes are unchanged (the stored bytes stay the truth). */
    private final Map<String, Decoded> decoded = new ConcurrentHashMap<>();

    private record Decoded(byte[] bytes, TableDef def) {}

    /** The table's definition as of {@code tx}, or null if there is no such table. */
    public @Nullable TableDef find(ReadTx tx, String tableName) {
        byte[] bytes = tx.get(TABLES, utf8(tableName));
        if (bytes == null) {
            return null;
        }
        Decoded cached = decoded.get(tableName);
        if (cached != null && Arrays.equals(cached.bytes, bytes)) {
            return cached.def;
        }
        TableDef def = CatalogCodec.decode(bytes);
        decoded.put(tableName, new Decoded(bytes, def));
        return def;
    }

    /** The table's definition; a missing table fails with the data-plane "Requested resource not found". */
    public TableDef require(ReadTx tx, String tableName) {
        TableDef def = find(tx, tableName);
        if (def == null) {
            throw Errors.tableNotFoundDataPlane();
        }
        return def;
    }

    /** The table's definition; a missing table fails with the control-plane "...: Table: name not found". */
    TableDef requireForControlPlane(ReadTx tx, String tableName) {
        TableDef def = find(tx, tableName);
        if (def == null) {
            throw Errors.tableNotFound(tableName);
        }
        return def;
    }

    /** Table names in ascending order, starting after {@code exclusiveStart} if given, at most {@code limit}. */
    public List<String> tableNames(ReadTx tx, @Nullable String exclusiveStart, int limit) {
        List<String> names = new ArrayList<>();
        try (Cursor cursor = tx.cursor(TABLES)) {
            boolean more = exclusiveStart == null ? cursor.first() : cursor.seek(utf8(exclusiveStart));
            if (more && exclusiveStart != null && Arrays.equals(cursor.key(), utf8(exclusiveStart))) {
                more = cursor.next();
            }
            while (more && names.size() < limit) {
                names.add(new String(cursor.key(), StandardCharsets.UTF_8));
                more = cursor.next();
            }
        }
        return names;
    }

    /** Stores (creates or replaces) a definition. */
    void put(WriteTx tx, TableDef def) {
        tx.put(TABLES, utf8(def.name()), CatalogCodec.encode(def));
    }

    /** Removes a table's definition and statistics (its item and index stores are the caller's business). */
    void remove(WriteTx tx, TableDef def) {
        tx.delete(TABLES, utf8(def.name()));
        tx.delete(STATS, utf8(def.name()));
        for (IndexDef index : def.indexes()) {
            tx.delete(STATS, indexStatsKey(def.name(), index.name()));
        }
    }

    /**
     * Sets an index's status, e.g. ACTIVE once the data plane has backfilled a GSI created by UpdateTable (CREATING).
     */
    public void setIndexStatus(WriteTx tx, String tableName, String indexName, IndexStatus status) {
        TableDef def = require(tx, tableName);
        TableDef.Builder b = def.toBuilder();
        b.indexes = def.indexes().stream()
                .map(i -> i.name().equals(indexName) ? i.withStatus(status) : i)
                .toList();
        put(tx, b.build());
    }

    /** Enables time to live on {@code attribute}, or disables it when null (UpdateTimeToLive). */
    public void setTimeToLive(WriteTx tx, String tableName, @Nullable String attribute) {
        TableDef.Builder b = require(tx, tableName).toBuilder();
        b.ttlAttribute = attribute;
        put(tx, b.build());
    }

    /** Adds to a table's item count and size; call it in the same transaction as the write it accounts for. */
    public void adjustStats(WriteTx tx, String tableName, long itemCountDelta, long sizeBytesDelta) {
        adjust(tx, utf8(tableName), itemCountDelta, sizeBytesDelta);
    }

    /** Adds to an index's entry count and size; call it in the same transaction as the index write. */
    public void adjustIndexStats(
            WriteTx tx, String tableName, String indexName, long itemCountDelta, long sizeBytesDelta) {
        adjust(tx, indexStatsKey(tableName, indexName), itemCountDelta, sizeBytesDelta);
    }

    public TableStats stats(ReadTx tx, String tableName) {
        return read(tx, utf8(tableName));
    }

    public TableStats indexStats(ReadTx tx, String tableName, String indexName) {
        return read(tx, indexStatsKey(tableName, indexName));
    }

    private static void adjust(WriteTx tx, byte[] key, long countDelta, long sizeDelta) {
        if (countDelta == 0 && sizeDelta == 0) {
            return;
        }
        TableStats old = read(tx, key);
        tx.put(
                STATS,
                key,
                ByteBuffer.allocate(16)
                        .putLong(old.itemCount() + countDelta)
                        .putLong(old.sizeBytes() + sizeDelta)
                        .array());
    }

    private static TableStats read(ReadTx tx, byte[] key) {
        byte[] bytes = tx.get(STATS, key);
        if (bytes == null) {
            return TableStats.EMPTY;
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        return new TableStats(buffer.getLong(), buffer.getLong());
    }

    private static byte[] indexStatsKey(String tableName, String indexName) {
        return utf8(tableName + '\0' + indexName);
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    // --- for backups and restores (engine-extras) ---

    /** The stored binary form of a definition (kept inside backups). */
    public static byte[] encodeDefinition(TableDef def) {
        return CatalogCodec.encode(def);
    }

    public static TableDef decodeDefinition(byte[] bytes) {
        return CatalogCodec.decode(bytes);
    }

    /** The ARN DynamoDB gives the table {@code tableName}. */
    public static String tableArn(dev.keysmith.engine.EngineConfig config, String tableName) {
        return TableDescriptions.tableArn(config, tableName);
    }

    /** Adds a new table (a restore); the caller has checked that the name is free. */
    public void create(WriteTx tx, TableDef def) {
        put(tx, def);
    }
}
