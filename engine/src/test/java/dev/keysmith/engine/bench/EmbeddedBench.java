package dev.keysmith.engine.bench;

import dev.keysmith.engine.EngineConfig;
import dev.keysmith.engine.KeysmithEngine;
import dev.keysmith.engine.storage.BufferedStorage;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.IntConsumer;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * The embedded engine (no HTTP) on disk: GetItem and PutItem of 1 KB items and Query of 100 items on one thread (a
 * quick look; {@link EngineBenchmark} measures these with JMH), then a BatchWriteItem bulk load of new 1 KB items into a
 * table with two GSIs (one KEYS_ONLY, one ALL), from one thread and then from four (a parallel loader, whose
 * concurrent batches the engine commits together). Prints wall-clock rates, and per CPU-second of the benchmark
 * thread for the single-threaded ones (steadier when other processes share the machine).
 *
 * <p>Run: {@code mvn -B -q -pl engine exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=dev.keysmith.engine.bench.EmbeddedBench [-Dexec.args="200000 1000000"]} (ops per measurement,
 * items for the bulk load).
 */
public final class EmbeddedBench {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final com.sun.management.OperatingSystemMXBean PROCESS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private EmbeddedBench() {}

    public static void main(String[] args) throws Exception {
        int ops = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        int bulk = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
        Path dir = Files.createTempDirectory("keysmith-embedded-bench");
        List<String> report = new ArrayList<>();
        try (KeysmithEngine ddb = KeysmithEngine.open(EngineConfig.onDisk(dir))) {
            ddb.createTable(b -> b.tableName("bench")
                    .billingMode(BillingMode.PAY_PER_REQUEST)
                    .keySchema(
                            KeySchemaElement.builder()
                                    .attributeName("pk")
                                    .keyType(KeyType.HASH)
                                    .build(),
                            KeySchemaElement.builder()
                                    .attributeName("sk")
                                    .keyType(KeyType.RANGE)
                                    .build())
                    .attributeDefinitions(
                            AttributeDefinition.builder()
                                    .attributeName("pk")
                                    .attributeType(ScalarAttributeType.S)
                                    .build(),
                            AttributeDefinition.builder()
                                    .attributeName("sk")
                                    .attributeType(ScalarAttributeType.N)
                                    .build()));
            String payload = "x".repeat(1000);
            Random random = new Random(1);
            int keys = 10_000;
            report.add(measure(
                    "PutItem 1 KB",
                    ops,
                    i -> ddb.putItem(b -> b.tableName("bench")
                            .item(Map.of(
                                    "pk", AttributeValue.fromS("p" + (i % keys) / 100),
                                    "sk", AttributeValue.fromN(String.valueOf(i % 100)),
                                    "data", AttributeValue.fromS(payload))))));
            report.add(measure("GetItem 1 KB", ops, i -> {
                int k = random.nextInt(keys);
                ddb.getItem(b -> b.tableName("bench")
                        .key(Map.of(
                                "pk", AttributeValue.fromS("p" + k / 100),
                                "sk", AttributeValue.fromN(String.valueOf(k % 100)))));
            }));
            report.add(measure(
                    "Query 100 x 1 KB",
                    ops / 50,
                    i -> ddb.query(b -> b.tableName("bench")
                            .keyConditionExpression("pk = :p")
                            .expressionAttributeValues(
                                    Map.of(":p", AttributeValue.fromS("p" + random.nextInt(keys / 100)))))));

            for (int loaders : new int[] {1, 4}) {
                String table = "bulk" + loaders;
                createBulkTable(ddb, table);
                report.add(bulkLoad(ddb, table, bulk, loaders, payload));
            }
        }
        System.out.println();
        report.forEach(System.out::println);
        System.exit(0);
    }

    /** A table keyed by {@code pk} with two GSIs: GSI1 on {@code g1} (KEYS_ONLY) and GSI2 on {@code g2} (ALL). */
    private static void createBulkTable(KeysmithEngine ddb, String table) {
        ddb.createTable(b -> b.tableName(table)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .keySchema(KeySchemaElement.builder()
                        .attributeName("pk")
                        .keyType(KeyType.HASH)
                        .build())
                .attributeDefinitions(
                        AttributeDefinition.builder()
                                .attributeName("pk")
                                .attributeType(ScalarAttributeType.S)
                                .build(),
                        AttributeDefinition.builder()
                                .attributeName("g1")
                                .attributeType(ScalarAttributeType.S)
                                .build(),
                        AttributeDefinition.builder()
                                .attributeName("g2")
                                .attributeType(ScalarAttributeType.N)
                                .build())
                .globalSecondaryIndexes(
                        g -> g.indexName("GSI1")
                                .keySchema(KeySchemaElement.builder()
                                        .attributeName("g1")
                                        .keyType(KeyType.HASH)
                                        .build())
                                .projection(p -> p.projectionType("KEYS_ONLY")),
                        g -> g.indexName("GSI2")
                                .keySchema(KeySchemaElement.builder()
                                        .attributeName("g2")
                                        .keyType(KeyType.HASH)
                                        .build())
                                .projection(p -> p.projectionType("ALL"))));
    }

    /**
     * Loads {@code items} new items with BatchWriteItem (25 per call) from {@code loaders} threads, each on its own key
     * range, as a parallel bulk loader does; returns the report line.
     */
    private static String bulkLoad(KeysmithEngine ddb, String table, int items, int loaders, String payload)
            throws InterruptedException {
        int calls = items / 25;
        java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
        long cpu0 = PROCESS.getProcessCpuTime();
        long t0 = System.nanoTime();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < loaders; t++) {
            threads.add(Thread.ofPlatform().start(() -> {
                for (int i; (i = next.getAndIncrement()) < calls; ) {
                    List<WriteRequest> batch = new ArrayList<>(25);
                    for (int j = 0; j < 25; j++) {
                        int n = i * 25 + j;
                        batch.add(WriteRequest.builder()
                                .putRequest(PutRequest.builder()
                                        .item(Map.of(
                                                "pk", AttributeValue.fromS("item" + n),
                                                "g1", AttributeValue.fromS("g" + n % 1000),
                                                "g2", AttributeValue.fromN(String.valueOf(n % 5000)),
                                                "data", AttributeValue.fromS(payload)))
                                        .build())
                                .build());
                    }
                    ddb.batchWriteItem(b -> b.requestItems(Map.of(table, batch)));
                }
            }));
        }
        for (Thread t : threads) {
            t.join();
        }
        long wall = System.nanoTime() - t0;
        // every write is acknowledged (in the write-ahead log and visible); also wait until Xodus holds them all
        ((BufferedStorage) ddb.storage()).flush();
        long flushed = System.nanoTime() - t0;
        double cpu = (PROCESS.getProcessCpuTime() - cpu0) / 1e9;
        String line = String.format(
                "%-45s %,12.0f items/s wall  (%,d in %.1f s, %.1f s until all in Xodus; 1,000,000 would take %.0f s;"
                        + " process CPU %.1f s)",
                "BatchWriteItem 25 x 1 KB, 2 GSIs, " + loaders + (loaders == 1 ? " thread" : " threads"),
                items * 1e9 / wall,
                items,
                wall / 1e9,
                flushed / 1e9,
                1_000_000 * (wall / 1e9) / items,
                cpu);
        System.out.println(line);
        return line;
    }

    private static String measure(String name, int ops, IntConsumer op) {
        for (int i = 0; i < Math.min(ops / 10, 20_000); i++) {
            op.accept(ops + i); // warm-up, on keys of its own
        }
        long cpu0 = THREADS.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        for (int i = 0; i < ops; i++) {
            op.accept(i);
        }
        long wall = System.nanoTime() - t0;
        long cpu = THREADS.getCurrentThreadCpuTime() - cpu0;
        long items = ops;
        String line = String.format(
                "%-45s %,12.0f /s wall  %,12.0f /s per CPU-second  (%,d in %.1f s)",
                name, items * 1e9 / wall, items * 1e9 / cpu, items, wall / 1e9);
        System.out.println(line);
        return line;
    }
}
