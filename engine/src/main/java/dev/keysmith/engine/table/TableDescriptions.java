package dev.keysmith.engine.table;

import dev.keysmith.engine.EngineConfig;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.BillingModeSummary;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.IndexStatus;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputDescription;
import software.amazon.awssdk.services.dynamodb.model.StreamSpecification;
import software.amazon.awssdk.services.dynamodb.model.TableClassSummary;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

/** Builds DynamoDB's {@code TableDescription} from a {@link TableDef} and its statistics. */
final class TableDescriptions {
    private TableDescriptions() {}

    static String tableArn(EngineConfig config, String tableName) {
        return "arn:aws:dynamodb:" + config.region() + ":" + config.accountId() + ":table/" + tableName;
    }

    /**
     * The description as DescribeTable shows it.
     *
     * @param indexStats the statistics of each index, by index name
     * @param status the table status to show (ACTIVE, or CREATING/UPDATING/DELETING in the responses of those actions)
     * @param indexStatus the status to show for GSIs, or null for their stored status
     */
    static TableDescription describe(
            TableDef t,
            TableStats stats,
            Function<String, TableStats> indexStats,
            Instant now,
            TableStatus status,
            @Nullable IndexStatus indexStatus) {
        TableDescription.Builder b = TableDescription.builder()
                .attributeDefinitions(t.attributeDefinitions())
                .tableName(t.name())
                .keySchema(keySchema(t.hash(), t.range()))
                .tableStatus(status)
                .creationDateTime(t.created())
                .provisionedThroughput(throughput(t.readCapacity(), t.writeCapacity(), t.capacityHistory(), now))
                .tableSizeBytes(stats.sizeBytes())
                .itemCount(stats.itemCount())
                .tableArn(t.arn())
                .tableId(t.tableId())
                .tableClassSummary(
                        TableClassSummary.builder().tableClass(t.tableClass()).build())
                .deletionProtectionEnabled(t.deletionProtection());
        Instant payPerRequestSince = t.capacityHistory().lastUpdateToPayPerRequest();
        if (t.billingMode() == BillingMode.PAY_PER_REQUEST || payPerRequestSince != null) {
            b.billingModeSummary(BillingModeSummary.builder()
                    .billingMode(t.billingMode())
                    .lastUpdateToPayPerRequestDateTime(payPerRequestSince)
                    .build());
        }
        List<LocalSecondaryIndexDescription> lsis = new ArrayList<>();
        List<GlobalSecondaryIndexDescription> gsis = new ArrayList<>();
        for (IndexDef index : t.indexes()) {
            TableStats s = indexStats.apply(index.name());
            String arn = t.arn() + "/index/" + index.name();
            if (index.global()) {
                gsis.add(GlobalSecondaryIndexDescription.builder()
                        .indexName(index.name())
                        .keySchema(keySchema(index.hash(), index.range()))
                        .projection(projection(index))
                        .indexStatus(indexStatus == null ? index.status() : indexStatus)
                        .provisionedThroughput(ProvisionedThroughputDescription.builder()
                                .numberOfDecreasesToday(0L)
                                .readCapacityUnits(index.readCapacity())
                                .writeCapacityUnits(index.writeCapacity())
                                .build())
                        .indexSizeBytes(s.sizeBytes())
                        .itemCount(s.itemCount())
                        .indexArn(arn)
                        .build());
            } else {
                lsis.add(LocalSecondaryIndexDescription.builder()
                        .indexName(index.name())
                        .keySchema(keySchema(index.hash(), index.range()))
                        .projection(projection(index))
                        .indexSizeBytes(s.sizeBytes())
                        .itemCount(s.itemCount())
                        .indexArn(arn)
                        .build());
            }
        }
        if (!lsis.isEmpty()) {
            b.localSecondaryIndexes(lsis);
        }
        if (!gsis.isEmpty()) {
            b.globalSecondaryIndexes(gsis);
        }
        if (t.streamViewType() != null) {
            b.streamSpecification(StreamSpecification.builder()
                    .streamEnabled(true)
                    .streamViewType(t.streamViewType())
                    .build());
        }
        if (t.latestStreamLabel() != null) {
            b.latestStreamLabel(t.latestStreamLabel()).latestStreamArn(t.arn() + "/stream/" + t.latestStreamLabel());
        }
        return b.build();
    }

    private static List<KeySchemaElement> keySchema(KeyDef hash, @Nullable KeyDef range) {
        List<KeySchemaElement> keys = new ArrayList<>(2);
        keys.add(KeySchemaElement.builder()
                .attributeName(hash.name())
                .keyType(KeyType.HASH)
                .build());
        if (range != null) {
            keys.add(KeySchemaElement.builder()
                    .attributeName(range.name())
                    .keyType(KeyType.RANGE)
                    .build());
        }
        return keys;
    }

    private static Projection projection(IndexDef index) {
        Projection.Builder p = Projection.builder().projectionType(index.projectionType());
        if (index.projectionType() == ProjectionType.INCLUDE) {
            p.nonKeyAttributes(index.nonKeyAttributes());
        }
        return p.build();
    }

    private static ProvisionedThroughputDescription throughput(
            long read, long write, CapacityHistory history, Instant now) {
        return ProvisionedThroughputDescription.builder()
                .lastIncreaseDateTime(history.lastIncrease())
                .lastDecreaseDateTime(history.lastDecrease())
                .numberOfDecreasesToday(history.decreasesToday(now))
                .readCapacityUnits(read)
                .writeCapacityUnits(write)
                .build();
    }
}
