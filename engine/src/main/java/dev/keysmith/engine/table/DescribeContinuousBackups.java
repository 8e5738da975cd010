package dev.keysmith.engine.table;

import dev.keysmith.engine.EngineConfig;
import dev.keysmith.engine.storage.Storage;
import software.amazon.awssdk.services.dynamodb.model.DescribeContinuousBackupsRequest;
import software.amazon.awssdk.services.dynamodb.model.DescribeContinuousBackupsResponse;

/** DescribeContinuousBackups: backups are always available (ENABLED); point-in-time recovery as last set. */
final class DescribeContinuousBackups {
    private DescribeContinuousBackups() {}

    static DescribeContinuousBackupsResponse execute(
            Storage storage, Catalog catalog, EngineConfig config, DescribeContinuousBackupsRequest request) {
        ContinuousBackups state = storage.read(
                tx -> ContinuousBackups.read(tx, ContinuousBackups.requireTable(tx, catalog, request.tableName())));
        return DescribeContinuousBackupsResponse.builder()
                .continuousBackupsDescription(state.describe(config.clock().instant()))
                .build();
    }
}
