package dev.keysmith.engine.table;

import dev.keysmith.engine.error.Errors;
import dev.keysmith.engine.storage.ReadTx;
import dev.keysmith.engine.storage.WriteTx;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.ContinuousBackupsDescription;
import software.amazon.awssdk.services.dynamodb.model.ContinuousBackupsStatus;
import software.amazon.awssdk.services.dynamodb.model.PointInTimeRecoveryDescription;
import software.amazon.awssdk.services.dynamodb.model.PointInTimeRecoveryStatus;

/**
 * The point-in-time-recovery setting of each table, in the {@value #STORE} store under the table ARN (with the table
 * id, so a re-created table starts with recovery disabled), and its description as DynamoDB gives it.
 *
 * @param enabledAt when recovery was enabled, null while disabled
 */
record ContinuousBackups(@Nullable Instant enabledAt, int recoveryPeriodInDays) {
    static final String STORE = "pitr";
    static final int DEFAULT_PERIOD_DAYS = 35;
    /** DynamoDB's latest restorable time trails the present by about five minutes. */
    static final Duration RESTORE_LAG = Duration.ofMinutes(5);

    static final ContinuousBackups DISABLED = new ContinuousBackups(null, DEFAULT_PERIOD_DAYS);

    static ContinuousBackups read(ReadTx tx, TableDef table) {
        byte[] bytes = tx.get(STORE, key(table));
        if (bytes == null) {
            return DISABLED;
        }
        ByteBuffer in = ByteBuffer.wrap(bytes);
        byte[] id = new byte[in.getInt()];
        in.get(id);
        if (!new String(id, StandardCharsets.UTF_8).equals(table.tableId())) {
            return DISABLED;
        }
        long enabledAt = in.getLong();
        int days = in.getInt();
        return new ContinuousBackups(enabledAt < 0 ? null : Instant.ofEpochMilli(enabledAt), days);
    }

    void write(WriteTx tx, TableDef table) {
        byte[] id = table.tableId().getBytes(StandardCharsets.UTF_8);
        tx.put(
                STORE,
                key(table),
                ByteBuffer.allocate(4 + id.length + 12)
                        .putInt(id.length)
                        .put(id)
                        .putLong(enabledAt == null ? -1 : enabledAt.toEpochMilli())
                        .putInt(recoveryPeriodInDays)
                        .array());
    }

    /** DescribeContinuousBackups' answer at {@code now}. */
    ContinuousBackupsDescription describe(Instant now) {
        var pitr = PointInTimeRecoveryDescription.builder();
        if (enabledAt == null) {
            pitr.pointInTimeRecoveryStatus(PointInTimeRecoveryStatus.DISABLED);
        } else {
            Instant windowStart = now.minus(Duration.ofDays(recoveryPeriodInDays));
            Instant earliest = enabledAt.isAfter(windowStart) ? enabledAt : windowStart;
            Instant latest = now.minus(RESTORE_LAG);
            pitr.pointInTimeRecoveryStatus(PointInTimeRecoveryStatus.ENABLED)
                    .recoveryPeriodInDays(recoveryPeriodInDays)
                    .earliestRestorableDateTime(earliest)
                    .latestRestorableDateTime(latest.isBefore(earliest) ? earliest : latest);
        }
        return ContinuousBackupsDescription.builder()
                .continuousBackupsStatus(ContinuousBackupsStatus.ENABLED)
                .pointInTimeRecoveryDescription(pitr.build())
                .build();
    }

    /** The table for a continuous-backups call: {@code TableNotFoundException: Table not found: <name>}. */
    static TableDef requireTable(ReadTx tx, Catalog catalog, @Nullable String tableName) {
        if (tableName == null) {
            throw Errors.validation("1 validation error detected: Value null at 'tableName' failed to satisfy"
                    + " constraint: Member must not be null");
        }
        TableDef table = catalog.find(tx, tableName);
        if (table == null) {
            throw Errors.tableNotFoundForBackup(tableName);
        }
        return table;
    }

    private static byte[] key(TableDef table) {
        return table.arn().getBytes(StandardCharsets.UTF_8);
    }
}
