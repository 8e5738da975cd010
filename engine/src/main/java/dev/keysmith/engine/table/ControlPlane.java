package dev.keysmith.engine.table;

import dev.keysmith.engine.EngineConfig;
import dev.keysmith.engine.storage.Storage;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.CreateTableResponse;
import software.amazon.awssdk.services.dynamodb.model.DeleteTableRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteTableResponse;
import software.amazon.awssdk.services.dynamodb.model.DescribeContinuousBackupsRequest;
import software.amazon.awssdk.services.dynamodb.model.DescribeContinuousBackupsResponse;
import software.amazon.awssdk.services.dynamodb.model.DescribeEndpointsRequest;
import software.amazon.awssdk.services.dynamodb.model.DescribeEndpointsResponse;
import software.amazon.awssdk.services.dynamodb.model.DescribeLimitsRequest;
import software.amazon.awssdk.services.dynamodb.model.DescribeLimitsResponse;
import software.amazon.awssdk.services.dynamodb.model.DescribeTableRequest;
import software.amazon.awssdk.services.dynamodb.model.DescribeTableResponse;
import software.amazon.awssdk.services.dynamodb.model.ListTablesRequest;
import software.amazon.awssdk.services.dynamodb.model.ListTablesResponse;
import software.amazon.awssdk.services.dynamodb.model.ListTagsOfResourceRequest;
import software.amazon.awssdk.services.dynamodb.model.ListTagsOfResourceResponse;
import software.amazon.awssdk.services.dynamodb.model.TagResourceRequest;
import software.amazon.awssdk.services.dynamodb.model.TagResourceResponse;
import software.amazon.awssdk.services.dynamodb.model.UntagResourceRequest;
import software.amazon.awssdk.services.dynamodb.model.UntagResourceResponse;
import software.amazon.awssdk.services.dynamodb.model.UpdateContinuousBackupsRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateContinuousBackupsResponse;
import software.amazon.awssdk.services.dynamodb.model.UpdateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateTableResponse;

/** The control-plane actions, one class each, behind one entry point for {@code KeysmithEngine}. */
public final class ControlPlane {
    private final Storage storage;
    private final Catalog catalog;
    private final EngineConfig config;
    private final CreateTable createTable;
    private final DescribeTable describeTable;
    private final ListTables listTables;
    private final UpdateTable updateTable;
    private final DeleteTable deleteTable;

    public ControlPlane(Storage storage, Catalog catalog, EngineConfig config) {
        this.storage = storage;
        this.catalog = catalog;
        this.config = config;
        this.createTable = new CreateTable(storage, catalog, config);
        this.describeTable = new DescribeTable(storage, catalog, config);
        this.listTables = new ListTables(storage, catalog);
        this.updateTable = new UpdateTable(storage, catalog, config, describeTable);
        this.deleteTable = new DeleteTable(storage, catalog, describeTable);
    }

    public CreateTableResponse createTable(CreateTableRequest request) {
        return createTable.execute(request);
    }

    public DescribeTableResponse describeTable(DescribeTableRequest request) {
        return describeTable.execute(request);
    }

    public ListTablesResponse listTables(ListTablesRequest request) {
        return listTables.execute(request);
    }

    public UpdateTableResponse updateTable(UpdateTableRequest request) {
        return updateTable.execute(request);
    }

    public DeleteTableResponse deleteTable(DeleteTableRequest request) {
        return deleteTable.execute(request);
    }

    public DescribeLimitsResponse describeLimits(DescribeLimitsRequest request) {
        return DescribeLimits.execute();
    }

    public DescribeEndpointsResponse describeEndpoints(DescribeEndpointsRequest request) {
        return DescribeEndpoints.execute(config);
    }

    // --- tags and continuous backups (engine-extras) ---

    public TagResourceResponse tagResource(TagResourceRequest request) {
        return TagResource.execute(storage, catalog, config, request);
    }

    public UntagResourceResponse untagResource(UntagResourceRequest request) {
        return UntagResource.execute(storage, catalog, config, request);
    }

    public ListTagsOfResourceResponse listTagsOfResource(ListTagsOfResourceRequest request) {
        return ListTagsOfResource.execute(storage, catalog, config, request);
    }

    public UpdateContinuousBackupsResponse updateContinuousBackups(UpdateContinuousBackupsRequest request) {
        return UpdateContinuousBackups.execute(storage, catalog, config, request);
    }

    public DescribeContinuousBackupsResponse describeContinuousBackups(DescribeContinuousBackupsRequest request) {
        return DescribeContinuousBackups.execute(storage, catalog, config, request);
    }
}
