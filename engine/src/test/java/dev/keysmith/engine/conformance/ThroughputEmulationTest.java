package dev.keysmith.engine.conformance;

import static dev.keysmith.engine.conformance.Fixtures.assertError;
import static dev.keysmith.engine.conformance.Fixtures.item;
import static dev.keysmith.engine.conformance.Fixtures.s;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
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
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Throughput emulation: provisioned capacity with DynamoDB's 300 seconds of burst. Items here are about 10 KB, so each
 * put costs 10 WCU: a 1-WCU table holds 300 units of burst, that is 30 puts.
 */
class ThroughputEmulationTest {
    private static final String TABLE_MESSAGE = "The level of configured provisioned throughput for the table was"
            + " exceeded. Consider increasing your provisioning level with the UpdateTable API.";
    private static final String INDEX_MESSAGE = "The level of configured provisioned throughput for one or more global"
            + " secondary indexes of the table was exceeded. Consider increasing your provisioning level for the"
            + " under-provisioned global secondary indexes with the UpdateTable API.";
    private static final AttributeValue TEN_KB = s("x".repeat(10_000));

    private final MutableClock clock = new MutableClock(Instant.parse("2026-05-01T00:00:00Z"));
    private KeysmithEngine engine =
            KeysmithEngine.open(EngineConfig.inMemory().withClock(clock).withThroughputEmulation(true));

    @AfterEach
    void close() {
        engine.close();
    }

    private void createProvisioned(String name, long read, long write, long gsiWrite) {
        engine.createTable(b -> {
            b.tableName(name)
                    .billingMode(BillingMode.PROVISIONED)
                    .provisionedThroughput(t -> t.readCapacityUnits(read).writeCapacityUnits(write))
                    .keySchema(KeySchemaElement.builder()
                            .attributeName("pk")
                            .keyType(KeyType.HASH)
                            .build())
                    .attributeDefinitions(attribute("pk"));
            if (gsiWrite > 0) {
                b.attributeDefinitions(attribute("pk"), attribute("g"));
                b.globalSecondaryIndexes(GlobalSecondaryIndex.builder()
                        .indexName("byG")
                        .keySchema(KeySchemaElement.builder()
                                .attributeName("g")
                                .keyType(KeyType.HASH)
                                .build())
                        .projection(p -> p.projectionType(ProjectionType.ALL))
                        .provisionedThroughput(t -> t.readCapacityUnits(read).writeCapacityUnits(gsiWrite))
                        .build());
            }
        });
    }

    private static AttributeDefinition attribute(String name) {
        return AttributeDefinition.builder()
                .attributeName(name)
                .attributeType(ScalarAttributeType.S)
                .build();
    }

    private void putBig(String table, String pk) {
        engine.putItem(b -> b.tableName(table).item(item("pk", s(pk), "g", s("G"), "data", TEN_KB)));
    }

    private void exhaustWrites(String table) {
        for (int i = 0; i < 30; i++) {
            putBig(table, "k" + i);
        }
    }

    @Test
    void theBurstOf300SecondsIsSpentThenWritesAreRejected() {
        createProvisioned("slow", 1, 1, 0);
        exhaustWrites("slow");
        ProvisionedThroughputExceededException e =
                assertThrows(ProvisionedThroughputExceededException.class, () -> putBig("slow", "one-more"));
        assertEquals(TABLE_MESSAGE, e.awsErrorDetails().errorMessage());
        assertEquals(
                "ProvisionedThroughputExceededException", e.awsErrorDetails().errorCode());
        assertTrue(engine.getItem(b -> b.tableName("slow").key(item("pk", s("one-more"))))
                .item()
                .isEmpty());
    }

    @Test
    void tokensRefillAtTheProvisionedRateAndOneRequestMayOverdraw() {
        createProvisioned("slow", 1, 1, 0);
        exhaustWrites("slow");
        clock.advance(Duration.ofSeconds(1)); // one unit: enough to admit a 10-unit put, which overdraws to -9
        putBig("slow", "after-1s");
        assertThrows(ProvisionedThroughputExceededException.class, () -> putBig("slow", "x"));
        clock.advance(Duration.ofSeconds(9)); // back to 0: still empty
        assertThrows(ProvisionedThroughputExceededException.class, () -> putBig("slow", "x"));
        clock.advance(Duration.ofSeconds(1));
        putBig("slow", "after-11s");
    }

    @Test
    void unusedCapacityAccumulatesOnlyUpTo300Seconds() {
        createProvisioned("slow", 1, 1, 0);
        exhaustWrites("slow");
        clock.advance(Duration.ofHours(2)); // refills to 300 units, not 7200
        exhaustWrites("slow");
        assertThrows(ProvisionedThroughputExceededException.class, () -> putBig("slow", "x"));
    }

    @Test
    void aThrottledGlobalSecondaryIndexRejectsBaseTableWrites() {
        createProvisioned("indexed", 100, 1000, 1);
        exhaustWrites("indexed"); // the table has plenty left; the 1-WCU GSI has spent its burst
        assertError("ProvisionedThroughputExceededException", INDEX_MESSAGE, () -> putBig("indexed", "more"));
    }

    @Test
    void readsSpendReadCapacity() {
        createProvisioned("reads", 1, 1000, 0);
        for (int i = 0; i < 8; i++) {
            putBig("reads", "k" + i);
        }
        // each strongly consistent read of a 10 KB item costs 3 RCU: 100 reads spend the 300-unit burst
        for (int i = 0; i < 100; i++) {
            engine.getItem(b -> b.tableName("reads").key(item("pk", s("k1"))).consistentRead(true));
        }
        assertError(
                "ProvisionedThroughputExceededException",
                TABLE_MESSAGE,
                () -> engine.getItem(b -> b.tableName("reads").key(item("pk", s("k1")))));
        putBig("reads", "writes-are-separate");
    }

    @Test
    void aQueryOnAGlobalSecondaryIndexSpendsTheIndexsReadCapacity() {
        createProvisioned("indexed", 1, 1000, 1000);
        for (int i = 0; i < 8; i++) {
            putBig("indexed", "k" + i);
        }
        // eventually consistent: 8 items of 10 KB are 20 units of 4 KB, half price: 10 RCU per query
        for (int i = 0; i < 30; i++) {
            queryIndex();
        }
        assertError("ProvisionedThroughputExceededException", INDEX_MESSAGE, this::queryIndex);
        // the table's own read capacity is untouched
        assertFalse(engine.getItem(b -> b.tableName("indexed").key(item("pk", s("k1"))))
                .item()
                .isEmpty());
    }

    private void queryIndex() {
        engine.query(b -> b.tableName("indexed")
                .indexName("byG")
                .keyConditionExpression("g = :g")
                .expressionAttributeValues(Map.of(":g", s("G"))));
    }

    @Test
    void batchWriteReturnsThrottledTablesItemsAsUnprocessed() {
        createProvisioned("slow", 1, 1, 0);
        Fixtures.createTable(engine, "fast", "pk", ScalarAttributeType.S);
        exhaustWrites("slow");
        WriteRequest slowPut = WriteRequest.builder()
                .putRequest(PutRequest.builder()
                        .item(item("pk", s("s1"), "data", TEN_KB))
                        .build())
                .build();
        WriteRequest fastPut = WriteRequest.builder()
                .putRequest(PutRequest.builder().item(item("pk", s("f1"))).build())
                .build();
        var response =
                engine.batchWriteItem(b -> b.requestItems(Map.of("slow", List.of(slowPut), "fast", List.of(fastPut))));
        assertEquals(Map.of("slow", List.of(slowPut)), response.unprocessedItems());
        assertEquals(
                Map.of("pk", s("f1")),
                engine.getItem(b -> b.tableName("fast").key(item("pk", s("f1"))))
                        .item());
        assertError(
                "ProvisionedThroughputExceededException",
                TABLE_MESSAGE,
                () -> engine.batchWriteItem(b -> b.requestItems(Map.of("slow", List.of(slowPut)))));
    }

    @Test
    void batchGetReturnsThrottledTablesKeysAsUnprocessed() {
        createProvisioned("slow", 1, 1000, 0);
        Fixtures.createTable(engine, "fast", "pk", ScalarAttributeType.S);
        putBig("slow", "k");
        engine.putItem(b -> b.tableName("fast").item(item("pk", s("f"))));
        for (int i = 0; i < 100; i++) {
            engine.getItem(b -> b.tableName("slow").key(item("pk", s("k"))).consistentRead(true));
        }
        KeysAndAttributes slowKeys =
                KeysAndAttributes.builder().keys(item("pk", s("k"))).build();
        KeysAndAttributes fastKeys =
                KeysAndAttributes.builder().keys(item("pk", s("f"))).build();
        var response = engine.batchGetItem(b -> b.requestItems(Map.of("slow", slowKeys, "fast", fastKeys)));
        assertEquals(Map.of("slow", slowKeys), response.unprocessedKeys());
        assertEquals(List.of(item("pk", s("f"))), response.responses().get("fast"));
        // when every table of the batch is throttled, DynamoDB answers the exception instead
        assertError(
                "ProvisionedThroughputExceededException",
                TABLE_MESSAGE,
                () -> engine.batchGetItem(b -> b.requestItems(Map.of("slow", slowKeys))));
    }

    @Test
    void aThrottledTableCancelsATransaction() {
        createProvisioned("slow", 1, 1, 0);
        exhaustWrites("slow");
        TransactionCanceledException e = assertThrows(
                TransactionCanceledException.class,
                () -> engine.transactWriteItems(b -> b.transactItems(TransactWriteItem.builder()
                        .put(p -> p.tableName("slow").item(item("pk", s("t"))))
                        .build())));
        assertEquals(
                "ProvisionedThroughputExceeded", e.cancellationReasons().get(0).code());
        assertEquals(TABLE_MESSAGE, e.cancellationReasons().get(0).message());
    }

    @Test
    void onDemandTablesAreNeverThrottled() {
        Fixtures.createTable(engine, "ondemand", "pk", ScalarAttributeType.S);
        for (int i = 0; i < 40; i++) {
            putBig("ondemand", "k" + i);
        }
        assertEquals(
                40L, engine.describeTable(b -> b.tableName("ondemand")).table().itemCount());
    }

    @Test
    void emulationIsOffByDefault() {
        engine.close();
        engine = KeysmithEngine.open(EngineConfig.inMemory().withClock(clock));
        createProvisioned("slow", 1, 1, 0);
        for (int i = 0; i < 40; i++) {
            putBig("slow", "k" + i);
        }
        assertEquals(40L, engine.describeTable(b -> b.tableName("slow")).table().itemCount());
    }

    @Test
    void consumedCapacityIsReportedOnlyAsTheCallerAsked() {
        createProvisioned("indexed", 10, 10, 10);
        assertNull(engine.putItem(b -> b.tableName("indexed").item(item("pk", s("a"), "g", s("G"))))
                .consumedCapacity());
        ConsumedCapacity total = engine.putItem(b -> b.tableName("indexed")
                        .item(item("pk", s("b"), "g", s("G")))
                        .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL))
                .consumedCapacity();
        assertEquals(2.0, total.capacityUnits());
        assertNull(total.table());
        assertTrue(total.globalSecondaryIndexes().isEmpty());
        ConsumedCapacity indexes = engine.putItem(b -> b.tableName("indexed")
                        .item(item("pk", s("c"), "g", s("G")))
                        .returnConsumedCapacity(ReturnConsumedCapacity.INDEXES))
                .consumedCapacity();
        assertEquals(1.0, indexes.globalSecondaryIndexes().get("byG").capacityUnits());
        assertInstanceOf(ConsumedCapacity.class, indexes);
    }
}
