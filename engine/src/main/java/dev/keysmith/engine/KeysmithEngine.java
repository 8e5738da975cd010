package dev.keysmith.engine;

import dev.keysmith.engine.change.ChangeListener;
import dev.keysmith.engine.op.EngineHooks;
import dev.keysmith.engine.op.IndexBackfill;
import dev.keysmith.engine.op.OpContext;
import dev.keysmith.engine.op.TimeToLive;
import dev.keysmith.engine.op.TtlSweeper;
import dev.keysmith.engine.storage.BufferedStorage;
import dev.keysmith.engine.storage.Storage;
import dev.keysmith.engine.stream.KeysmithStreams;
import dev.keysmith.engine.stream.StreamLog;
import dev.keysmith.engine.table.Catalog;
import dev.keysmith.engine.table.ControlPlane;
import dev.keysmith.engine.table.TableDef;
import dev.keysmith.engine.trace.TraceListener;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.CreateTableResponse;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.DeleteTableRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteTableResponse;
import software.amazon.awssdk.services.dynamodb.model.DescribeEndpointsRequest;
import software.amazon.awssdk.services.dynamodb.model.DescribeEndpointsResponse;
import software.amazon.awssdk.services.dynamodb.model.DescribeLimitsRequest;
import software.amazon.awssdk.services.dynamodb.model.DescribeLimitsResponse;
import software.amazon.awssdk.services.dynamodb.model.DescribeTableRequest;
import software.amazon.awssdk.services.dynamodb.model.DescribeTableResponse;
import software.amazon.awssdk.services.dynamodb.model.DescribeTimeToLiveRequest;
import software.amazon.awssdk.services.dynamodb.model.DescribeTimeToLiveResponse;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ListTablesRequest;
import software.amazon.awssdk.services.dynamodb.model.ListTablesResponse;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItemsResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsResponse;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;
import software.amazon.awssdk.services.dynamodb.model.UpdateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateTableResponse;
import software.amazon.awssdk.services.dynamodb.model.UpdateTimeToLiveRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateTimeToLiveResponse;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/** The embedded engine: the AWS SDK v2 {@link DynamoDbClient} implemented in-process on Xodus. */
public final class KeysmithEngine implements DynamoDbClient {
    private final EngineConfig config;
    private final Storage storage;
    private final Catalog catalog;
    private final ControlPlane controlPlane;
    private final EngineHooks hooks = new EngineHooks();
    /** PartiQL statements run as the engine's own operations. */
    private final dev.keysmith.engine.partiql.PartiQl partiQl = new dev.keysmith.engine.partiql.PartiQl(this);

    private final OpContext ops;
    private final StreamLog streamLog;
    private final KeysmithStreams streams;
    private final java.util.concurrent.ScheduledExecutorService sweeper;
    private final dev.keysmith.engine.backup.Backups backups;
    private final dev.keysmith.engine.surface.AbsentFeatures absentFeatures;
    private final dev.keysmith.engine.throughput.Throttle throttle;
    private final java.util.concurrent.ExecutorService background;

    /** How long a stream shard stays open before a child shard replaces it (DynamoDB's are about four hours). */
    static final java.time.Duration SHARD_ROTATION = java.time.Duration.ofHours(4);

    private final AtomicBoolean closed = new AtomicBoolean();

    private KeysmithEngine(EngineConfig config, Storage storage) {
        this.config = config;
        this.storage = storage;
        this.catalog = new Catalog();
        this.controlPlane = new ControlPlane(storage, catalog, config);
        this.streamLog = new StreamLog(config.clock(), SHARD_ROTATION, config.region(), config.accountId());
        this.streams = new KeysmithStreams(storage, streamLog, config.clock());
        this.ops = new OpContext(storage, catalog, hooks, config.clock(), streamLog);
        this.backups = new dev.keysmith.engine.backup.Backups(
                ops,
                config,
                name -> controlPlane
                        .describeTable(
                                DescribeTableRequest.builder().tableName(name).build())
                        .table());
        this.absentFeatures = new dev.keysmith.engine.surface.AbsentFeatures(storage, catalog);
        this.throttle = new dev.keysmith.engine.throughput.Throttle(
                storage, catalog, config.clock(), config.throughputEmulation());
        this.sweeper = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("keysmith-sweeper").daemon().factory());
        this.background = java.util.concurrent.Executors.newSingleThreadExecutor(
                Thread.ofPlatform().name("keysmith-backfill").daemon().factory());
        // A backfill cut short by a crash resumes here.
        for (String name : storage.read(tx -> catalog.tableNames(tx, null, Integer.MAX_VALUE))) {
            if (hasCreatingIndex(name)) {
                background.execute(() -> backfillQuietly(name));
            }
        }
        long every = config.sweepInterval().toMillis();
        sweeper.scheduleWithFixedDelay(this::sweepQuietly, every, every, java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    /** Opens the engine on the configured folder (created if needed), or in memory when it has none. */
    public static KeysmithEngine open(EngineConfig config) {
        Path dir = config.dataDir();
        Storage storage =
                dir == null ? BufferedStorage.inMemory() : BufferedStorage.onDisk(dir, config.durableWrites());
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

    /** The DynamoDB Streams API of this engine. */
    public DynamoDbStreamsClient streams() {
        return streams;
    }

    /**
     * Reports what the engine did for each request (table or index, partition, sort-key range, items read and
     * returned, capacity) to {@code listener}, on the request's thread. Closing the handle stops it.
     */
    public AutoCloseable addTraceListener(TraceListener listener) {
        return hooks.addTraceListener(listener);
    }

    /** Reports every committed item change to {@code listener}, after the commit. Closing the handle stops it. */
    public AutoCloseable addChangeListener(ChangeListener listener) {
        return hooks.addChangeListener(listener);
    }

    @Override
    public String serviceName() {
        return SERVICE_NAME;
    }

    /** Closes the database; further calls fail. Closing twice does nothing. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            sweeper.shutdownNow();
            background.shutdownNow();
            try {
                sweeper.awaitTermination(10, java.util.concurrent.TimeUnit.SECONDS);
                background.awaitTermination(10, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            storage.close();
        }
    }

    @Override
    public CreateTableResponse createTable(CreateTableRequest request) {
        CreateTableResponse response = controlPlane.createTable(request);
        syncStream(request.tableName(), null);
        return response;
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
        TableDef before =
                request.tableName() == null ? null : storage.read(tx -> catalog.find(tx, request.tableName()));
        UpdateTableResponse response = controlPlane.updateTable(request);
        syncStream(request.tableName(), before);
        if (hasCreatingIndex(request.tableName())) {
            String name = request.tableName();
            background.execute(() -> backfillQuietly(name));
        }
        return response;
    }

    @Override
    public DeleteTableResponse deleteTable(DeleteTableRequest request) {
        TableDef before =
                request.tableName() == null ? null : storage.read(tx -> catalog.find(tx, request.tableName()));
        DeleteTableResponse response = controlPlane.deleteTable(request);
        syncStream(request.tableName(), before);
        return response;
    }

    /** Registers a stream enabled, or closes one disabled, by the control-plane call that just committed. */
    private void syncStream(String tableName, @Nullable TableDef before) {
        storage.write(tx -> {
            streamLog.onStreamSettingsChanged(tx, before, catalog.find(tx, tableName));
            return null;
        });
    }

    @Override
    public UpdateTimeToLiveResponse updateTimeToLive(UpdateTimeToLiveRequest request) {
        return TimeToLive.update(ops, request);
    }

    @Override
    public DescribeTimeToLiveResponse describeTimeToLive(DescribeTimeToLiveRequest request) {
        return TimeToLive.describe(ops, request);
    }

    /**
     * Runs the background work now: deletes expired items (time to live) and trims stream records past retention.
     * The engine also does this by itself every {@link EngineConfig#sweepInterval()}. Returns the items deleted.
     */
    public int sweep() {
        int deleted = TtlSweeper.sweepOnce(ops);
        storage.write(streamLog::trim);
        return deleted;
    }

    private boolean hasCreatingIndex(String tableName) {
        TableDef table = storage.read(tx -> catalog.find(tx, tableName));
        return table != null
                && table.indexes().stream()
                        .anyMatch(
                                i -> i.status() == software.amazon.awssdk.services.dynamodb.model.IndexStatus.CREATING);
    }

    private void backfillQuietly(String tableName) {
        try {
            IndexBackfill.run(ops, tableName);
        } catch (RuntimeException e) {
            if (!closed.get()) {
                System.getLogger(KeysmithEngine.class.getName())
                        .log(System.Logger.Level.WARNING, "index backfill of " + tableName + " failed", e);
            }
        }
    }

    private void sweepQuietly() {
        try {
            sweep();
        } catch (RuntimeException e) {
            if (!closed.get()) {
                System.getLogger(KeysmithEngine.class.getName())
                        .log(System.Logger.Level.WARNING, "background sweep failed", e);
            }
        }
    }

    @Override
    public DescribeLimitsResponse describeLimits(DescribeLimitsRequest request) {
        return controlPlane.describeLimits(request);
    }

    @Override
    public DescribeEndpointsResponse describeEndpoints(DescribeEndpointsRequest request) {
        return controlPlane.describeEndpoints(request);
    }

    @Override
    public GetItemResponse getItem(GetItemRequest request) {
        return throttle.single(
                request.tableName(),
                null,
                false,
                request.returnConsumedCapacity(),
                mode -> dev.keysmith.engine.op.GetItem.execute(
                        ops,
                        mode == request.returnConsumedCapacity()
                                ? request
                                : request.toBuilder()
                                        .returnConsumedCapacity(mode)
                                        .build()),
                GetItemResponse::consumedCapacity,
                (r, c) -> r.toBuilder().consumedCapacity(c).build());
    }

    @Override
    public PutItemResponse putItem(PutItemRequest request) {
        return throttle.single(
                request.tableName(),
                null,
                true,
                request.returnConsumedCapacity(),
                mode -> dev.keysmith.engine.op.PutItem.execute(
                        ops,
                        mode == request.returnConsumedCapacity()
                                ? request
                                : request.toBuilder()
                                        .returnConsumedCapacity(mode)
                                        .build()),
                PutItemResponse::consumedCapacity,
                (r, c) -> r.toBuilder().consumedCapacity(c).build());
    }

    @Override
    public UpdateItemResponse updateItem(UpdateItemRequest request) {
        return throttle.single(
                request.tableName(),
                null,
                true,
                request.returnConsumedCapacity(),
                mode -> dev.keysmith.engine.op.UpdateItem.execute(
                        ops,
                        mode == request.returnConsumedCapacity()
                                ? request
                                : request.toBuilder()
                                        .returnConsumedCapacity(mode)
                                        .build()),
                UpdateItemResponse::consumedCapacity,
                (r, c) -> r.toBuilder().consumedCapacity(c).build());
    }

    @Override
    public DeleteItemResponse deleteItem(DeleteItemRequest request) {
        return throttle.single(
                request.tableName(),
                null,
                true,
                request.returnConsumedCapacity(),
                mode -> dev.keysmith.engine.op.DeleteItem.execute(
                        ops,
                        mode == request.returnConsumedCapacity()
                                ? request
                                : request.toBuilder()
                                        .returnConsumedCapacity(mode)
                                        .build()),
                DeleteItemResponse::consumedCapacity,
                (r, c) -> r.toBuilder().consumedCapacity(c).build());
    }

    @Override
    public QueryResponse query(QueryRequest request) {
        return throttle.single(
                request.tableName(),
                request.indexName(),
                false,
                request.returnConsumedCapacity(),
                mode -> dev.keysmith.engine.op.Query.execute(
                        ops,
                        mode == request.returnConsumedCapacity()
                                ? request
                                : request.toBuilder()
                                        .returnConsumedCapacity(mode)
                                        .build()),
                QueryResponse::consumedCapacity,
                (r, c) -> r.toBuilder().consumedCapacity(c).build());
    }

    @Override
    public ScanResponse scan(ScanRequest request) {
        return throttle.single(
                request.tableName(),
                request.indexName(),
                false,
                request.returnConsumedCapacity(),
                mode -> dev.keysmith.engine.op.Scan.execute(
                        ops,
                        mode == request.returnConsumedCapacity()
                                ? request
                                : request.toBuilder()
                                        .returnConsumedCapacity(mode)
                                        .build()),
                ScanResponse::consumedCapacity,
                (r, c) -> r.toBuilder().consumedCapacity(c).build());
    }

    @Override
    public BatchGetItemResponse batchGetItem(BatchGetItemRequest request) {
        return throttle.batchGet(request, r -> dev.keysmith.engine.op.BatchGetItem.execute(ops, r));
    }

    @Override
    public BatchWriteItemResponse batchWriteItem(BatchWriteItemRequest request) {
        return throttle.batchWrite(request, r -> dev.keysmith.engine.op.BatchWriteItem.execute(ops, r));
    }

    @Override
    public TransactGetItemsResponse transactGetItems(TransactGetItemsRequest request) {
        return throttle.transactGet(request, r -> dev.keysmith.engine.op.TransactGetItems.execute(ops, r));
    }

    @Override
    public TransactWriteItemsResponse transactWriteItems(TransactWriteItemsRequest request) {
        return throttle.transactWrite(request, r -> dev.keysmith.engine.op.TransactWriteItems.execute(ops, r));
    }

    // --- engine-extras: tags, continuous backups, backups, features the engine describes as absent, and the
    // operations it does not implement (each answers UnknownOperationException naming itself, never the interface's
    // default UnsupportedOperationException) ---

    @Override
    public software.amazon.awssdk.services.dynamodb.model.TagResourceResponse tagResource(
            software.amazon.awssdk.services.dynamodb.model.TagResourceRequest request) {
        return controlPlane.tagResource(request);
    }

    @Override
    public software.amazon.awssdk.services.dynamodb.model.UntagResourceResponse untagResource(
            software.amazon.awssdk.services.dynamodb.model.UntagResourceRequest request) {
        return controlPlane.untagResource(request);
    }

    @Override
    public software.amazon.awssdk.services.dynamodb.model.ListTagsOfResourceResponse listTagsOfResource(
            software.amazon.awssdk.services.dynamodb.model.ListTagsOfResourceRequest request) {
        return controlPlane.listTagsOfResource(request);
    }

    @Override
    public software.amazon.awssdk.services.dynamodb.model.UpdateContinuousBackupsResponse updateContinuousBackups(
            software.amazon.awssdk.services.dynamodb.model.UpdateContinuousBackupsRequest request) {
        return controlPlane.updateContinuousBackups(request);
    }

    @Override
    public software.amazon.awssdk.services.dynamodb.model.DescribeContinuousBackupsResponse describeContinuousBackups(
            software.amazon.awssdk.services.dynamodb.model.DescribeContinuousBackupsRequest request) {
        return controlPlane.describeContinuousBackups(request);
    }

    @Override
    public software.amazon.awssdk.services.dynamodb.model.CreateBackupResponse createBackup(
            software.amazon.awssdk.services.dynamodb.model.CreateBackupRequest request) {
        return backups.createBackup(request);
    }

    @Override
    public software.amazon.awssdk.services.dynamodb.model.DescribeBackupResponse describeBackup(
            software.amazon.awssdk.services.dynamodb.model.DescribeBackupRequest request) {
        return backups.describeBackup(request);
    }

    @Override
    public software.amazon.awssdk.services.dynamodb.model.ListBackupsResponse listBackups(
            software.amazon.awssdk.services.dynamodb.model.ListBackupsRequest request) {
        return backups.listBackups(request);
    }

    @Override
    public software.amazon.awssdk.services.dynamodb.model.DeleteBackupResponse deleteBackup(
            software.amazon.awssdk.services.dynamodb.model.DeleteBackupRequest request) {
        return backups.deleteBackup(request);
    }

    @Override
    public software.amazon.awssdk.services.dynamodb.model.RestoreTableFromBackupResponse restoreTableFromBackup(
            software.amazon.awssdk.services.dynamodb.model.RestoreTableFromBackupRequest request) {
        return backups.restoreTableFromBackup(request);
    }

    @Override
    public software.amazon.awssdk.services.dynamodb.model.DescribeContributorInsightsResponse
            describeContributorInsights(
                    software.amazon.awssdk.services.dynamodb.model.DescribeContributorInsightsRequest request) {
        return absentFeatures.describeContributorInsights(request);
    }

    @Override
    public software.amazon.awssdk.services.dynamodb.model.ListContributorInsightsResponse listContributorInsights(
            software.amazon.awssdk.services.dynamodb.model.ListContributorInsightsRequest request) {
        return absentFeatures.listContributorInsights(request);
    }

    @Override
    public software.amazon.awssdk.services.dynamodb.model.DescribeKinesisStreamingDestinationResponse
            describeKinesisStreamingDestination(
                    software.amazon.awssdk.services.dynamodb.model.DescribeKinesisStreamingDestinationRequest request) {
        return absentFeatures.describeKinesisStreamingDestination(request);
    }

    @Override
    public software.amazon.awssdk.services.dynamodb.model.ListExportsResponse listExports(
            software.amazon.awssdk.services.dynamodb.model.ListExportsRequest request) {
        return absentFeatures.listExports(request);
    }

    @Override
    public software.amazon.awssdk.services.dynamodb.model.ListImportsResponse listImports(
            software.amazon.awssdk.services.dynamodb.model.ListImportsRequest request) {
        return absentFeatures.listImports(request);
    }

    @Override
    public software.amazon.awssdk.services.dynamodb.model.ListGlobalTablesResponse listGlobalTables(
            software.amazon.awssdk.services.dynamodb.model.ListGlobalTablesRequest request) {
        return absentFeatures.listGlobalTables(request);
    }

    @Override
    public software.amazon.awssdk.services.dynamodb.model.BatchExecuteStatementResponse batchExecuteStatement(
            software.amazon.awssdk.services.dynamodb.model.BatchExecuteStatementRequest request) {
        return partiQl.batchExecuteStatement(request);
    }

    @Override
    public software.amazon.awssdk.services.dynamodb.model.ExecuteStatementResponse executeStatement(
            software.amazon.awssdk.services.dynamodb.model.ExecuteStatementRequest request) {
        return partiQl.executeStatement(request);
    }

    @Override
    public software.amazon.awssdk.services.dynamodb.model.ExecuteTransactionResponse executeTransaction(
            software.amazon.awssdk.services.dynamodb.model.ExecuteTransactionRequest request) {
        return partiQl.executeTransaction(request);
    }

    @Override
    public software.amazon.awssdk.services.dynamodb.model.CreateGlobalTableResponse createGlobalTable(
            software.amazon.awssdk.services.dynamodb.model.CreateGlobalTableRequest request) {
        throw dev.keysmith.engine.surface.Unsupported.operation("CreateGlobalTable");
    }

    @Override
    public software.amazon.awssdk.services.dynamodb.model.UpdateGlobalTableResponse updateGlobalTable(
            software.amazon.awssdk.services.dynamodb.model.UpdateGlobalTableRequest request) {
        throw dev.keysmith.engine.surface.Unsupported.operation("UpdateGlobalTable");
    }

    @Override
    public software.amazon.awssdk.services.dynamodb.model.DescribeGlobalTableResponse describeGlobalTable(
            software.amazon.awssdk.services.dynamodb.model.DescribeGlobalTableRequest request) {
        throw dev.keysmith.engine.surface.Unsupported.operation("DescribeGlobalTable");
    }

    @Override
    public software.amazon.awssdk.services.dynamodb.model.DescribeGlobalTableSettingsResponse
            describeGlobalTableSettings(
                    software.amazon.awssdk.services.dynamodb.model.DescribeGlobalTableSettingsRequest request) {
        throw dev.keysmith.engine.surface.Unsupported.operation("DescribeGlobalTableSettings");
    }

    @Override
    public software.amazon.awssdk.services.dynamodb.model.UpdateGlobalTableSettingsResponse updateGlobalTableSettings(
            software.amazon.awssdk.services.dynamodb.model.UpdateGlobalTableSettingsRequest request) {
        throw dev.keysmith.engine.surface.Unsupported.operation("UpdateGlobalTableSettings");
    }

    @Override
    public software.amazon.awssdk.services.dynamodb.model.DescribeTableReplicaAutoScalingResponse
            describeTableReplicaAutoScaling(
                    software.amazon.awssdk.services.dynamodb.model.DescribeTableReplicaAutoScalingRequest request) {
        throw dev.keysmith.engine.surface.Unsupported.operation("DescribeTableReplicaAutoScaling");
    }

    @Override
    public software.amazon.awssdk.services.dynamodb.model.UpdateTableReplicaAutoScalingResponse
            updateTableReplicaAutoScaling(
                    software.amazon.awssdk.services.dynamodb.model.UpdateTableReplicaAutoScalingRequest request) {
        throw dev.keysmith.engine.surface.Unsupported.operation("UpdateTableReplicaAutoScaling");
    }

    @Override
    public software.amazon.awssdk.services.dynamodb.model.EnableKinesisStreamingDestinationResponse
            enableKinesisStreamingDestination(
                    software.amazon.awssdk.services.dynamodb.model.EnableKinesisStreamingDestinationRequest request) {
        throw dev.keysmith.engine.surface.Unsupported.operation("EnableKinesisStreamingDestination");
    }

    @Override
    public software.amazon.awssdk.services.dynamodb.model.DisableKinesisStreamingDestinationResponse
            disableKinesisStreamingDestination(
                    software.amazon.awssdk.services.dynamodb.model.DisableKinesisStreamingDestinationRequest request) {
        throw dev.keysmith.engine.surface.Unsupported.operation("DisableKinesisStreamingDestination");
    }

    @Override
    public software.amazon.awssdk.services.dynamodb.model.UpdateKinesisStreamingDestinationResponse
            updateKinesisStreamingDestination(
                    software.amazon.awssdk.services.dynamodb.model.UpdateKinesisStreamingDestinationRequest request) {
        throw dev.keysmith.engine.surface.Unsupported.operation("UpdateKinesisStreamingDestination");
    }

    @Override
    public software.amazon.awssdk.services.dynamodb.model.ExportTableToPointInTimeResponse exportTableToPointInTime(
            software.amazon.awssdk.services.dynamodb.model.ExportTableToPointInTimeRequest request) {
        throw dev.keysmith.engine.surface.Unsupported.operation("ExportTableToPointInTime");
    }

    @Override
    public software.amazon.awssdk.services.dynamodb.model.DescribeExportResponse describeExport(
            software.amazon.awssdk.services.dynamodb.model.DescribeExportRequest request) {
        throw dev.keysmith.engine.surface.Unsupported.operation("DescribeExport");
    }

    @Override
    public software.amazon.awssdk.services.dynamodb.model.ImportTableResponse importTable(
            software.amazon.awssdk.services.dynamodb.model.ImportTableRequest request) {
        throw dev.keysmith.engine.surface.Unsupported.operation("ImportTable");
    }

    @Override
    public software.amazon.awssdk.services.dynamodb.model.DescribeImportResponse describeImport(
            software.amazon.awssdk.services.dynamodb.model.DescribeImportRequest request) {
        throw dev.keysmith.engine.surface.Unsupported.operation("DescribeImport");
    }

    @Override
    public software.amazon.awssdk.services.dynamodb.model.PutResourcePolicyResponse putResourcePolicy(
            software.amazon.awssdk.services.dynamodb.model.PutResourcePolicyRequest request) {
        throw dev.keysmith.engine.surface.Unsupported.operation("PutResourcePolicy");
    }

    @Override
    public software.amazon.awssdk.services.dynamodb.model.GetResourcePolicyResponse getResourcePolicy(
            software.amazon.awssdk.services.dynamodb.model.GetResourcePolicyRequest request) {
        throw dev.keysmith.engine.surface.Unsupported.operation("GetResourcePolicy");
    }

    @Override
    public software.amazon.awssdk.services.dynamodb.model.DeleteResourcePolicyResponse deleteResourcePolicy(
            software.amazon.awssdk.services.dynamodb.model.DeleteResourcePolicyRequest request) {
        throw dev.keysmith.engine.surface.Unsupported.operation("DeleteResourcePolicy");
    }

    @Override
    public software.amazon.awssdk.services.dynamodb.model.UpdateContributorInsightsResponse updateContributorInsights(
            software.amazon.awssdk.services.dynamodb.model.UpdateContributorInsightsRequest request) {
        throw dev.keysmith.engine.surface.Unsupported.operation("UpdateContributorInsights");
    }

    @Override
    public software.amazon.awssdk.services.dynamodb.model.RestoreTableToPointInTimeResponse restoreTableToPointInTime(
            software.amazon.awssdk.services.dynamodb.model.RestoreTableToPointInTimeRequest request) {
        throw dev.keysmith.engine.surface.Unsupported.operation("RestoreTableToPointInTime");
    }

    @Override
    public software.amazon.awssdk.services.dynamodb.model.SearchVectorsResponse searchVectors(
            software.amazon.awssdk.services.dynamodb.model.SearchVectorsRequest request) {
        throw dev.keysmith.engine.surface.Unsupported.operation("SearchVectors");
    }
}
