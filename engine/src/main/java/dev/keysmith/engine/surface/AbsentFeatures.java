package dev.keysmith.engine.surface;

import dev.keysmith.engine.error.Errors;
import dev.keysmith.engine.storage.Storage;
import dev.keysmith.engine.table.Catalog;
import dev.keysmith.engine.table.TableDef;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.ContributorInsightsStatus;
import software.amazon.awssdk.services.dynamodb.model.DescribeContributorInsightsRequest;
import software.amazon.awssdk.services.dynamodb.model.DescribeContributorInsightsResponse;
import software.amazon.awssdk.services.dynamodb.model.DescribeKinesisStreamingDestinationRequest;
import software.amazon.awssdk.services.dynamodb.model.DescribeKinesisStreamingDestinationResponse;
import software.amazon.awssdk.services.dynamodb.model.ListContributorInsightsRequest;
import software.amazon.awssdk.services.dynamodb.model.ListContributorInsightsResponse;
import software.amazon.awssdk.services.dynamodb.model.ListExportsRequest;
import software.amazon.awssdk.services.dynamodb.model.ListExportsResponse;
import software.amazon.awssdk.services.dynamodb.model.ListGlobalTablesRequest;
import software.amazon.awssdk.services.dynamodb.model.ListGlobalTablesResponse;
import software.amazon.awssdk.services.dynamodb.model.ListImportsRequest;
import software.amazon.awssdk.services.dynamodb.model.ListImportsResponse;

/**
 * Features the local engine never has switched on, described as DynamoDB describes them for a table or an account
 * without them: contributor insights DISABLED, no Kinesis destinations, no exports, imports or global tables.
 */
public final class AbsentFeatures {
    private final Storage storage;
    private final Catalog catalog;

    public AbsentFeatures(Storage storage, Catalog catalog) {
        this.storage = storage;
        this.catalog = catalog;
    }

    public DescribeContributorInsightsResponse describeContributorInsights(DescribeContributorInsightsRequest r) {
        TableDef table = requireTable(r.tableName());
        if (r.indexName() != null && table.index(r.indexName()) == null) {
            throw Errors.resourceNotFound("Requested resource not found: Index: " + r.indexName() + " not found");
        }
        return DescribeContributorInsightsResponse.builder()
                .tableName(table.name())
                .indexName(r.indexName())
                .contributorInsightsStatus(ContributorInsightsStatus.DISABLED)
                .build();
    }

    /** Only tables with contributor insights enabled are listed, and no table has them here. */
    public ListContributorInsightsResponse listContributorInsights(ListContributorInsightsRequest r) {
        if (r.tableName() != null) {
            requireTable(r.tableName());
        }
        return ListContributorInsightsResponse.builder()
                .contributorInsightsSummaries(java.util.List.of())
                .build();
    }

    public DescribeKinesisStreamingDestinationResponse describeKinesisStreamingDestination(
            DescribeKinesisStreamingDestinationRequest r) {
        TableDef table = requireTable(r.tableName());
        return DescribeKinesisStreamingDestinationResponse.builder()
                .tableName(table.name())
                .kinesisDataStreamDestinations(java.util.List.of())
                .build();
    }

    public ListExportsResponse listExports(ListExportsRequest r) {
        return ListExportsResponse.builder()
                .exportSummaries(java.util.List.of())
                .build();
    }

    public ListImportsResponse listImports(ListImportsRequest r) {
        return ListImportsResponse.builder()
                .importSummaryList(java.util.List.of())
                .build();
    }

    public ListGlobalTablesResponse listGlobalTables(ListGlobalTablesRequest r) {
        return ListGlobalTablesResponse.builder()
                .globalTables(java.util.List.of())
                .build();
    }

    private TableDef requireTable(@Nullable String tableName) {
        if (tableName == null) {
            throw Errors.validation("1 validation error detected: Value null at 'tableName' failed to satisfy"
                    + " constraint: Member must not be null");
        }
        TableDef table = storage.read(tx -> catalog.find(tx, tableName));
        if (table == null) {
            throw Errors.tableNotFound(tableName);
        }
        return table;
    }
}
