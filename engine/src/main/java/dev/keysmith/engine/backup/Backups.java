package dev.keysmith.engine.backup;

import dev.keysmith.engine.EngineConfig;
import dev.keysmith.engine.op.OpContext;
import java.util.function.Function;
import software.amazon.awssdk.services.dynamodb.model.CreateBackupRequest;
import software.amazon.awssdk.services.dynamodb.model.CreateBackupResponse;
import software.amazon.awssdk.services.dynamodb.model.DeleteBackupRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteBackupResponse;
import software.amazon.awssdk.services.dynamodb.model.DescribeBackupRequest;
import software.amazon.awssdk.services.dynamodb.model.DescribeBackupResponse;
import software.amazon.awssdk.services.dynamodb.model.ListBackupsRequest;
import software.amazon.awssdk.services.dynamodb.model.ListBackupsResponse;
import software.amazon.awssdk.services.dynamodb.model.RestoreTableFromBackupRequest;
import software.amazon.awssdk.services.dynamodb.model.RestoreTableFromBackupResponse;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/** The backup actions, one class each, behind one entry point for {@code KeysmithEngine}. */
public final class Backups {
    private final OpContext ctx;
    private final EngineConfig config;
    private final Function<String, TableDescription> describe;

    /** {@code describe} gives the DescribeTable view of a table (for the restore response). */
    public Backups(OpContext ctx, EngineConfig config, Function<String, TableDescription> describe) {
        this.ctx = ctx;
        this.config = config;
        this.describe = describe;
    }

    public CreateBackupResponse createBackup(CreateBackupRequest request) {
        return CreateBackup.execute(ctx.storage(), ctx.catalog(), config, request);
    }

    public DescribeBackupResponse describeBackup(DescribeBackupRequest request) {
        return DescribeBackup.execute(ctx.storage(), request);
    }

    public ListBackupsResponse listBackups(ListBackupsRequest request) {
        return ListBackups.execute(ctx.storage(), request);
    }

    public DeleteBackupResponse deleteBackup(DeleteBackupRequest request) {
        return DeleteBackup.execute(ctx.storage(), request);
    }

    public RestoreTableFromBackupResponse restoreTableFromBackup(RestoreTableFromBackupRequest request) {
        return RestoreTableFromBackup.execute(ctx, config, describe, request);
    }
}
