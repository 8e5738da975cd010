package dev.keysmith.engine.trace;

import java.util.Map;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * What the engine did for one request, for the query visualizer: where it read (table or index, the partition and
 * its hash, the sort-key range walked), how much it read versus returned, and the capacity it consumed.
 *
 * @param operation the DynamoDB action, e.g. {@code Query}
 * @param tableName the table
 * @param indexName the index read, or null for the table
 * @param partitionKey the partition key value pinned by the request (GetItem, Query, writes), or null for a scan
 * @param partitionHash the 16-bit hash of the partition key that places it in storage, or -1 for a scan
 * @param sortKeyRange a readable description of the sort-key range walked, e.g. {@code SK BETWEEN "A" AND "B"}
 * @param forward false for a reverse query ({@code ScanIndexForward: false})
 * @param segment the parallel-scan segment and total, e.g. {@code 1/4}, or null
 * @param itemsRead items (or index entries) evaluated, before any filter ({@code ScannedCount})
 * @param itemsReturned items that passed the filter ({@code Count})
 * @param bytesRead sum of the sizes of the items read, which is what reads are metered on
 * @param pageLimitReached true if the 1 MB page limit or {@code Limit} stopped the read
 * @param lastEvaluatedKey where the next page starts, or null
 * @param capacityUnits total capacity consumed
 * @param indexCapacity capacity per index written or read (empty if none)
 * @param nanos wall time spent in the engine
 */
public record ExecutionTrace(
        String operation,
        String tableName,
        @Nullable String indexName,
        @Nullable AttributeValue partitionKey,
        int partitionHash,
        @Nullable String sortKeyRange,
        boolean forward,
        @Nullable String segment,
        int itemsRead,
        int itemsReturned,
        long bytesRead,
        boolean pageLimitReached,
        @Nullable Map<String, AttributeValue> lastEvaluatedKey,
        double capacityUnits,
        Map<String, Double> indexCapacity,
        long nanos) {}
