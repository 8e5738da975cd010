package dev.keysmith.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.DescribeEndpointsResponse;
import software.amazon.awssdk.services.dynamodb.model.DescribeLimitsResponse;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

class KeysmithEngineTest {

    @Test
    void tablesAndStatisticsSurviveCloseAndReopen(@TempDir Path dir) {
        TableDescription before;
        try (KeysmithEngine engine = KeysmithEngine.open(EngineConfig.onDisk(dir))) {
            engine.createTable(b -> b.tableName("Pets")
                    .attributeDefinitions(a -> a.attributeName("pk").attributeType("S"))
                    .keySchema(k -> k.attributeName("pk").keyType("HASH"))
                    .billingMode("PAY_PER_REQUEST")
                    .deletionProtectionEnabled(true));
            engine.createTable(b -> b.tableName("Gone")
                    .attributeDefinitions(a -> a.attributeName("pk").attributeType("S"))
                    .keySchema(k -> k.attributeName("pk").keyType("HASH"))
                    .billingMode("PAY_PER_REQUEST"));
            engine.deleteTable(b -> b.tableName("Gone"));
            engine.storage().write(tx -> {
                engine.catalog().adjustStats(tx, "Pets", 2, 64);
                return null;
            });
            before = engine.describeTable(b -> b.tableName("Pets")).table();
        }
        try (KeysmithEngine engine = KeysmithEngine.open(EngineConfig.onDisk(dir))) {
            assertEquals(List.of("Pets"), engine.listTables().tableNames());
            TableDescription after =
                    engine.describeTable(b -> b.tableName("Pets")).table();
            assertEquals(before, after);
            assertEquals(2L, after.itemCount());
            assertEquals(64L, after.tableSizeBytes());
        }
    }

    @Test
    void itIsADynamoDbClient() {
        try (DynamoDbClient client = KeysmithEngine.open(EngineConfig.inMemory())) {
            assertEquals("dynamodb", client.serviceName());
            assertEquals(List.of(), client.listTables().tableNames());
        }
    }

    @Test
    void describeLimitsReturnsDynamoDbsDefaultQuotas() {
        try (KeysmithEngine engine = KeysmithEngine.open(EngineConfig.inMemory())) {
            DescribeLimitsResponse limits = engine.describeLimits(b -> {});
            assertEquals(80_000L, limits.accountMaxReadCapacityUnits());
            assertEquals(80_000L, limits.accountMaxWriteCapacityUnits());
            assertEquals(40_000L, limits.tableMaxReadCapacityUnits());
            assertEquals(40_000L, limits.tableMaxWriteCapacityUnits());
        }
    }

    @Test
    void describeEndpointsNamesTheRegionalEndpoint() {
        try (KeysmithEngine engine = KeysmithEngine.open(EngineConfig.inMemory().withRegion("eu-central-1"))) {
            DescribeEndpointsResponse endpoints = engine.describeEndpoints(b -> {});
            assertEquals(
                    "dynamodb.eu-central-1.amazonaws.com",
                    endpoints.endpoints().getFirst().address());
            assertEquals(1440L, endpoints.endpoints().getFirst().cachePeriodInMinutes());
        }
    }

    @Test
    void closingTwiceIsHarmless() {
        KeysmithEngine engine = KeysmithEngine.open(EngineConfig.inMemory());
        assertThrows(
                ResourceNotFoundException.class,
                () -> engine.getItem(b -> b.tableName("Pets")
                        .key(java.util.Map.of(
                                "id", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("x")))));
        engine.close();
        engine.close();
    }
}
