package dev.keysmith.engine.stream;

import dev.keysmith.engine.error.Errors;
import dev.keysmith.engine.storage.ReadTx;
import dev.keysmith.engine.storage.Storage;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.DescribeStreamRequest;
import software.amazon.awssdk.services.dynamodb.model.DescribeStreamResponse;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsRequest;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsResponse;
import software.amazon.awssdk.services.dynamodb.model.GetShardIteratorRequest;
import software.amazon.awssdk.services.dynamodb.model.GetShardIteratorResponse;
import software.amazon.awssdk.services.dynamodb.model.Identity;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ListStreamsRequest;
import software.amazon.awssdk.services.dynamodb.model.ListStreamsResponse;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.SequenceNumberRange;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.StreamDescription;
import software.amazon.awssdk.services.dynamodb.model.StreamRecord;
import software.amazon.awssdk.services.dynamodb.model.StreamStatus;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * The DynamoDB Streams API over the engine's stream log: ListStreams, DescribeStream, GetShardIterator (all four
 * iterator types) and GetRecords. Shard iterators are opaque, expire after 15 minutes, and a closed shard that has
 * been read to its end returns no NextShardIterator.
 */
public final class KeysmithStreams implements DynamoDbStreamsClient {
    static final Duration ITERATOR_LIFETIME = Duration.ofMinutes(15);
    static final int MAX_RECORDS = 1000;
    static final long MAX_BYTES = 1024 * 1024;

    private final Storage storage;
    private final StreamLog log;
    private final Clock clock;

    public KeysmithStreams(Storage storage, StreamLog log, Clock clock) {
        this.storage = storage;
        this.log = log;
        this.clock = clock;
    }

    @Override
    public String serviceName() {
        return SERVICE_NAME;
    }

    @Override
    public void close() {}

    @Override
    public ListStreamsResponse listStreams(ListStreamsRequest request) {
        int limit = request.limit() == null ? 100 : request.limit();
        if (limit < 1 || limit > 100) {
            throw Errors.validation("1 validation error detected: Value '" + limit + "' at 'limit' failed to satisfy"
                    + " constraint: Member must have value "
                    + (limit < 1 ? "greater than or equal to 1" : "less than" + " or equal to 100"));
        }
        List<StreamMeta> streams = storage.read(log::all);
        streams.sort(Comparator.comparing(StreamMeta::arn));
        var out = new ArrayList<software.amazon.awssdk.services.dynamodb.model.Stream>();
        String last = null;
        for (StreamMeta m : streams) {
            if (request.tableName() != null && !request.tableName().equals(m.tableName())) {
                continue;
            }
            if (request.exclusiveStartStreamArn() != null
                    && m.arn().compareTo(request.exclusiveStartStreamArn()) <= 0) {
                continue;
            }
            if (out.size() == limit) {
                break;
            }
            out.add(software.amazon.awssdk.services.dynamodb.model.Stream.builder()
                    .streamArn(m.arn())
                    .tableName(m.tableName())
                    .streamLabel(m.label())
                    .build());
            last = m.arn();
        }
        var response = ListStreamsResponse.builder().streams(out);
        boolean more = out.size() == limit
                && streams.stream()
                        .anyMatch(m -> (request.tableName() == null
                                        || request.tableName().equals(m.tableName()))
                                && m.arn().compareTo(out.getLast().streamArn()) > 0);
        if (more) {
            response.lastEvaluatedStreamArn(last);
        }
        return response.build();
    }

    @Override
    public DescribeStreamResponse describeStream(DescribeStreamRequest request) {
        StreamMeta meta = require(request.streamArn());
        int limit = request.limit() == null ? 100 : request.limit();
        List<Shard> shards = new ArrayList<>();
        String lastShard = null;
        boolean started = request.exclusiveStartShardId() == null;
        for (ShardInfo s : meta.shards()) {
            if (!started) {
                started = s.shardId().equals(request.exclusiveStartShardId());
                continue;
            }
            if (shards.size() == limit) {
                lastShard = shards.getLast().shardId();
                break;
            }
            var range =
                    SequenceNumberRange.builder().startingSequenceNumber(StreamLog.formatSequence(s.startSequence()));
            if (!s.open()) {
                range.endingSequenceNumber(StreamLog.formatSequence(s.endSequence()));
            }
            shards.add(Shard.builder()
                    .shardId(s.shardId())
                    .parentShardId(s.parentShardId())
                    .sequenceNumberRange(range.build())
                    .build());
        }
        List<KeySchemaElement> keySchema = new ArrayList<>();
        keySchema.add(KeySchemaElement.builder()
                .attributeName(meta.hashKey())
                .keyType(KeyType.HASH)
                .build());
        if (meta.rangeKey() != null) {
            keySchema.add(KeySchemaElement.builder()
                    .attributeName(meta.rangeKey())
                    .keyType(KeyType.RANGE)
                    .build());
        }
        var description = StreamDescription.builder()
                .streamArn(meta.arn())
                .streamLabel(meta.label())
                .streamStatus(meta.enabled() ? StreamStatus.ENABLED : StreamStatus.DISABLED)
                .streamViewType(meta.viewType())
                .creationRequestDateTime(Instant.ofEpochMilli(meta.createdMillis()))
                .tableName(meta.tableName())
                .keySchema(keySchema)
                .shards(shards);
        if (lastShard != null) {
            description.lastEvaluatedShardId(lastShard);
        }
        return DescribeStreamResponse.builder()
                .streamDescription(description.build())
                .build();
    }

    @Override
    public GetShardIteratorResponse getShardIterator(GetShardIteratorRequest request) {
        StreamMeta meta = require(request.streamArn());
        ShardInfo shard = shard(meta, request.shardId());
        ShardIteratorType type = request.shardIteratorType();
        if (type == null || type == ShardIteratorType.UNKNOWN_TO_SDK_VERSION) {
            throw Errors.validation("1 validation error detected: Value '" + request.shardIteratorTypeAsString()
                    + "' at 'shardIteratorType' failed to satisfy constraint: Member must satisfy enum value set:"
                    + " [AFTER_SEQUENCE_NUMBER, LATEST, AT_SEQUENCE_NUMBER, TRIM_HORIZON]");
        }
        long position = switch (type) {
            case TRIM_HORIZON ->
                storage.read(tx -> {
                    long first = log.firstSequenceIn(tx, meta, shard);
                    return first < 0 ? shard.startSequence() : first;
                });
            case LATEST -> shard.open() ? storage.read(log::lastIssuedSequence) + 1 : shard.endSequence() + 1;
            case AT_SEQUENCE_NUMBER, AFTER_SEQUENCE_NUMBER -> {
                if (request.sequenceNumber() == null) {
                    throw Errors.validation(
                            "A sequence number must be provided when the shard iterator type is " + type);
                }
                long seq = parseSequence(request.sequenceNumber());
                if (seq < shard.startSequence() || (!shard.open() && seq > shard.endSequence())) {
                    throw Errors.validation(
                            "Invalid SequenceNumber for ShardIteratorType " + type + " in shard " + shard.shardId());
                }
                long first = storage.read(tx -> log.firstSequenceIn(tx, meta, shard));
                if (first > seq || (first < 0 && seq <= storage.read(log::lastIssuedSequence) && !shard.open())) {
                    throw Errors.of(
                            "TrimmedDataAccessException",
                            "The operation attempted to read past the oldest stream record in a shard.",
                            400);
                }
                yield type == ShardIteratorType.AT_SEQUENCE_NUMBER ? seq : seq + 1;
            }
            case UNKNOWN_TO_SDK_VERSION -> throw new IllegalStateException();
        };
        return GetShardIteratorResponse.builder()
                .shardIterator(Iterator.encode(meta.arn(), shard.shardId(), position, clock.millis()))
                .build();
    }

    @Override
    public GetRecordsResponse getRecords(GetRecordsRequest request) {
        int limit = request.limit() == null ? MAX_RECORDS : request.limit();
        if (limit < 1 || limit > MAX_RECORDS) {
            throw Errors.validation("1 validation error detected: Value '" + limit + "' at 'limit' failed to satisfy"
                    + " constraint: Member must have value "
                    + (limit < 1 ? "greater than or equal to 1" : "less than" + " or equal to 1000"));
        }
        Iterator it = Iterator.decode(request.shardIterator());
        if (clock.millis() - it.issuedMillis() > ITERATOR_LIFETIME.toMillis()) {
            throw Errors.of(
                    "ExpiredIteratorException",
                    "Iterator expired. The iterator was created at time " + Instant.ofEpochMilli(it.issuedMillis())
                            + " while right now it is " + clock.instant() + ".",
                    400);
        }
        // the shard's bounds and its records from one snapshot: a shard closed between two reads would otherwise
        // hand out records of its child shard too
        Page page = storage.read(tx -> {
            StreamMeta found = require(tx, it.streamArn());
            ShardInfo in = shard(found, it.shardId());
            return new Page(found, in, log.read(tx, found, in, it.position(), limit, MAX_BYTES));
        });
        StreamMeta meta = page.meta();
        ShardInfo shard = page.shard();
        List<StoredRecord> stored = page.records();
        List<Record> records = new ArrayList<>(stored.size());
        for (StoredRecord r : stored) {
            records.add(toRecord(meta, r));
        }
        long next = stored.isEmpty() ? it.position() : stored.getLast().sequence() + 1;
        var response = GetRecordsResponse.builder().records(records);
        if (shard.open() || next <= shard.endSequence()) {
            response.nextShardIterator(Iterator.encode(meta.arn(), shard.shardId(), next, clock.millis()));
        }
        return response.build();
    }

    private Record toRecord(StreamMeta meta, StoredRecord r) {
        var streamRecord = StreamRecord.builder()
                .approximateCreationDateTime(Instant.ofEpochSecond(r.timeMillis() / 1000))
                .keys(r.keys())
                .sequenceNumber(StreamLog.formatSequence(r.sequence()))
                .sizeBytes((long) r.sizeBytes())
                .streamViewType(meta.viewType());
        if (r.newImage() != null) {
            streamRecord.newImage(r.newImage());
        }
        if (r.oldImage() != null) {
            streamRecord.oldImage(r.oldImage());
        }
        var record = Record.builder()
                .eventID(r.eventId())
                .eventName(r.kind())
                .eventVersion("1.1")
                .eventSource("aws:dynamodb")
                .awsRegion(log.region())
                .dynamodb(streamRecord.build());
        if (r.byTtl()) {
            record.userIdentity(Identity.builder()
                    .type("Service")
                    .principalId("dynamodb.amazonaws.com")
                    .build());
        }
        return record.build();
    }

    /** What one GetRecords call reads from one snapshot. */
    private record Page(StreamMeta meta, ShardInfo shard, List<StoredRecord> records) {}

    private StreamMeta require(@Nullable String arn) {
        return storage.read(tx -> require(tx, arn));
    }

    private StreamMeta require(ReadTx tx, @Nullable String arn) {
        if (arn == null) {
            throw Errors.validation("1 validation error detected: Value null at 'streamArn' failed to satisfy"
                    + " constraint: Member must not be null");
        }
        StreamMeta meta = log.find(tx, arn);
        if (meta == null) {
            throw Errors.resourceNotFound("Requested resource not found: Stream: " + arn + " not found");
        }
        return meta;
    }

    private static ShardInfo shard(StreamMeta meta, @Nullable String shardId) {
        for (ShardInfo s : meta.shards()) {
            if (s.shardId().equals(shardId)) {
                return s;
            }
        }
        throw Errors.resourceNotFound("Requested resource not found: Shard does not exist");
    }

    private static long parseSequence(String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw Errors.validation("1 validation error detected: Value '" + text + "' at 'sequenceNumber' failed"
                    + " to satisfy constraint: Member must have length greater than or equal to 21");
        }
    }

    /** An opaque shard iterator: where to read next, and when the iterator was issued. */
    record Iterator(String streamArn, String shardId, long position, long issuedMillis) {
        static String encode(String arn, String shardId, long position, long issued) {
            String raw = arn + "|" + shardId + "|" + position + "|" + issued;
            return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
        }

        static Iterator decode(@Nullable String text) {
            if (text == null) {
                throw Errors.validation("1 validation error detected: Value null at 'shardIterator' failed to"
                        + " satisfy constraint: Member must not be null");
            }
            try {
                String[] parts = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8).split("\\|");
                return new Iterator(parts[0], parts[1], Long.parseLong(parts[2]), Long.parseLong(parts[3]));
            } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
                throw Errors.validation("Invalid ShardIterator");
            }
        }
    }
}
