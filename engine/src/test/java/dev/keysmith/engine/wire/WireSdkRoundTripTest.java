package dev.keysmith.engine.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.BatchStatementRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchStatementResponse;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.CreateTableResponse;
import software.amazon.awssdk.services.dynamodb.model.DescribeStreamResponse;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsResponse;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.ParameterizedStatement;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.Select;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.StreamSpecification;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;
import software.amazon.awssdk.services.dynamodb.model.Tag;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/** Every operation family, from the real AWS SDK through the wire endpoint to DynamoDB Local and back. */
class WireSdkRoundTripTest {
    private static LocalBackend backend;
    private static DynamoDbClient sdk;

    @BeforeAll
    static void start() {
        backend = new LocalBackend();
        sdk = backend.client;
    }

    @AfterAll
    static void stop() {
        backend.close();
    }

    private static TableDescription createTable(String name, boolean withStream) {
        CreateTableResponse created = sdk.createTable(b -> b.tableName(name)
                .attributeDefinitions(
                        AttributeDefinition.builder()
                                .attributeName("pk")
                                .attributeType(ScalarAttributeType.S)
                                .build(),
                        AttributeDefinition.builder()
                                .attributeName("sk")
                                .attributeType(ScalarAttributeType.N)
                                .build(),
                        AttributeDefinition.builder()
                                .attributeName("g")
                                .attributeType(ScalarAttributeType.S)
                                .build())
                .keySchema(key("pk", KeyType.HASH), key("sk", KeyType.RANGE))
                .globalSecondaryIndexes(GlobalSecondaryIndex.builder()
                        .indexName("byG")
                        .keySchema(key("g", KeyType.HASH), key("sk", KeyType.RANGE))
                        .projection(Projection.builder()
                                .projectionType(ProjectionType.ALL)
                                .build())
                        .build())
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .streamSpecification(
                        withStream
                                ? StreamSpecification.builder()
                                        .streamEnabled(true)
                                        .streamViewType(StreamViewType.NEW_AND_OLD_IMAGES)
                                        .build()
                                : null));
        return created.tableDescription();
    }

    private static KeySchemaElement key(String name, KeyType type) {
        return KeySchemaElement.builder().attributeName(name).keyType(type).build();
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    private static AttributeValue n(String value) {
        return AttributeValue.fromN(value);
    }

    private static Map<String, AttributeValue> keyOf(String pk, int sk) {
        return Map.of("pk", s(pk), "sk", n(Integer.toString(sk)));
    }

    @Test
    void tableLifecycle_roundTripsDescriptionsTimestampsAndNotFound() {
        TableDescription created = createTable("lifecycle", false);
        assertEquals("lifecycle", created.tableName());
        assertEquals(2, created.keySchema().size());
        assertEquals(KeyType.RANGE, created.keySchema().get(1).keyType());
        assertEquals("byG", created.globalSecondaryIndexes().getFirst().indexName());
        // DynamoDB Local's own SDK adapter puts CreationDateTime in the far future; the wire must carry it unchanged
        assertEquals(
                backend.local
                        .dynamoDbClient()
                        .describeTable(b -> b.tableName("lifecycle"))
                        .table()
                        .creationDateTime(),
                created.creationDateTime());

        TableDescription described =
                sdk.describeTable(b -> b.tableName("lifecycle")).table();
        assertEquals(TableStatus.ACTIVE, described.tableStatus());
        assertEquals(BillingMode.PAY_PER_REQUEST, described.billingModeSummary().billingMode());
        assertTrue(sdk.listTables().tableNames().contains("lifecycle"));

        sdk.deleteTable(b -> b.tableName("lifecycle"));
        ResourceNotFoundException missing =
                assertThrows(ResourceNotFoundException.class, () -> sdk.describeTable(b -> b.tableName("lifecycle")));
        assertEquals("ResourceNotFoundException", missing.awsErrorDetails().errorCode());
        assertEquals(400, missing.statusCode());
    }

    @Test
    void putAndGet_roundTripAllTenAttributeTypesNestedAndBinary() {
        createTable("types", false);
        byte[] allBytes = new byte[256];
        for (int i = 0; i < allBytes.length; i++) {
            allBytes[i] = (byte) i;
        }
        Map<String, AttributeValue> nested = Map.of(
                "list",
                AttributeValue.fromL(
                        List.of(s("x"), n("-1.5"), AttributeValue.fromNul(true), AttributeValue.fromBool(false))),
                "deeper",
                AttributeValue.fromM(Map.of("b", AttributeValue.fromB(SdkBytes.fromByteArray(new byte[] {0, -1})))));
        Map<String, AttributeValue> item = Map.ofEntries(
                Map.entry("pk", s("types")),
                Map.entry("sk", n("1")),
                Map.entry("s", s("héllo \"quoted\" \u2603 \uD83D\uDE00")),
                Map.entry("n", n("12345678901234567890.123456789")),
                Map.entry("b", AttributeValue.fromB(SdkBytes.fromByteArray(allBytes))),
                Map.entry("ss", AttributeValue.fromSs(List.of("a", "b", "c"))),
                Map.entry("ns", AttributeValue.fromNs(List.of("1", "2.5", "-3"))),
                Map.entry(
                        "bs",
                        AttributeValue.fromBs(List.of(
                                SdkBytes.fromByteArray(new byte[] {1}), SdkBytes.fromByteArray(new byte[] {2, 3})))),
                Map.entry("m", AttributeValue.fromM(nested)),
                Map.entry("l", AttributeValue.fromL(List.of(AttributeValue.fromM(nested), s("tail")))),
                Map.entry("bool", AttributeValue.fromBool(true)),
                Map.entry("nothing", AttributeValue.fromNul(true)),
                Map.entry("empty", s("")));
        sdk.putItem(b -> b.tableName("types").item(item));

        Map<String, AttributeValue> read = sdk.getItem(
                        b -> b.tableName("types").key(keyOf("types", 1)).consistentRead(true))
                .item();

        assertEquals(item.keySet(), read.keySet());
        for (String name : item.keySet()) {
            AttributeValue expected = item.get(name);
            AttributeValue actual = read.get(name);
            switch (expected.type()) {
                case SS -> assertEquals(new HashSet<>(expected.ss()), new HashSet<>(actual.ss()));
                case NS -> assertEquals(new HashSet<>(expected.ns()), new HashSet<>(actual.ns()));
                case BS -> assertEquals(new HashSet<>(expected.bs()), new HashSet<>(actual.bs()));
                default -> assertEquals(expected, actual, name);
            }
        }
    }

    @Test
    void getItem_ofMissingItem_hasNoItemAndConsumedCapacityWhenAsked() {
        createTable("missing", false);
        var response = sdk.getItem(b ->
                b.tableName("missing").key(keyOf("nobody", 0)).returnConsumedCapacity(ReturnConsumedCapacity.TOTAL));
        assertFalse(response.hasItem(), "absent Item stays absent (not an empty map)");
        assertEquals("missing", response.consumedCapacity().tableName());
        assertEquals(0.5, response.consumedCapacity().capacityUnits());
    }

    @Test
    void updateItem_withExpressions_returnsAllNew() {
        createTable("updates", false);
        sdk.putItem(b -> b.tableName("updates").item(Map.of("pk", s("u"), "sk", n("1"), "count", n("1"))));
        var updated = sdk.updateItem(b -> b.tableName("updates")
                .key(keyOf("u", 1))
                .updateExpression("SET #c = #c + :inc, tags = :tags REMOVE gone")
                .conditionExpression("attribute_exists(pk)")
                .expressionAttributeNames(Map.of("#c", "count"))
                .expressionAttributeValues(
                        Map.of(":inc", n("41"), ":tags", AttributeValue.fromSs(List.of("red")))) // set
                .returnValues(ReturnValue.ALL_NEW));
        assertEquals(n("42"), updated.attributes().get("count"));
        assertEquals(List.of("red"), updated.attributes().get("tags").ss());
    }

    @Test
    void putItem_failingCondition_throwsConditionalCheckFailedWithTheOldItem() {
        createTable("conditions", false);
        Map<String, AttributeValue> item = Map.of("pk", s("c"), "sk", n("1"), "v", s("old"));
        sdk.putItem(b -> b.tableName("conditions").item(item));

        ConditionalCheckFailedException failed = assertThrows(
                ConditionalCheckFailedException.class,
                () -> sdk.putItem(b -> b.tableName("conditions")
                        .item(Map.of("pk", s("c"), "sk", n("1"), "v", s("new")))
                        .conditionExpression("attribute_not_exists(pk)")
                        .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)));

        assertEquals("ConditionalCheckFailedException", failed.awsErrorDetails().errorCode());
        assertEquals(400, failed.statusCode());
        assertEquals("The conditional request failed", failed.awsErrorDetails().errorMessage());
        assertEquals(item, failed.item());
    }

    @Test
    void queryAndScan_withExpressionsPaginationIndexesAndCount() {
        createTable("queries", false);
        for (int i = 1; i <= 5; i++) {
            int sk = i;
            sdk.putItem(b -> b.tableName("queries")
                    .item(Map.of("pk", s("q"), "sk", n(Integer.toString(sk)), "g", s(sk % 2 == 0 ? "even" : "odd"))));
        }
        QueryResponse firstPage = sdk.query(b -> b.tableName("queries")
                .keyConditionExpression("pk = :p AND sk BETWEEN :lo AND :hi")
                .filterExpression("g <> :skip")
                .expressionAttributeValues(Map.of(":p", s("q"), ":lo", n("1"), ":hi", n("5"), ":skip", s("none")))
                .scanIndexForward(false)
                .limit(2));
        assertEquals(
                List.of("5", "4"),
                firstPage.items().stream().map(i -> i.get("sk").n()).toList());
        assertEquals(keyOf("q", 4), firstPage.lastEvaluatedKey());

        QueryResponse nextPage = sdk.query(b -> b.tableName("queries")
                .keyConditionExpression("pk = :p")
                .expressionAttributeValues(Map.of(":p", s("q")))
                .scanIndexForward(false)
                .exclusiveStartKey(firstPage.lastEvaluatedKey()));
        assertEquals(
                List.of("3", "2", "1"),
                nextPage.items().stream().map(i -> i.get("sk").n()).toList());
        assertFalse(nextPage.hasLastEvaluatedKey());

        QueryResponse onIndex = sdk.query(b -> b.tableName("queries")
                .indexName("byG")
                .keyConditionExpression("g = :g")
                .expressionAttributeValues(Map.of(":g", s("even"))));
        assertEquals(2, onIndex.count());

        ScanResponse counted = sdk.scan(b -> b.tableName("queries")
                .select(Select.COUNT)
                .filterExpression("sk > :three")
                .expressionAttributeValues(Map.of(":three", n("3"))));
        assertEquals(2, counted.count());
        assertEquals(5, counted.scannedCount());
        assertFalse(counted.hasItems());
    }

    @Test
    void batchWriteAndBatchGet_roundTripRequestMaps() {
        createTable("batches", false);
        List<WriteRequest> puts = List.of(1, 2, 3).stream()
                .map(i -> WriteRequest.builder()
                        .putRequest(PutRequest.builder()
                                .item(Map.of("pk", s("b"), "sk", n(Integer.toString(i)), "v", n(i + "0")))
                                .build())
                        .build())
                .toList();
        var written = sdk.batchWriteItem(b -> b.requestItems(Map.of("batches", puts)));
        assertTrue(written.unprocessedItems().isEmpty());

        BatchGetItemResponse read = sdk.batchGetItem(b -> b.requestItems(Map.of(
                "batches",
                KeysAndAttributes.builder()
                        .keys(keyOf("b", 1), keyOf("b", 3))
                        .projectionExpression("v")
                        .build())));
        assertEquals(
                new HashSet<>(List.of("10", "30")),
                new HashSet<>(read.responses().get("batches").stream()
                        .map(i -> i.get("v").n())
                        .toList()));
    }

    @Test
    void transactions_succeedAndCancelWithReasonsVisibleToTheSdk() {
        createTable("txns", false);
        Map<String, AttributeValue> existing = Map.of("pk", s("t"), "sk", n("1"), "v", s("kept"));
        sdk.transactWriteItems(b -> b.transactItems(
                TransactWriteItem.builder()
                        .put(p -> p.tableName("txns").item(existing))
                        .build(),
                TransactWriteItem.builder()
                        .put(p -> p.tableName("txns").item(Map.of("pk", s("t"), "sk", n("2"))))
                        .build()));

        var got = sdk.transactGetItems(b -> b.transactItems(
                TransactGetItem.builder()
                        .get(g -> g.tableName("txns").key(keyOf("t", 1)))
                        .build(),
                TransactGetItem.builder()
                        .get(g -> g.tableName("txns").key(keyOf("t", 9)))
                        .build()));
        assertEquals(existing, got.responses().get(0).item());
        assertFalse(got.responses().get(1).hasItem());

        TransactionCanceledException cancelled = assertThrows(
                TransactionCanceledException.class,
                () -> sdk.transactWriteItems(b -> b.transactItems(
                        TransactWriteItem.builder()
                                .put(p -> p.tableName("txns").item(Map.of("pk", s("t"), "sk", n("3"))))
                                .build(),
                        TransactWriteItem.builder()
                                .conditionCheck(c -> c.tableName("txns")
                                        .key(keyOf("t", 1))
                                        .conditionExpression("attribute_not_exists(pk)")
                                        .returnValuesOnConditionCheckFailure(
                                                ReturnValuesOnConditionCheckFailure.ALL_OLD))
                                .build())));

        assertEquals("TransactionCanceledException", cancelled.awsErrorDetails().errorCode());
        assertEquals(400, cancelled.statusCode());
        assertTrue(cancelled.hasCancellationReasons());
        List<CancellationReason> reasons = cancelled.cancellationReasons();
        assertEquals(
                List.of("None", "ConditionalCheckFailed"),
                reasons.stream().map(CancellationReason::code).toList());
        assertEquals(existing, reasons.get(1).item());
        assertTrue(cancelled.awsErrorDetails().errorMessage().startsWith("Transaction cancelled"));
    }

    @Test
    void partiql_executeStatementBatchAndTransaction() {
        createTable("partiql", false);
        sdk.executeStatement(b -> b.statement("INSERT INTO \"partiql\" VALUE {'pk': ?, 'sk': ?, 'v': ?}")
                .parameters(s("p"), n("1"), s("one")));
        var selected = sdk.executeStatement(
                b -> b.statement("SELECT v FROM \"partiql\" WHERE pk = ?").parameters(s("p")));
        assertEquals(List.of(Map.of("v", s("one"))), selected.items());

        List<BatchStatementResponse> batch = sdk.batchExecuteStatement(b -> b.statements(BatchStatementRequest.builder()
                        .statement("SELECT * FROM \"partiql\" WHERE pk = ? AND sk = ?")
                        .parameters(s("p"), n("1"))
                        .build()))
                .responses();
        assertEquals(s("one"), batch.getFirst().item().get("v"));

        sdk.executeTransaction(b -> b.transactStatements(ParameterizedStatement.builder()
                .statement("UPDATE \"partiql\" SET v = ? WHERE pk = ? AND sk = ?")
                .parameters(s("uno"), s("p"), n("1"))
                .build()));
        assertEquals(
                s("uno"),
                sdk.getItem(b -> b.tableName("partiql").key(keyOf("p", 1)))
                        .item()
                        .get("v"));
    }

    @Test
    void timeToLive_roundTrip() {
        createTable("ttl", false);
        sdk.updateTimeToLive(b ->
                b.tableName("ttl").timeToLiveSpecification(t -> t.enabled(true).attributeName("expires")));
        var ttl = sdk.describeTimeToLive(b -> b.tableName("ttl")).timeToLiveDescription();
        assertEquals("expires", ttl.attributeName());
        assertNotNull(ttl.timeToLiveStatus());
    }

    @Test
    void errors_seenThroughTheWire_matchTheBackendsOwnCodeStatusAndMessage() {
        createTable("errors", false);
        DynamoDbClient direct = backend.local.dynamoDbClient();
        List<java.util.function.Function<DynamoDbClient, Object>> failing = List.of(
                c -> c.describeTable(b -> b.tableName("absent")),
                c -> c.putItem(b -> b.tableName("absent").item(keyOf("x", 1))),
                c -> c.getItem(b -> b.tableName("errors").key(Map.of("pk", s("only-hash")))),
                c -> c.query(b -> b.tableName("errors").keyConditionExpression("pk = :missing")),
                c -> c.tagResource(b -> b.resourceArn("arn:aws:dynamodb:us-east-1:000000000000:table/errors")
                        .tags(Tag.builder().key("k").value("v").build())));
        for (var call : failing) {
            DynamoDbException expected = assertThrows(DynamoDbException.class, () -> call.apply(direct));
            DynamoDbException actual = assertThrows(DynamoDbException.class, () -> call.apply(sdk));
            assertEquals(expected.getClass(), actual.getClass());
            assertEquals(
                    expected.awsErrorDetails().errorCode(),
                    actual.awsErrorDetails().errorCode());
            assertEquals(
                    expected.awsErrorDetails().errorMessage(),
                    actual.awsErrorDetails().errorMessage());
            assertEquals(expected.statusCode(), actual.statusCode());
        }
    }

    @Test
    void streamsApi_listsDescribesAndReadsRecords() {
        TableDescription table = createTable("streamed", true);
        sdk.putItem(b -> b.tableName("streamed").item(Map.of("pk", s("s"), "sk", n("1"), "v", s("new"))));
        var streams = backend.streamsClient;

        assertTrue(streams.listStreams(b -> b.tableName("streamed")).streams().stream()
                .anyMatch(st -> st.streamArn().equals(table.latestStreamArn())));
        DescribeStreamResponse described = streams.describeStream(b -> b.streamArn(table.latestStreamArn()));
        assertEquals(
                StreamViewType.NEW_AND_OLD_IMAGES, described.streamDescription().streamViewType());
        String shardId = described.streamDescription().shards().getFirst().shardId();
        String iterator = streams.getShardIterator(b -> b.streamArn(table.latestStreamArn())
                        .shardId(shardId)
                        .shardIteratorType(ShardIteratorType.TRIM_HORIZON))
                .shardIterator();
        GetRecordsResponse records = streams.getRecords(b -> b.shardIterator(iterator));

        Record record = records.records().getFirst();
        assertEquals("INSERT", record.eventNameAsString());
        assertEquals(s("new"), record.dynamodb().newImage().get("v"));
        assertTrue(record.dynamodb().oldImage().isEmpty());
        assertNotNull(record.dynamodb().approximateCreationDateTime());
        assertNotNull(records.nextShardIterator());
    }
}
