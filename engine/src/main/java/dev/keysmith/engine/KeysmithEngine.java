package dev.keysmith.engine;

import dev.keysmith.engine.storage.Storage;
import dev.keysmith.engine.storage.XodusStorage;
import dev.keysmith.engine.table.Catalog;
import dev.keysmith.engine.table.ControlPlane;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.CreateTableResponse;
import software.amazon.awssdk.services.dynamodb.model.DeleteTableRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteTableResponse;
import software.amazon.awssdk.services.dynamodb.model.DescribeEndpointsRequest;
import software.amazon.awssdk.services.dynamodb.model.DescribeEndpointsResponse;
import software.amazon.awssdk.services.dynamodb.model.DescribeLimitsRequest;
import software.amazon.awssdk.services.dynamodb.model.DescribeLimitsResponse;
import software.amazon.awssdk.services.dynamodb.model.DescribeTableRequest;
import software.amazon.awssdk.services.dynamodb.model.DescribeTableResponse;
import software.amazon.awssdk.services.dynamodb.model.ListTablesRequest;
import software.amazon.awssdk.services.dynamodb.model.ListTablesResponse;
import software.amazon.awssdk.services.dynamodb.model.UpdateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateTableResponse;

/** The embedded engine: the AWS SDK v2 {@link DynamoDbClient} implemented in-process on Xodus. */
public final class KeysmithEngine implements DynamoDbClient {
    private final EngineConfig config;
    private final Storage storage;
    private final Catalog catalog;
    private final ControlPlane controlPlane;
    private final AtomicBoolean closed = new AtomicBoolean();

    private KeysmithEngine(EngineConfig config, Storage storage) {
        this.config = config;
        this.storage = storage;
        this.catalog = new Catalog();
        this.controlPlane = new ControlPlane(storage, catalog, config);
    }

    /** Opens the engine on the configured folder (created if needed), or in memory when it has none. */
    public static KeysmithEngine open(EngineConfig config) {
        Path dir = config.dataDir();
        Storage storage = dir == null ? XodusStorage.inMemory() : XodusStorage.onDisk(dir, config.durableWrites());
        return new KeysmithEngine(config, storage);
    }

    public Storage storage() {
        return storage;
    }

    public Catalog catalog() {
        return catalog;
    }

    public EngineConfig config() {
        return config;
    }

    @Override
    public String serviceName() {
        return SERVICE_NAME;
    }

    /** Closes the database; further calls fail. Closing twice does nothing. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            storage.close();
        }
    }

    @Override
    public CreateTableResponse createTable(CreateTableRequest request) {
        return controlPlane.createTable(request);
    }

    @Override
    public DescribeTableResponse describeTable(DescribeTableRequest request) {
        return controlPlane.describeTable(request);
    }

    @Override
    public ListTablesResponse listTables(ListTablesRequest request) {
        return controlPlane.listTables(request);
    }

    @Override
    public ListTablesResponse listTables() {
        return listTables(ListTablesRequest.builder().build());
    }

    @Override
    public UpdateTableResponse updateTable(UpdateTableRequest request) {
        return controlPlane.updateTable(request);
    }

    @Override
    public DeleteTableResponse deleteTable(DeleteTableRequest request) {
        return controlPlane.deleteTable(request);
    }

    @Override
    public DescribeLimitsResponse describeLimits(DescribeLimitsRequest request) {
        return controlPlane.describeLimits(request);
    }

    @Override
    public DescribeEndpointsResponse describeEndpoints(DescribeEndpointsRequest request) {
        return controlPlane.describeEndpoints(request);
    }
}
