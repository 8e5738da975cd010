package dev.keysmith.engine.bench;

import dev.keysmith.engine.EngineConfig;
import dev.keysmith.engine.KeysmithEngine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.runner.RunnerException;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * The embedded engine (no HTTP) on disk, one thread, with JMH's warm-up and forks: GetItem and PutItem of 1 KB items
 * and a Query returning 100 of them, on a table of 100,000 items (1,000 partitions of 100). The targets are
 * 100,000 GetItem/s and 20,000 PutItem/s.
 *
 * <p>Run: {@code mvn -B -q -pl engine test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=dev.keysmith.engine.bench.EngineBenchmark}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = "--sun-misc-unsafe-memory-access=allow")
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Threads(1)
public class EngineBenchmark {
    static final String TABLE = "bench";
    static final int PARTITIONS = 1_000;
    static final int PER_PARTITION = 100;
    private static final AttributeValue PAYLOAD = AttributeValue.fromS("x".repeat(1000));

    private Path dir;
    private KeysmithEngine ddb;
    private final SplittableRandom random = new SplittableRandom(1);
    private long puts;

    @Setup(Level.Trial)
    public void open() throws IOException {
        dir = Files.createTempDirectory("keysmith-jmh");
        ddb = KeysmithEngine.open(EngineConfig.onDisk(dir));
        ddb.createTable(b -> b.tableName(TABLE)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .keySchema(
                        k -> k.attributeName("pk").keyType(KeyType.HASH),
                        k -> k.attributeName("sk").keyType(KeyType.RANGE))
                .attributeDefinitions(
                        a -> a.attributeName("pk").attributeType(ScalarAttributeType.S),
                        a -> a.attributeName("sk").attributeType(ScalarAttributeType.N)));
        for (int p = 0; p < PARTITIONS; p++) {
            for (int s = 0; s < PER_PARTITION; s++) {
                Map<String, AttributeValue> item = item(p, s);
                ddb.putItem(b -> b.tableName(TABLE).item(item));
            }
        }
    }

    private static Map<String, AttributeValue> item(int partition, int sort) {
        return Map.of(
                "pk", AttributeValue.fromS("p" + partition),
                "sk", AttributeValue.fromN(Integer.toString(sort)),
                "data", PAYLOAD);
    }

    @TearDown(Level.Trial)
    public void close() throws IOException {
        ddb.close();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    @Benchmark
    public GetItemResponse getItem() {
        int p = random.nextInt(PARTITIONS);
        int s = random.nextInt(PER_PARTITION);
        return ddb.getItem(b -> b.tableName(TABLE)
                .key(Map.of("pk", AttributeValue.fromS("p" + p), "sk", AttributeValue.fromN(Integer.toString(s)))));
    }

    /** Puts new items (a fresh partition every 100 puts), so the table grows as a bulk of inserts would. */
    @Benchmark
    public PutItemResponse putItem() {
        long n = puts++;
        return ddb.putItem(b ->
                b.tableName(TABLE).item(item(PARTITIONS + (int) (n / PER_PARTITION), (int) (n % PER_PARTITION))));
    }

    @Benchmark
    public QueryResponse query100() {
        int p = random.nextInt(PARTITIONS);
        return ddb.query(b -> b.tableName(TABLE)
                .keyConditionExpression("pk = :p")
                .expressionAttributeValues(Map.of(":p", AttributeValue.fromS("p" + p))));
    }

    public static void main(String[] args) throws RunnerException {
        Jmh.run(EngineBenchmark.class);
    }
}
