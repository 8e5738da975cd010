package dev.keysmith.engine.table;

import static dev.keysmith.engine.table.Requests.attr;
import static dev.keysmith.engine.table.Requests.compositeTable;
import static dev.keysmith.engine.table.Requests.error;
import static dev.keysmith.engine.table.Requests.gsi;
import static dev.keysmith.engine.table.Requests.hashTable;
import static dev.keysmith.engine.table.Requests.key;
import static dev.keysmith.engine.table.Requests.projection;
import static dev.keysmith.engine.table.Requests.throughput;
import static dev.keysmith.engine.table.Requests.validation;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keysmith.engine.EngineConfig;
import dev.keysmith.engine.KeysmithEngine;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexUpdate;
import software.amazon.awssdk.services.dynamodb.model.IndexStatus;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TableClass;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

class UpdateTableTest {
    private static final String INVALID = "One or more parameter values were invalid: ";
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-21T10:00:00Z"));
    private final KeysmithEngine engine =
            KeysmithEngine.open(EngineConfig.inMemory().withClock(clock));

    @AfterEach
    void close() {
        engine.close();
    }

    /** A clock the test moves forward. */
    static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void set(Instant instant) {
            now = instant;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private TableDescription describe(String name) {
        return engine.describeTable(b -> b.tableName(name)).table();
    }

    @Test
    void throughputChangesAreRecordedWithIncreaseAndDecreaseTimes() {
        engine.createTable(hashTable("Pets").build());
        clock.set(Instant.parse("2026-11-21T11:00:00Z"));
        TableDescription response = engine.updateTable(
                        b -> b.tableName("Pets").provisionedThroughput(throughput(20L, 15L)))
                .tableDescription();
        assertEquals(TableStatus.UPDATING, response.tableStatus());
        TableDescription t = describe("Pets");
        assertEquals(TableStatus.ACTIVE, t.tableStatus());
        assertEquals(20L, t.provisionedThroughput().readCapacityUnits());
        assertEquals(15L, t.provisionedThroughput().writeCapacityUnits());
        assertEquals(
                Instant.parse("2026-11-21T11:00:00Z"), t.provisionedThroughput().lastIncreaseDateTime());
        assertNull(t.provisionedThroughput().lastDecreaseDateTime());

        clock.set(Instant.parse("2026-11-21T12:00:00Z"));
        engine.updateTable(b -> b.tableName("Pets").provisionedThroughput(throughput(10L, 15L)));
        clock.set(Instant.parse("2026-11-21T13:00:00Z"));
        engine.updateTable(b -> b.tableName("Pets").provisionedThroughput(throughput(5L, 15L)));
        t = describe("Pets");
        assertEquals(
                Instant.parse("2026-11-21T13:00:00Z"), t.provisionedThroughput().lastDecreaseDateTime());
        assertEquals(2L, t.provisionedThroughput().numberOfDecreasesToday());
        clock.set(Instant.parse("2026-11-22T00:00:01Z"));
        assertEquals(0L, describe("Pets").provisionedThroughput().numberOfDecreasesToday(), "a new UTC day");
    }

    @Test
    void unchangedThroughputIsRejectedWithDynamoDbsMessage() {
        engine.createTable(hashTable("Pets").build());
        assertEquals(
                "The provisioned throughput for the table will not change. The requested value equals the current"
                        + " value. Current ReadCapacityUnits provisioned for the table: 5. Requested ReadCapacityUnits:"
                        + " 5. Current WriteCapacityUnits provisioned for the table: 5. Requested WriteCapacityUnits: 5."
                        + " Refer to the Amazon DynamoDB Developer Guide for current limits and how to request higher"
                        + " limits.",
                validation(() -> engine.updateTable(b ->
                        b.tableName("Pets").billingMode("PROVISIONED").provisionedThroughput(throughput(5L, 5L)))));
    }

    @Test
    void switchingToOnDemandAndBack() {
        engine.createTable(hashTable("Pets").build());
        clock.set(Instant.parse("2026-11-21T11:00:00Z"));
        engine.updateTable(b -> b.tableName("Pets").billingMode(BillingMode.PAY_PER_REQUEST));
        TableDescription t = describe("Pets");
        assertEquals(BillingMode.PAY_PER_REQUEST, t.billingModeSummary().billingMode());
        assertEquals(
                Instant.parse("2026-11-21T11:00:00Z"), t.billingModeSummary().lastUpdateToPayPerRequestDateTime());
        assertEquals(0L, t.provisionedThroughput().readCapacityUnits());
        // on-demand to on-demand is accepted (live conformance suite)
        engine.updateTable(b -> b.tableName("Pets").billingMode(BillingMode.PAY_PER_REQUEST));
        assertEquals(
                INVALID + "Neither ReadCapacityUnits nor WriteCapacityUnits can be specified when BillingMode is"
                        + " PAY_PER_REQUEST",
                validation(
                        () -> engine.updateTable(b -> b.tableName("Pets").provisionedThroughput(throughput(1L, 1L)))));
        assertEquals(
                INVALID + "ReadCapacityUnits and WriteCapacityUnits must both be specified when BillingMode is"
                        + " PROVISIONED",
                validation(() -> engine.updateTable(b -> b.tableName("Pets").billingMode(BillingMode.PROVISIONED))));
        engine.updateTable(b ->
                b.tableName("Pets").billingMode(BillingMode.PROVISIONED).provisionedThroughput(throughput(7L, 8L)));
        t = describe("Pets");
        assertEquals(BillingMode.PROVISIONED, t.billingModeSummary().billingMode());
        assertEquals(7L, t.provisionedThroughput().readCapacityUnits());
        assertEquals(8L, t.provisionedThroughput().writeCapacityUnits());
    }

    @Test
    void gsiThroughputIsUpdatedPerIndex() {
        engine.createTable(hashTable("Pets")
                .attributeDefinitions(attr("pk", "S"), attr("g", "S"))
                .globalSecondaryIndexes(gsi("byG", "g", projection("ALL")).toBuilder()
                        .provisionedThroughput(throughput(1L, 1L))
                        .build())
                .build());
        engine.updateTable(b -> b.tableName("Pets")
                .globalSecondaryIndexUpdates(GlobalSecondaryIndexUpdate.builder()
                        .update(u -> u.indexName("byG").provisionedThroughput(throughput(3L, 4L)))
                        .build()));
        var index = describe("Pets").globalSecondaryIndexes().getFirst();
        assertEquals(3L, index.provisionedThroughput().readCapacityUnits());
        assertEquals(4L, index.provisionedThroughput().writeCapacityUnits());
        error(
                "ResourceNotFoundException",
                () -> engine.updateTable(b -> b.tableName("Pets")
                        .globalSecondaryIndexUpdates(GlobalSecondaryIndexUpdate.builder()
                                .update(u -> u.indexName("nope").provisionedThroughput(throughput(3L, 4L)))
                                .build())));
    }

    @Test
    void tableClassAndDeletionProtectionChange() {
        engine.createTable(hashTable("Pets").build());
        TableDescription response = engine.updateTable(b -> b.tableName("Pets").deletionProtectionEnabled(true))
                .tableDescription();
        assertEquals(TableStatus.ACTIVE, response.tableStatus());
        engine.updateTable(b -> b.tableName("Pets").tableClass(TableClass.STANDARD_INFREQUENT_ACCESS));
        TableDescription t = describe("Pets");
        assertTrue(t.deletionProtectionEnabled());
        assertEquals(
                TableClass.STANDARD_INFREQUENT_ACCESS, t.tableClassSummary().tableClass());
    }

    @Test
    void streamsAreEnabledAndDisabled() {
        engine.createTable(hashTable("Pets").build());
        engine.updateTable(b -> b.tableName("Pets")
                .streamSpecification(s -> s.streamEnabled(true).streamViewType(StreamViewType.KEYS_ONLY)));
        TableDescription t = describe("Pets");
        assertEquals(StreamViewType.KEYS_ONLY, t.streamSpecification().streamViewType());
        String label = t.latestStreamLabel();
        assertEquals(
                "Table already has an enabled stream: TableName: Pets",
                validation(() -> engine.updateTable(b -> b.tableName("Pets")
                        .streamSpecification(s -> s.streamEnabled(true).streamViewType(StreamViewType.NEW_IMAGE)))));
        engine.updateTable(b -> b.tableName("Pets").streamSpecification(s -> s.streamEnabled(false)));
        t = describe("Pets");
        assertNull(t.streamSpecification());
        assertEquals(label, t.latestStreamLabel(), "the latest stream stays described after it is disabled");
        assertEquals(
                "Table has no stream to disable: TableName: Pets",
                validation(() ->
                        engine.updateTable(b -> b.tableName("Pets").streamSpecification(s -> s.streamEnabled(false)))));
    }

    @Test
    void gsisAreCreatedAsCreatingAndDeleted() {
        engine.createTable(compositeTable("Orders").build());
        // The backfill runs in the background and an empty table's is over at once: the response tells the status.
        TableDescription created = engine.updateTable(b -> b.tableName("Orders")
                        .attributeDefinitions(attr("g", "N"))
                        .globalSecondaryIndexUpdates(GlobalSecondaryIndexUpdate.builder()
                                .create(c -> c.indexName("byG")
                                        .keySchema(key("g", "HASH"))
                                        .projection(projection("KEYS_ONLY")))
                                .build()))
                .tableDescription();
        assertEquals(
                IndexStatus.CREATING,
                created.globalSecondaryIndexes().getFirst().indexStatus());
        assertTrue(created.globalSecondaryIndexes().getFirst().backfilling());
        TableDef def = engine.storage().read(tx -> engine.catalog().find(tx, "Orders"));
        IndexDef index = def.index("byG");
        assertEquals(
                new KeyDef("g", software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType.N), index.hash());
        assertEquals(
                List.of(attr("g", "N"), attr("pk", "S"), attr("sk", "N")),
                describe("Orders").attributeDefinitions());
        engine.storage().write(tx -> {
            engine.catalog().setIndexStatus(tx, "Orders", "byG", IndexStatus.ACTIVE);
            return null;
        });
        assertEquals(
                "ACTIVE", describe("Orders").globalSecondaryIndexes().getFirst().indexStatusAsString());

        engine.updateTable(b -> b.tableName("Orders")
                .globalSecondaryIndexUpdates(GlobalSecondaryIndexUpdate.builder()
                        .delete(d -> d.indexName("byG"))
                        .build()));
        TableDescription t = describe("Orders");
        assertTrue(t.globalSecondaryIndexes().isEmpty());
        assertEquals(List.of(attr("pk", "S"), attr("sk", "N")), t.attributeDefinitions(), "unused definitions go");
        assertFalse(engine.storage().<Boolean>read(tx -> tx.storeExists(index.storeName())));
    }

    @Test
    void gsiUpdateRules() {
        engine.createTable(compositeTable("Orders").build());
        assertEquals(
                INVALID + "AttributeDefinitions is not specified for index: byG",
                validation(() -> engine.updateTable(b -> b.tableName("Orders")
                        .globalSecondaryIndexUpdates(GlobalSecondaryIndexUpdate.builder()
                                .create(c -> c.indexName("byG")
                                        .keySchema(key("g", "HASH"))
                                        .projection(projection("ALL")))
                                .build()))));
        assertEquals(
                INVALID + "One of GlobalSecondaryIndexUpdate.Update, GlobalSecondaryIndexUpdate.Create,"
                        + " GlobalSecondaryIndexUpdate.Delete must not be null",
                validation(() -> engine.updateTable(b -> b.tableName("Orders")
                        .globalSecondaryIndexUpdates(
                                GlobalSecondaryIndexUpdate.builder().build()))));
        assertEquals(
                INVALID + "Only one global secondary index update per index is allowed simultaneously. Index: byG",
                validation(() -> engine.updateTable(b -> b.tableName("Orders")
                        .globalSecondaryIndexUpdates(
                                GlobalSecondaryIndexUpdate.builder()
                                        .delete(d -> d.indexName("byG"))
                                        .build(),
                                GlobalSecondaryIndexUpdate.builder()
                                        .delete(d -> d.indexName("byG"))
                                        .build()))));
    }

    @Test
    void attributeDefinitionsOfANewIndexAreValidated() {
        engine.createTable(compositeTable("Orders").build());
        assertEquals(
                "1 validation error detected: Value 'X' at 'attributeDefinitions.1.member.attributeType' failed to"
                        + " satisfy constraint: Member must satisfy enum value set: [B, N, S]",
                validation(() -> engine.updateTable(b -> b.tableName("Orders")
                        .attributeDefinitions(attr("g", "X"))
                        .globalSecondaryIndexUpdates(GlobalSecondaryIndexUpdate.builder()
                                .create(c -> c.indexName("byG")
                                        .keySchema(key("g", "HASH"))
                                        .projection(projection("ALL")))
                                .build()))));
        assertEquals(
                INVALID + "Some index key attributes are not defined in AttributeDefinitions. Keys: [h],"
                        + " AttributeDefinitions: [g]",
                validation(() -> engine.updateTable(b -> b.tableName("Orders")
                        .attributeDefinitions(attr("g", "S"))
                        .globalSecondaryIndexUpdates(GlobalSecondaryIndexUpdate.builder()
                                .create(c -> c.indexName("byG")
                                        .keySchema(key("h", "HASH"))
                                        .projection(projection("ALL")))
                                .build()))));
        assertTrue(describe("Orders").globalSecondaryIndexes().isEmpty());
    }

    @Test
    void anUpdateWithNothingToDoIsRejected() {
        engine.createTable(hashTable("Pets").build());
        assertEquals(
                "At least one of ProvisionedThroughput, BillingMode, UpdateStreamEnabled, GlobalSecondaryIndexUpdates,"
                        + " SSESpecification, ReplicaUpdates, MultiAccountReplicaReady, ReplicaTransitRoleArn,"
                        + " MultiRegionConsistency, DeletionProtectionEnabled, OnDemandThroughput, WarmThroughput or"
                        + " TableClass is required",
                validation(() -> engine.updateTable(b -> b.tableName("Pets"))));
    }

    @Test
    void updatingAMissingTableNamesIt() {
        assertEquals(
                "Requested resource not found: Table: Nope not found",
                error(
                        "ResourceNotFoundException",
                        () -> engine.updateTable(b -> b.tableName("Nope").provisionedThroughput(throughput(1L, 1L)))));
    }

    @Test
    void zeroCapacityIsAShapeError() {
        engine.createTable(hashTable("Pets").build());
        assertEquals(
                "1 validation error detected: Value '0' at 'provisionedThroughput.readCapacityUnits' failed to satisfy"
                        + " constraint: Member must have value greater than or equal to 1",
                validation(
                        () -> engine.updateTable(b -> b.tableName("Pets").provisionedThroughput(throughput(0L, 5L)))));
    }
}
