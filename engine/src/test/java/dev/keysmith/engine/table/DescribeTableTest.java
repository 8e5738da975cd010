package dev.keysmith.engine.table;

import static dev.keysmith.engine.table.Requests.attr;
import static dev.keysmith.engine.table.Requests.compositeTable;
import static dev.keysmith.engine.table.Requests.error;
import static dev.keysmith.engine.table.Requests.gsi;
import static dev.keysmith.engine.table.Requests.hashTable;
import static dev.keysmith.engine.table.Requests.lsi;
import static dev.keysmith.engine.table.Requests.projection;
import static dev.keysmith.engine.table.Requests.validation;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keysmith.engine.EngineConfig;
import dev.keysmith.engine.KeysmithEngine;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TableClass;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

class DescribeTableTest {
    private static final Instant NOW = Instant.parse("2026-11-21T12:30:45.123Z");
    private final KeysmithEngine engine = KeysmithEngine.open(
            EngineConfig.inMemory().withClock(Clock.fixed(NOW, ZoneOffset.UTC)).withRegion("eu-west-1"));

    @AfterEach
    void close() {
        engine.close();
    }

    private TableDescription describe(String name) {
        return engine.describeTable(b -> b.tableName(name)).table();
    }

    @Test
    void aProvisionedTableIsDescribedAsDynamoDbDoes() {
        engine.createTable(hashTable("Pets").build());
        TableDescription t = describe("Pets");
        assertEquals("Pets", t.tableName());
        assertEquals(TableStatus.ACTIVE, t.tableStatus());
        assertEquals("arn:aws:dynamodb:eu-west-1:000000000000:table/Pets", t.tableArn());
        assertEquals(t.tableId(), UUID.fromString(t.tableId()).toString());
        assertEquals(NOW, t.creationDateTime());
        assertEquals(0L, t.itemCount());
        assertEquals(0L, t.tableSizeBytes());
        assertEquals(5L, t.provisionedThroughput().readCapacityUnits());
        assertEquals(5L, t.provisionedThroughput().writeCapacityUnits());
        assertEquals(0L, t.provisionedThroughput().numberOfDecreasesToday());
        assertNull(t.billingModeSummary(), "a table created provisioned has no billing mode summary");
        assertEquals(TableClass.STANDARD, t.tableClassSummary().tableClass());
        assertEquals(false, t.deletionProtectionEnabled());
        assertEquals("pk", t.keySchema().getFirst().attributeName());
        assertEquals(KeyType.HASH, t.keySchema().getFirst().keyType());
        assertEquals(List.of(attr("pk", "S")), t.attributeDefinitions());
        assertTrue(t.localSecondaryIndexes().isEmpty());
        assertTrue(t.globalSecondaryIndexes().isEmpty());
        assertNull(t.streamSpecification());
    }

    @Test
    void anOnDemandTableShowsItsBillingModeAndZeroThroughput() {
        engine.createTable(compositeTable("Orders").build());
        TableDescription t = describe("Orders");
        assertEquals(BillingMode.PAY_PER_REQUEST, t.billingModeSummary().billingMode());
        assertEquals(NOW, t.billingModeSummary().lastUpdateToPayPerRequestDateTime());
        assertEquals(0L, t.provisionedThroughput().readCapacityUnits());
        assertEquals(0L, t.provisionedThroughput().writeCapacityUnits());
        assertEquals(KeyType.RANGE, t.keySchema().get(1).keyType());
    }

    @Test
    void indexesAreDescribedWithArnsStatusProjectionAndStatistics() {
        engine.createTable(compositeTable("Orders")
                .attributeDefinitions(attr("sk", "N"), attr("pk", "S"), attr("status", "S"), attr("g", "S"))
                .localSecondaryIndexes(lsi("byStatus", "status", projection("INCLUDE", "total", "customer")))
                .globalSecondaryIndexes(gsi("byG", "g", projection("ALL")))
                .build());
        engine.storage().write(tx -> {
            engine.catalog().adjustStats(tx, "Orders", 3, 300);
            engine.catalog().adjustIndexStats(tx, "Orders", "byG", 2, 120);
            return null;
        });
        TableDescription t = describe("Orders");
        assertEquals(
                List.of(attr("g", "S"), attr("pk", "S"), attr("sk", "N"), attr("status", "S")),
                t.attributeDefinitions(),
                "attribute definitions come back sorted by name");
        assertEquals(3L, t.itemCount());
        assertEquals(300L, t.tableSizeBytes());
        LocalSecondaryIndexDescription l = t.localSecondaryIndexes().getFirst();
        assertEquals("arn:aws:dynamodb:eu-west-1:000000000000:table/Orders/index/byStatus", l.indexArn());
        assertEquals(ProjectionType.INCLUDE, l.projection().projectionType());
        assertEquals(List.of("customer", "total"), l.projection().nonKeyAttributes());
        assertEquals("status", l.keySchema().get(1).attributeName());
        assertEquals(0L, l.itemCount());
        GlobalSecondaryIndexDescription g = t.globalSecondaryIndexes().getFirst();
        assertEquals("ACTIVE", g.indexStatusAsString());
        assertEquals(2L, g.itemCount());
        assertEquals(120L, g.indexSizeBytes());
        assertEquals(0L, g.provisionedThroughput().readCapacityUnits(), "on-demand GSIs show 0/0");
        assertTrue(g.projection().nonKeyAttributes().isEmpty());
    }

    @Test
    void aStreamShowsItsSpecificationLabelAndArn() {
        engine.createTable(hashTable("Pets")
                .streamSpecification(s -> s.streamEnabled(true).streamViewType(StreamViewType.NEW_AND_OLD_IMAGES))
                .build());
        TableDescription t = describe("Pets");
        assertEquals(true, t.streamSpecification().streamEnabled());
        assertEquals(StreamViewType.NEW_AND_OLD_IMAGES, t.streamSpecification().streamViewType());
        assertEquals("2026-11-21T12:30:45.123", t.latestStreamLabel());
        assertEquals(
                "arn:aws:dynamodb:eu-west-1:000000000000:table/Pets/stream/2026-11-21T12:30:45.123",
                t.latestStreamArn());
    }

    @Test
    void aMissingTableIsReportedWithItsName() {
        assertEquals(
                "Requested resource not found: Table: Nope not found",
                error("ResourceNotFoundException", () -> describe("Nope")));
    }

    @Test
    void badTableNamesAreRejectedBeforeLookup() {
        assertEquals(
                "1 validation error detected: Value null at 'tableName' failed to satisfy constraint: Member must not"
                        + " be null",
                validation(() -> engine.describeTable(b -> {})));
        assertEquals(
                "1 validation error detected: Value '' at 'tableName' failed to satisfy constraint: Member must have"
                        + " length greater than or equal to 1",
                validation(() -> describe("")));
        assertEquals(
                "1 validation error detected: Value 'a b' at 'tableName' failed to satisfy constraint: Member must"
                        + " satisfy regular expression pattern: [a-zA-Z0-9_.-]+",
                validation(() -> describe("a b")));
    }
}
