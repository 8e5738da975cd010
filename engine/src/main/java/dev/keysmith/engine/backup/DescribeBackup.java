package dev.keysmith.engine.backup;

import dev.keysmith.engine.storage.Storage;
import software.amazon.awssdk.services.dynamodb.model.BackupStatus;
import software.amazon.awssdk.services.dynamodb.model.DescribeBackupRequest;
import software.amazon.awssdk.services.dynamodb.model.DescribeBackupResponse;

/** DescribeBackup: the backup, its source table and the source table's indexes. */
final class DescribeBackup {
    private DescribeBackup() {}

    static DescribeBackupResponse execute(Storage storage, DescribeBackupRequest request) {
        Backup backup = storage.read(tx -> Backup.require(tx, request.backupArn()));
        return DescribeBackupResponse.builder()
                .backupDescription(backup.description(BackupStatus.AVAILABLE))
                .build();
    }
}
