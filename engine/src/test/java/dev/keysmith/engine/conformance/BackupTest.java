package dev.keysmith.engine.conformance;

import static dev.keysmith.engine.conformance.Fixtures.assertError;
import static dev.keysmith.engine.conformance.Fixtures.item;
import static dev.keysmith.engine.conformance.Fixtures.s;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keysmith.engine.EngineConfig;
import dev.keysmith.engine.KeysmithEngine;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BackupDescription;
import software.amazon.awssdk.services.dynamodb.model.BackupStatus;
import software.amazon.awssdk.services.dynamodb.model.BackupSummary;
import software.amazon.awssdk.services.dynamodb.model.BackupType;
import software.amazon.awssdk.services.dynamodb.model.BackupTypeFilter;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

class BackupTest {
    private static final Instant START = Instant.parse("2026-03-01T08:00:00Z");
    private final MutableClock clock = new MutableClock(START);
    private final KeysmithEngine engine =
            KeysmithEngine.open(EngineConfig.inMemory().withClock(clock));

    @AfterEach
    void close() {
        engine.close();
    }

    private static KeySchemaElement key(String name, KeyType type) {
        return KeySchemaElement.builder().attributeName(name).keyType(type).build();
    }

    private static AttributeDefinition attr(String name) {
        return AttributeDefinition.builder()
                .attributeName(name)
                .attributeType(ScalarAttributeType.S)
                .build();
    }

    /** Orders (pk customer, sk order id) with a GSI on status and an LSI on date. */
    private void createOrders() {
        engine.createTable(b -> b.tableName("orders")
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .keySchema(key("pk", KeyType.HASH), key("sk", KeyType.RANGE))
                .attributeDefinitions(attr("pk"), attr("sk"), attr("status"), attr("date"))
                .globalSecondaryIndexes(GlobalSecondaryIndex.builder()
                        .indexName("byStatus")
                        .keySchema(key("status", KeyType.HASH))
                        .projection(p -> p.projectionType(ProjectionType.ALL))
                        .build())
                .localSecondaryIndexes(LocalSecondaryIndex.builder()
                        .indexName("byDate")
                        .keySchema(key("pk", KeyType.HASH), key("date", KeyType.RANGE))
                        .projection(p -> p.projectionType(ProjectionType.KEYS_ONLY))
                        .build()));
        put("c1", "o0", "NEW", "2026-01-01");
        put("c1", "o1", "NEW", "2026-01-01");
        put("c1", "o2", "SHIPPED", "2026-01-02");
        put("c2", "o3", "NEW", "2026-01-03");
    }

    private void put(String pk, String sk, String status, String date) {
        engine.putItem(
                b -> b.tableName("orders").item(item("pk", s(pk), "sk", s(sk), "status", s(status), "date", s(date))));
    }

    private String backup(String name) {
        return engine.createBackup(b -> b.tableName("orders").backupName(name))
                .backupDetails()
                .backupArn();
    }

    @Test
    void createBackupAnswersDynamoDbsArnAndDetails() {
        createOrders();
        var details = engine.createBackup(b -> b.tableName("orders").backupName("nightly"))
                .backupDetails();
        assertTrue(
                details.backupArn()
                        .matches("arn:aws:dynamodb:us-east-1:000000000000:table/orders/backup/"
                                + String.format("%014d", START.toEpochMilli()) + "-[0-9a-f]{8}"),
                details.backupArn());
        assertEquals("nightly", details.backupName());
        assertEquals(BackupStatus.CREATING, details.backupStatus());
        assertEquals(BackupType.USER, details.backupType());
        assertEquals(START, details.backupCreationDateTime());
        long tableSize =
                engine.describeTable(b -> b.tableName("orders")).table().tableSizeBytes();
        assertEquals(tableSize, details.backupSizeBytes());
    }

    @Test
    void describeBackupShowsTheSourceTableAndItsIndexes() {
        createOrders();
        String arn = backup("backup1");
        BackupDescription d = engine.describeBackup(b -> b.backupArn(arn)).backupDescription();
        assertEquals(BackupStatus.AVAILABLE, d.backupDetails().backupStatus());
        TableDescription table =
                engine.describeTable(b -> b.tableName("orders")).table();
        assertEquals("orders", d.sourceTableDetails().tableName());
        assertEquals(table.tableId(), d.sourceTableDetails().tableId());
        assertEquals(table.tableArn(), d.sourceTableDetails().tableArn());
        assertEquals(4L, d.sourceTableDetails().itemCount());
        assertEquals(table.keySchema(), d.sourceTableDetails().keySchema());
        assertEquals(BillingMode.PAY_PER_REQUEST, d.sourceTableDetails().billingMode());
        assertEquals(
                "byStatus",
                d.sourceTableFeatureDetails().globalSecondaryIndexes().get(0).indexName());
        assertEquals(
                "byDate",
                d.sourceTableFeatureDetails().localSecondaryIndexes().get(0).indexName());
    }

    @Test
    void restoreCopiesTheSnapshotIntoANewTableWithWorkingIndexes() {
        createOrders();
        String arn = backup("backup1");
        put("c3", "o4", "NEW", "2026-01-04"); // after the backup: not restored
        engine.deleteItem(b -> b.tableName("orders").key(item("pk", s("c1"), "sk", s("o1")))); // nor this
        TableDescription restored = engine.restoreTableFromBackup(
                        b -> b.backupArn(arn).targetTableName("orders-copy"))
                .tableDescription();
        assertEquals("orders-copy", restored.tableName());
        assertEquals(TableStatus.CREATING, restored.tableStatus());
        assertEquals(arn, restored.restoreSummary().sourceBackupArn());

        TableDescription described =
                engine.describeTable(b -> b.tableName("orders-copy")).table();
        assertEquals(4L, described.itemCount());
        assertEquals(TableStatus.ACTIVE, described.tableStatus());
        assertEquals(BillingMode.PAY_PER_REQUEST, described.billingModeSummary().billingMode());
        assertEquals(
                Map.of("pk", s("c1"), "sk", s("o1"), "status", s("NEW"), "date", s("2026-01-01")),
                engine.getItem(b -> b.tableName("orders-copy").key(item("pk", s("c1"), "sk", s("o1"))))
                        .item());
        var newOrders = engine.query(b -> b.tableName("orders-copy")
                .indexName("byStatus")
                .keyConditionExpression("#s = :s")
                .expressionAttributeNames(Map.of("#s", "status"))
                .expressionAttributeValues(Map.of(":s", s("NEW"))));
        assertEquals(3, newOrders.count());
        var byDate = engine.query(b -> b.tableName("orders-copy")
                .indexName("byDate")
                .keyConditionExpression("pk = :p AND #d >= :d")
                .expressionAttributeNames(Map.of("#d", "date"))
                .expressionAttributeValues(Map.of(":p", s("c1"), ":d", s("2026-01-02"))));
        assertEquals(List.of(Map.of("pk", s("c1"), "sk", s("o2"), "date", s("2026-01-02"))), byDate.items());
        var indexCounts = described.globalSecondaryIndexes().get(0).itemCount();
        assertEquals(4L, indexCounts);
    }

    @Test
    void restoreOverridesBillingModeAndDropsExcludedIndexes() {
        createOrders();
        String arn = backup("backup1");
        engine.restoreTableFromBackup(b -> b.backupArn(arn)
                .targetTableName("provisioned-copy")
                .billingModeOverride(BillingMode.PROVISIONED)
                .provisionedThroughputOverride(t -> t.readCapacityUnits(5L).writeCapacityUnits(3L))
                .globalSecondaryIndexOverride(List.of()));
        TableDescription d =
                engine.describeTable(b -> b.tableName("provisioned-copy")).table();
        assertNull(d.billingModeSummary()); // DynamoDB shows no summary for a table provisioned from the start
        assertEquals(5L, d.provisionedThroughput().readCapacityUnits());
        assertEquals(3L, d.provisionedThroughput().writeCapacityUnits());
        assertTrue(d.globalSecondaryIndexes().isEmpty());
        assertEquals(1, d.localSecondaryIndexes().size());
        assertError(
                "ValidationException",
                "The table does not have the specified index: byStatus",
                () -> engine.query(b -> b.tableName("provisioned-copy")
                        .indexName("byStatus")
                        .keyConditionExpression("#s = :s")
                        .expressionAttributeNames(Map.of("#s", "status"))
                        .expressionAttributeValues(Map.of(":s", s("NEW")))));
    }

    @Test
    void listBackupsFiltersByTableTimeAndTypeAndPages() {
        createOrders();
        Fixtures.createTable(engine, "other", "pk", ScalarAttributeType.S);
        String first = backup("backup1");
        clock.advance(Duration.ofMinutes(1));
        String second = backup("backup2");
        clock.advance(Duration.ofMinutes(1));
        engine.createBackup(b -> b.tableName("other").backupName("other1"));

        assertEquals(3, engine.listBackups(b -> {}).backupSummaries().size());
        List<BackupSummary> orders =
                engine.listBackups(b -> b.tableName("orders")).backupSummaries();
        assertEquals(
                List.of(first, second),
                orders.stream().map(BackupSummary::backupArn).toList());
        assertEquals("orders", orders.get(0).tableName());
        assertEquals(BackupStatus.AVAILABLE, orders.get(0).backupStatus());

        var window = engine.listBackups(b -> b.timeRangeLowerBound(START.plus(Duration.ofMinutes(1)))
                .timeRangeUpperBound(START.plus(Duration.ofMinutes(2))));
        assertEquals(
                List.of(second),
                window.backupSummaries().stream().map(BackupSummary::backupArn).toList());
        assertEquals(
                0,
                engine.listBackups(b -> b.backupType(BackupTypeFilter.SYSTEM))
                        .backupSummaries()
                        .size());

        var page1 = engine.listBackups(b -> b.limit(2));
        assertEquals(2, page1.backupSummaries().size());
        assertEquals(second, page1.lastEvaluatedBackupArn());
        var page2 = engine.listBackups(b -> b.limit(2).exclusiveStartBackupArn(page1.lastEvaluatedBackupArn()));
        assertEquals(1, page2.backupSummaries().size());
        assertNull(page2.lastEvaluatedBackupArn());
    }

    @Test
    void deleteBackupRemovesIt() {
        createOrders();
        String arn = backup("backup1");
        var deleted = engine.deleteBackup(b -> b.backupArn(arn)).backupDescription();
        assertEquals(BackupStatus.DELETED, deleted.backupDetails().backupStatus());
        assertEquals(List.of(), engine.listBackups(b -> {}).backupSummaries());
        assertError(
                "BackupNotFoundException",
                "Backup not found: " + arn,
                () -> engine.describeBackup(b -> b.backupArn(arn)));
    }

    @Test
    void backupsOutliveTheirTable() {
        createOrders();
        String arn = backup("backup1");
        engine.deleteTable(b -> b.tableName("orders"));
        engine.restoreTableFromBackup(b -> b.backupArn(arn).targetTableName("orders"));
        assertEquals(
                4L, engine.describeTable(b -> b.tableName("orders")).table().itemCount());
    }

    @Test
    void errorsUseDynamoDbsExceptionsAndTexts() {
        createOrders();
        String arn = backup("backup1");
        assertError(
                "TableNotFoundException",
                "Table not found: nope",
                () -> engine.createBackup(b -> b.tableName("nope").backupName("bbb")));
        assertError(
                "TableAlreadyExistsException",
                "Table already exists: orders",
                () -> engine.restoreTableFromBackup(b -> b.backupArn(arn).targetTableName("orders")));
        String missing = arn.substring(0, arn.length() - 8) + "00000000";
        assertError(
                "BackupNotFoundException",
                "Backup not found: " + missing,
                () -> engine.restoreTableFromBackup(b -> b.backupArn(missing).targetTableName("x-copy")));
        assertError(
                "BackupNotFoundException",
                "Backup not found: " + missing,
                () -> engine.deleteBackup(b -> b.backupArn(missing)));
        assertError(
                "ValidationException",
                "1 validation error detected: Value 'a' at 'backupName' failed to satisfy constraint: Member must"
                        + " have length greater than or equal to 3",
                () -> engine.createBackup(b -> b.tableName("orders").backupName("a")));
    }

    @Test
    void restoredItemsAreIndependentOfTheSource() {
        createOrders();
        String arn = backup("backup1");
        engine.restoreTableFromBackup(b -> b.backupArn(arn).targetTableName("copy"));
        engine.putItem(b -> b.tableName("copy").item(item("pk", s("z"), "sk", s("z"))));
        Map<String, AttributeValue> key = item("pk", s("z"), "sk", s("z"));
        assertTrue(engine.getItem(b -> b.tableName("orders").key(key)).item().isEmpty());
        assertEquals(5L, engine.describeTable(b -> b.tableName("copy")).table().itemCount());
        assertEquals(
                4L, engine.describeTable(b -> b.tableName("orders")).table().itemCount());
    }
}
