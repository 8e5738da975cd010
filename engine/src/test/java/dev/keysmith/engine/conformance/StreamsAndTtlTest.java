package dev.keysmith.engine.conformance;

import static dev.keysmith.engine.conformance.Fixtures.item;
import static dev.keysmith.engine.conformance.Fixtures.n;
import static dev.keysmith.engine.conformance.Fixtures.s;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keysmith.engine.EngineConfig;
import dev.keysmith.engine.KeysmithEngine;
import dev.keysmith.engine.change.ItemChange;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsResponse;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.OperationType;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/** DynamoDB Streams (records, shards, iterators, retention) and time to live, on the embedded engine. */
class StreamsAndTtlTest {
    MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    KeysmithEngine ddb;
    DynamoDbStreamsClient streams;

    @BeforeEach
    void open() {
        ddb = KeysmithEngine.open(EngineConfig.inMemory().withClock(clock));
        streams = ddb.streams();
    }

    @AfterEach
    void close() {
        ddb.close();
    }

    private String createStreamTable(StreamViewType view) {
        ddb.createTable(b -> b.tableName("events")
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .keySchema(KeySchemaElement.builder()
                        .attributeName("id")
                        .keyType(KeyType.HASH)
                        .build())
                .attributeDefinitions(AttributeDefinition.builder()
                        .attributeName("id")
                        .attributeType(ScalarAttributeType.S)
                        .build())
                .streamSpecification(s -> s.streamEnabled(true).streamViewType(view)));
        String arn = ddb.describeTable(b -> b.tableName("events")).table().latestStreamArn();
        assertNotNull(arn);
        return arn;
    }

    private List<Record> readAll(String arn, ShardIteratorType type) {
        Shard shard = streams.describeStream(b -> b.streamArn(arn))
                .streamDescription()
                .shards()
                .getLast();
        String it = streams.getShardIterator(
                        b -> b.streamArn(arn).shardId(shard.shardId()).shardIteratorType(type))
                .shardIterator();
        List<Record> out = new ArrayList<>();
        while (it != null) {
            String from = it;
            GetRecordsResponse r = streams.getRecords(b -> b.shardIterator(from));
            out.addAll(r.records());
            if (r.records().isEmpty()) {
                break;
            }
            it = r.nextShardIterator();
        }
        return out;
    }

    @Test
    void everyWriteProducesExactlyOneRecordInOrder() {
        String arn = createStreamTable(StreamViewType.NEW_AND_OLD_IMAGES);
        ddb.putItem(b -> b.tableName("events").item(item("id", s("a"), "v", n("1"))));
        ddb.updateItem(b -> b.tableName("events")
                .key(item("id", s("a")))
                .updateExpression("SET v = :v")
                .expressionAttributeValues(Map.of(":v", n("2"))));
        assertThrows(
                ConditionalCheckFailedException.class,
                () -> ddb.putItem(b -> b.tableName("events")
                        .item(item("id", s("a")))
                        .conditionExpression("attribute_not_exists(id)")));
        ddb.deleteItem(b -> b.tableName("events").key(item("id", s("a"))));
        for (int i = 0; i < 300; i++) {
            int k = i;
            ddb.putItem(b -> b.tableName("events").item(item("id", s("k" + (k % 50)), "i", n(String.valueOf(k)))));
        }
        List<Record> records = readAll(arn, ShardIteratorType.TRIM_HORIZON);
        assertEquals(303, records.size(), "a failed conditional write leaves no record");
        Record insert = records.get(0);
        assertEquals(OperationType.INSERT, insert.eventName());
        assertEquals("aws:dynamodb", insert.eventSource());
        assertEquals("1.1", insert.eventVersion());
        assertEquals("us-east-1", insert.awsRegion());
        assertEquals(Map.of("id", s("a")), insert.dynamodb().keys());
        assertEquals(n("1"), insert.dynamodb().newImage().get("v"));
        assertFalse(insert.dynamodb().hasOldImage());
        assertEquals(StreamViewType.NEW_AND_OLD_IMAGES, insert.dynamodb().streamViewType());
        Record modify = records.get(1);
        assertEquals(OperationType.MODIFY, modify.eventName());
        assertEquals(n("1"), modify.dynamodb().oldImage().get("v"));
        assertEquals(n("2"), modify.dynamodb().newImage().get("v"));
        Record remove = records.get(2);
        assertEquals(OperationType.REMOVE, remove.eventName());
        assertEquals(n("2"), remove.dynamodb().oldImage().get("v"));
        assertNull(remove.userIdentity(), "a user's delete has no service identity");
        for (int i = 1; i < records.size(); i++) {
            assertTrue(
                    new java.math.BigInteger(records.get(i).dynamodb().sequenceNumber())
                                    .compareTo(new java.math.BigInteger(
                                            records.get(i - 1).dynamodb().sequenceNumber()))
                            > 0,
                    "sequence numbers strictly increase");
            assertTrue(records.get(i).dynamodb().sequenceNumber().length() >= 21);
        }
        for (int i = 3; i < records.size(); i++) {
            assertEquals(
                    n(String.valueOf(i - 3)),
                    records.get(i).dynamodb().newImage().get("i"),
                    "commit order");
        }
    }

    @Test
    void keysOnlyStreamsCarryNoImagesAndLatestSeesOnlyNewRecords() {
        String arn = createStreamTable(StreamViewType.KEYS_ONLY);
        ddb.putItem(b -> b.tableName("events").item(item("id", s("old"), "v", n("1"))));
        Shard shard = streams.describeStream(b -> b.streamArn(arn))
                .streamDescription()
                .shards()
                .getFirst();
        String latest = streams.getShardIterator(
                        b -> b.streamArn(arn).shardId(shard.shardId()).shardIteratorType(ShardIteratorType.LATEST))
                .shardIterator();
        ddb.putItem(b -> b.tableName("events").item(item("id", s("new"), "v", n("1"))));
        List<Record> records = streams.getRecords(b -> b.shardIterator(latest)).records();
        assertEquals(1, records.size());
        assertEquals(Map.of("id", s("new")), records.getFirst().dynamodb().keys());
        assertFalse(records.getFirst().dynamodb().hasNewImage());

        String seq = records.getFirst().dynamodb().sequenceNumber();
        String at = streams.getShardIterator(b -> b.streamArn(arn)
                        .shardId(shard.shardId())
                        .shardIteratorType(ShardIteratorType.AT_SEQUENCE_NUMBER)
                        .sequenceNumber(seq))
                .shardIterator();
        assertEquals(
                seq,
                streams.getRecords(b -> b.shardIterator(at))
                        .records()
                        .getFirst()
                        .dynamodb()
                        .sequenceNumber());
        String after = streams.getShardIterator(b -> b.streamArn(arn)
                        .shardId(shard.shardId())
                        .shardIteratorType(ShardIteratorType.AFTER_SEQUENCE_NUMBER)
                        .sequenceNumber(seq))
                .shardIterator();
        assertTrue(streams.getRecords(b -> b.shardIterator(after)).records().isEmpty());
    }

    @Test
    void shardsCloseAndSplitOverTime() {
        String arn = createStreamTable(StreamViewType.NEW_IMAGE);
        ddb.putItem(b -> b.tableName("events").item(item("id", s("first"))));
        clock.advance(Duration.ofHours(5));
        ddb.putItem(b -> b.tableName("events").item(item("id", s("second"))));
        List<Shard> shards = streams.describeStream(b -> b.streamArn(arn))
                .streamDescription()
                .shards();
        assertEquals(2, shards.size());
        assertNotNull(shards.get(0).sequenceNumberRange().endingSequenceNumber(), "the old shard is closed");
        assertNull(shards.get(1).sequenceNumberRange().endingSequenceNumber(), "the new shard is open");
        assertEquals(shards.get(0).shardId(), shards.get(1).parentShardId());
        String it = streams.getShardIterator(b -> b.streamArn(arn)
                        .shardId(shards.get(0).shardId())
                        .shardIteratorType(ShardIteratorType.TRIM_HORIZON))
                .shardIterator();
        GetRecordsResponse closed = streams.getRecords(b -> b.shardIterator(it));
        assertEquals(1, closed.records().size());
        assertNull(closed.nextShardIterator(), "a closed shard read to its end has no next iterator");
    }

    @Test
    void iteratorsExpireAfterFifteenMinutesAndRecordsAfterADay() {
        String arn = createStreamTable(StreamViewType.NEW_IMAGE);
        ddb.putItem(b -> b.tableName("events").item(item("id", s("x"))));
        Shard shard = streams.describeStream(b -> b.streamArn(arn))
                .streamDescription()
                .shards()
                .getFirst();
        String it = streams.getShardIterator(b ->
                        b.streamArn(arn).shardId(shard.shardId()).shardIteratorType(ShardIteratorType.TRIM_HORIZON))
                .shardIterator();
        clock.advance(Duration.ofMinutes(16));
        DynamoDbException e = assertThrows(DynamoDbException.class, () -> streams.getRecords(b -> b.shardIterator(it)));
        assertEquals("ExpiredIteratorException", e.awsErrorDetails().errorCode());
        clock.advance(Duration.ofHours(25));
        ddb.sweep();
        assertTrue(readAll(arn, ShardIteratorType.TRIM_HORIZON).isEmpty(), "records older than 24 hours are trimmed");
    }

    @Test
    void timeToLiveDeletesExpiredItemsThroughTheStreamWithTheServiceIdentity() {
        String arn = createStreamTable(StreamViewType.NEW_AND_OLD_IMAGES);
        long now = clock.instant().getEpochSecond();
        ddb.putItem(b -> b.tableName("events").item(item("id", s("before-ttl"), "exp", n(String.valueOf(now + 10)))));
        ddb.updateTimeToLive(b -> b.tableName("events")
                .timeToLiveSpecification(t -> t.attributeName("exp").enabled(true)));
        assertEquals(
                TimeToLiveStatus.ENABLED,
                ddb.describeTimeToLive(b -> b.tableName("events"))
                        .timeToLiveDescription()
                        .timeToLiveStatus());
        ddb.putItem(b -> b.tableName("events").item(item("id", s("later"), "exp", n(String.valueOf(now + 100)))));
        ddb.putItem(b -> b.tableName("events").item(item("id", s("text-ttl"), "exp", s("10"))));
        ddb.putItem(b ->
                b.tableName("events").item(item("id", s("ancient"), "exp", n(String.valueOf(now - 6L * 365 * 86400)))));
        List<ItemChange> seen = new CopyOnWriteArrayList<>();
        ddb.addChangeListener(seen::add);

        clock.advance(Duration.ofSeconds(20));
        assertTrue(
                ddb.getItem(b -> b.tableName("events").key(item("id", s("before-ttl"))))
                        .hasItem(),
                "until the sweeper runs, an expired item is still returned");
        assertEquals(1, ddb.sweep());
        assertFalse(ddb.getItem(b -> b.tableName("events").key(item("id", s("before-ttl"))))
                .hasItem());
        assertTrue(ddb.getItem(b -> b.tableName("events").key(item("id", s("later"))))
                .hasItem());
        assertTrue(
                ddb.getItem(b -> b.tableName("events").key(item("id", s("text-ttl"))))
                        .hasItem(),
                "a non-number TTL attribute is ignored");
        assertTrue(
                ddb.getItem(b -> b.tableName("events").key(item("id", s("ancient"))))
                        .hasItem(),
                "expiries more than five years in the past are not deleted");
        assertEquals(1, seen.size());
        assertTrue(seen.getFirst().byTtl());

        Record ttlRecord = readAll(arn, ShardIteratorType.TRIM_HORIZON).getLast();
        assertEquals(OperationType.REMOVE, ttlRecord.eventName());
        assertEquals("Service", ttlRecord.userIdentity().type());
        assertEquals("dynamodb.amazonaws.com", ttlRecord.userIdentity().principalId());
    }
}
