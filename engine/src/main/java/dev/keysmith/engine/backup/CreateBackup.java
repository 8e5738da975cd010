package dev.keysmith.engine.backup;

import dev.keysmith.engine.EngineConfig;
import dev.keysmith.engine.error.Errors;
import dev.keysmith.engine.storage.Cursor;
import dev.keysmith.engine.storage.Storage;
import dev.keysmith.engine.table.Catalog;
import dev.keysmith.engine.table.TableDef;
import dev.keysmith.engine.table.TableStats;
import java.time.Instant;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import software.amazon.awssdk.services.dynamodb.model.BackupStatus;
import software.amazon.awssdk.services.dynamodb.model.CreateBackupRequest;
import software.amazon.awssdk.services.dynamodb.model.CreateBackupResponse;

/**
 * CreateBackup: copies the table's definition and every item into a backup store, in one storage transaction, so the
 * backup is a consistent snapshot. Index entries are not copied: a restore rebuilds them from the items (so it can also
 * drop or change indexes). The response says CREATING, as DynamoDB's does; DescribeBackup then says AVAILABLE.
 */
final class CreateBackup {
    private CreateBackup() {}

    static CreateBackupResponse execute(
            Storage storage, Catalog catalog, EngineConfig config, CreateBackupRequest request) {
        String tableName = request.tableName();
        if (tableName == null) {
            throw Errors.validation("1 validation error detected: Value null at 'tableName' failed to satisfy"
                    + " constraint: Member must not be null");
        }
        String name = Names.check(request.backupName(), "backupName");
        Instant now = config.clock().instant();
        String suffix = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
        Backup backup = storage.write(tx -> {
            TableDef table = catalog.find(tx, tableName);
            if (table == null) {
                throw Errors.tableNotFoundForBackup(tableName);
            }
            String arn = String.format("%s/backup/%014d-%s", table.arn(), now.toEpochMilli(), suffix);
            String store = "b:" + table.tableId() + ":" + now.toEpochMilli() + "-" + suffix;
            try (Cursor cursor = tx.cursor(table.itemStore())) {
                for (boolean more = cursor.first(); more; more = cursor.next()) {
                    tx.put(store, cursor.key(), cursor.value());
                }
            }
            TableStats stats = catalog.stats(tx, table.name());
            Backup b = new Backup(arn, name, now, stats.itemCount(), stats.sizeBytes(), store, table);
            tx.put(Backup.STORE, b.key(), b.encode());
            return b;
        });
        return CreateBackupResponse.builder()
                .backupDetails(backup.details(BackupStatus.CREATING))
                .build();
    }
}
