package dev.keysmith.engine.conformance;

import static dev.keysmith.engine.conformance.Fixtures.assertError;
import static dev.keysmith.engine.conformance.Fixtures.item;
import static dev.keysmith.engine.conformance.Fixtures.n;
import static dev.keysmith.engine.conformance.Fixtures.s;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/** BatchGetItem, BatchWriteItem, TransactWriteItems and TransactGetItems. */
@ParameterizedClass
@EnumSource(Target.class)
class BatchAndTransactionTest {
    @Parameter
    Target target;

    Target.Session session;
    DynamoDbClient ddb;

    @BeforeEach
    void open() {
        session = target.open();
        ddb = session.client();
        Fixtures.createTable(ddb, "tba", "id", ScalarAttributeType.S);
        Fixtures.createTable(ddb, "tbb", "id", ScalarAttributeType.S);
    }

    @AfterEach
    void close() throws Exception {
        session.close();
    }

    private static WriteRequest put(Map<String, AttributeValue> item) {
        return WriteRequest.builder()
                .putRequest(PutRequest.builder().item(item).build())
                .build();
    }

    @Test
    void batchWriteAcrossTablesThenBatchGet() {
        List<WriteRequest> a = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            a.add(put(item("id", s("a" + i), "v", n(String.valueOf(i)))));
        }
        var w = ddb.batchWriteItem(b -> b.requestItems(Map.of("tba", a, "tbb", List.of(put(item("id", s("b0"))))))
                .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL));
        assertTrue(w.unprocessedItems().isEmpty());
        assertEquals(2, w.consumedCapacity().size(), "one ConsumedCapacity per table");
        var r = ddb.batchGetItem(b -> b.requestItems(Map.of(
                        "tba",
                        KeysAndAttributes.builder()
                                .keys(item("id", s("a1")), item("id", s("a2")), item("id", s("missing")))
                                .projectionExpression("v")
                                .build(),
                        "tbb",
                        KeysAndAttributes.builder().keys(item("id", s("b0"))).build()))
                .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL));
        assertEquals(2, r.responses().get("tba").size());
        assertTrue(r.responses().get("tba").stream().allMatch(i -> i.keySet().equals(java.util.Set.of("v"))));
        assertEquals(1, r.responses().get("tbb").size());
        assertTrue(r.unprocessedKeys().isEmpty());
    }

    @Test
    void batchValidation() {
        assertError(
                "ValidationException",
                "The requestItems parameter is required for BatchWriteItem",
                () -> ddb.batchWriteItem(b -> b.requestItems(Map.of())));
        assertError(
                "ValidationException",
                "Provided list of item keys contains duplicates",
                () -> ddb.batchWriteItem(b ->
                        b.requestItems(Map.of("tba", List.of(put(item("id", s("x"))), put(item("id", s("x"))))))));
        List<WriteRequest> tooMany = new ArrayList<>();
        for (int i = 0; i < 13; i++) {
            tooMany.add(put(item("id", s("x" + i))));
        }
        assertError(
                "ValidationException",
                "Too many items requested for the BatchWriteItem call",
                () -> ddb.batchWriteItem(b -> b.requestItems(Map.of("tba", tooMany, "tbb", tooMany))));
        assertError(
                "ValidationException",
                "Provided list of item keys contains duplicates",
                () -> ddb.batchGetItem(b -> b.requestItems(Map.of(
                        "tba",
                        KeysAndAttributes.builder()
                                .keys(item("id", s("k")), item("id", s("k")))
                                .build()))));
        assertError(
                "ValidationException",
                "The requestItems parameter is required for BatchGetItem",
                () -> ddb.batchGetItem(b -> b.requestItems(Map.of())));
    }

    private static TransactWriteItem putIn(String table, Map<String, AttributeValue> item) {
        return TransactWriteItem.builder()
                .put(p -> p.tableName(table).item(item))
                .build();
    }

    @Test
    void transactionWritesAllAndChargesDouble() {
        // Reference 2.2: 3 x 500-byte items = 6 WCU.
        var r = ddb.transactWriteItems(b -> b.transactItems(
                        putIn("tba", item("id", s("1"), "d", s("x".repeat(490)))),
                        putIn("tba", item("id", s("2"), "d", s("x".repeat(490)))),
                        putIn("tba", item("id", s("3"), "d", s("x".repeat(490)))))
                .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL));
        assertEquals(6.0, r.consumedCapacity().getFirst().capacityUnits());
        var got = ddb.transactGetItems(b -> b.transactItems(
                        TransactGetItem.builder()
                                .get(g -> g.tableName("tba").key(item("id", s("1"))))
                                .build(),
                        TransactGetItem.builder()
                                .get(g -> g.tableName("tba").key(item("id", s("9"))))
                                .build())
                .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL));
        assertEquals(s("1"), got.responses().get(0).item().get("id"));
        assertTrue(got.responses().get(1).item() == null
                || got.responses().get(1).item().isEmpty());
        assertEquals(4.0, got.consumedCapacity().getFirst().capacityUnits(), "2 per item, missing ones included");
    }

    @Test
    void failedConditionCancelsEverythingWithReasons() {
        ddb.putItem(b -> b.tableName("tba").item(item("id", s("exists"), "v", n("1"))));
        TransactionCanceledException e = assertThrows(
                TransactionCanceledException.class,
                () -> ddb.transactWriteItems(b -> b.transactItems(
                        putIn("tbb", item("id", s("new"))),
                        TransactWriteItem.builder()
                                .conditionCheck(c -> c.tableName("tba")
                                        .key(item("id", s("exists")))
                                        .conditionExpression("v = :two")
                                        .expressionAttributeValues(Map.of(":two", n("2")))
                                        .returnValuesOnConditionCheckFailure(
                                                ReturnValuesOnConditionCheckFailure.ALL_OLD))
                                .build())));
        assertEquals(
                "Transaction cancelled, please refer cancellation reasons for specific reasons [None,"
                        + " ConditionalCheckFailed]",
                e.awsErrorDetails().errorMessage());
        assertEquals("None", e.cancellationReasons().get(0).code());
        assertEquals("ConditionalCheckFailed", e.cancellationReasons().get(1).code());
        assertEquals(n("1"), e.cancellationReasons().get(1).item().get("v"));
        var missing = ddb.getItem(b -> b.tableName("tbb").key(item("id", s("new"))));
        assertTrue(!missing.hasItem() || missing.item().isEmpty(), "nothing of a cancelled transaction is written");
    }

    @Test
    void transactionValidation() {
        assertError(
                "ValidationException",
                "Transaction request cannot include multiple operations on one item",
                () -> ddb.transactWriteItems(b ->
                        b.transactItems(putIn("tba", item("id", s("1"))), putIn("tba", item("id", s("1"))))));
        assertError(
                "ValidationException",
                "1 validation error detected: Value '[]' at 'transactItems' failed to satisfy constraint: Member must"
                        + " have length greater than or equal to 1",
                () -> ddb.transactWriteItems(b -> b.transactItems(List.of())));
    }

    @Test
    void clientRequestTokenMakesARetryIdempotent() {
        ddb.transactWriteItems(b ->
                b.clientRequestToken("token-1").transactItems(putIn("tba", item("id", s("t"), "v", n("1")))));
        ddb.putItem(b -> b.tableName("tba").item(item("id", s("t"), "v", n("2"))));
        ddb.transactWriteItems(b ->
                b.clientRequestToken("token-1").transactItems(putIn("tba", item("id", s("t"), "v", n("1")))));
        assertEquals(
                n("2"),
                ddb.getItem(b -> b.tableName("tba").key(item("id", s("t"))))
                        .item()
                        .get("v"),
                "the retry did not write again");
        DynamoDbException mismatch = assertThrows(
                DynamoDbException.class,
                () -> ddb.transactWriteItems(b ->
                        b.clientRequestToken("token-1").transactItems(putIn("tba", item("id", s("t"), "v", n("3"))))));
        assertEquals(
                "IdempotentParameterMismatchException",
                mismatch.awsErrorDetails().errorCode());
    }

    @Test
    void concurrentTransfersConserveTheTotalAndConflictsAreReported() throws Exception {
        int accounts = 4;
        for (int i = 0; i < accounts; i++) {
            int k = i;
            ddb.putItem(b -> b.tableName("tba").item(item("id", s("acct" + k), "balance", n("1000"))));
        }
        AtomicInteger committed = new AtomicInteger();
        AtomicInteger conflicts = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            int seed = t;
            futures.add(pool.submit(() -> {
                java.util.Random random = new java.util.Random(seed);
                for (int i = 0; i < 50; i++) {
                    int from = random.nextInt(accounts);
                    int to = (from + 1 + random.nextInt(accounts - 1)) % accounts;
                    try {
                        ddb.transactWriteItems(b -> b.transactItems(
                                TransactWriteItem.builder()
                                        .update(u -> u.tableName("tba")
                                                .key(item("id", s("acct" + from)))
                                                .updateExpression("SET balance = balance - :x")
                                                .conditionExpression("balance >= :x")
                                                .expressionAttributeValues(Map.of(":x", n("7"))))
                                        .build(),
                                TransactWriteItem.builder()
                                        .update(u -> u.tableName("tba")
                                                .key(item("id", s("acct" + to)))
                                                .updateExpression("SET balance = balance + :x")
                                                .expressionAttributeValues(Map.of(":x", n("7"))))
                                        .build()));
                        committed.incrementAndGet();
                    } catch (TransactionCanceledException e) {
                        assertTrue(e.cancellationReasons().stream()
                                .anyMatch(r -> r.code().equals("TransactionConflict")
                                        || r.code().equals("ConditionalCheckFailed")));
                        conflicts.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        pool.shutdown();
        long total = 0;
        for (int i = 0; i < accounts; i++) {
            int k = i;
            total += Long.parseLong(ddb.getItem(b ->
                            b.tableName("tba").key(item("id", s("acct" + k))).consistentRead(true))
                    .item()
                    .get("balance")
                    .n());
        }
        assertEquals(4000, total, "money is neither created nor destroyed");
        assertEquals(400, committed.get() + conflicts.get());
        assertTrue(committed.get() > 0);
    }
}
