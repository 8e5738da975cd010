package dev.keysmith.engine.backup;

import dev.keysmith.engine.storage.Storage;
import software.amazon.awssdk.services.dynamodb.model.BackupStatus;
import software.amazon.awssdk.services.dynamodb.model.DeleteBackupRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteBackupResponse;

/** DeleteBackup: removes the backup and its item copies; the answer describes it as DELETED. */
final class DeleteBackup {
    private DeleteBackup() {}

    static DeleteBackupResponse execute(Storage storage, DeleteBackupRequest request) {
        Backup backup = storage.write(tx -> {
            Backup b = Backup.require(tx, request.backupArn());
            tx.delete(Backup.STORE, b.key());
            tx.dropStore(b.itemStore());
            return b;
        });
        return DeleteBackupResponse.builder()
                .backupDescription(backup.description(BackupStatus.DELETED))
                .build();
    }
}
