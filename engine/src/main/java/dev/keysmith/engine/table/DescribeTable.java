package dev.keysmith.engine.table;

import dev.keysmith.engine.EngineConfig;
import dev.keysmith.engine.storage.ReadTx;
import dev.keysmith.engine.storage.Storage;
import software.amazon.awssdk.services.dynamodb.model.DescribeTableRequest;
import software.amazon.awssdk.services.dynamodb.model.DescribeTableResponse;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/** DescribeTable: the stored definition with its exact item count and size. */
final class DescribeTable {
    private final Storage storage;
    private final Catalog catalog;
    private final EngineConfig config;

    DescribeTable(Storage storage, Catalog catalog, EngineConfig config) {
        this.storage = storage;
        this.catalog = catalog;
        this.config = config;
    }

    DescribeTableResponse execute(DescribeTableRequest request) {
        DescribeTableValidator.validate(request);
        TableDescription table =
                storage.read(tx -> describe(tx, catalog.requireForControlPlane(tx, request.tableName())));
        return DescribeTableResponse.builder().table(table).build();
    }

    /** The current description of a table, as DescribeTable shows it. */
    TableDescription describe(ReadTx tx, TableDef def) {
        return TableDescriptions.describe(
                def,
                catalog.stats(tx, def.name()),
                index -> catalog.indexStats(tx, def.name(), index),
                config.clock().instant(),
                def.status(),
                null);
    }
}
