package dev.keysmith.engine.bench;

import com.sun.management.OperatingSystemMXBean;
import dev.keysmith.engine.EngineConfig;
import dev.keysmith.engine.KeysmithEngine;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.IndexStatus;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * The background backfill of a global secondary index added by UpdateTable to a table that already holds N items of
 * about 1 KB, on disk: loads the table with BatchWriteItem (25 items a call), adds a GSI (on a string attribute with
 * 1,000 distinct values, projection ALL by default), and times from UpdateTable's return until DescribeTable shows
 * the index ACTIVE. Prints items/s of wall-clock time and per CPU-second of the backfill thread and of the whole
 * process (steadier when other processes share the machine).
 *
 * <p>Run: {@code mvn -B -q -pl engine exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=dev.keysmith.engine.bench.BackfillBench [-Dexec.args="1000000 ALL [writes]"]} (items, projection
 * type: ALL or KEYS_ONLY; with {@code writes}, one more thread puts items back one at a time during the backfill and
 * the latency of its PutItem calls is printed: the backfill then has less of the machine to itself).
 */
public final class BackfillBench {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final OperatingSystemMXBean OS =
            (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private BackfillBench() {}

    public static void main(String[] args) throws Exception {
        int items = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        ProjectionType projection = args.length > 1 ? ProjectionType.fromValue(args[1]) : ProjectionType.ALL;
        boolean withWrites = args.length > 2 && args[2].equals("writes");
        Path dir = Files.createTempDirectory("keysmith-backfill-bench");
        System.out.println("data folder (delete it afterwards): " + dir);
        try (KeysmithEngine ddb = KeysmithEngine.open(EngineConfig.onDisk(dir))) {
            ddb.createTable(b -> b.tableName("bench")
                    .billingMode(BillingMode.PAY_PER_REQUEST)
                    .keySchema(key("pk"))
                    .attributeDefinitions(definition("pk")));
            long load0 = System.nanoTime();
            load(ddb, items);
            double loadSeconds = (System.nanoTime() - load0) / 1e9;
            System.out.printf("loaded %,d items in %.1f s (%,.0f items/s)%n", items, loadSeconds, items / loadSeconds);

            long cpu0 = OS.getProcessCpuTime();
            long t0 = System.nanoTime();
            ddb.updateTable(b -> b.tableName("bench")
                    .attributeDefinitions(definition("g"))
                    .globalSecondaryIndexUpdates(u -> u.create(c ->
                            c.indexName("byG").keySchema(key("g")).projection(p -> p.projectionType(projection)))));
            LatencyProbe probe = withWrites ? LatencyProbe.start(ddb, items) : null;
            Thread backfill = null;
            long backfillThreadCpu = 0;
            GlobalSecondaryIndexDescription index;
            while (true) {
                if (backfill == null) {
                    backfill = backfillThread();
                } else {
                    backfillThreadCpu = Math.max(backfillThreadCpu, THREADS.getThreadCpuTime(backfill.threadId()));
                }
                index = ddb.describeTable(b -> b.tableName("bench"))
                        .table()
                        .globalSecondaryIndexes()
                        .getFirst();
                if (index.indexStatus() == IndexStatus.ACTIVE) {
                    break;
                }
                Thread.sleep(5);
            }
            long wall = System.nanoTime() - t0;
            long cpu = OS.getProcessCpuTime() - cpu0;
            if (probe != null) {
                probe.stop();
            }
            if (index.itemCount() != items) {
                throw new IllegalStateException("the index has " + index.itemCount() + " entries, not " + items);
            }
            System.out.println();
            System.out.printf(
                    "GSI backfill of %,d x 1 KB items (projection %s): %.2f s, %,.0f items/s wall, %,.0f items/s per"
                            + " CPU-second of the backfill thread (at least %.1f s), %,.0f items/s per CPU-second of"
                            + " the process (%.1f s)%n",
                    items,
                    projection,
                    wall / 1e9,
                    items * 1e9 / wall,
                    items * 1e9 / backfillThreadCpu,
                    backfillThreadCpu / 1e9,
                    items * 1e9 / cpu,
                    cpu / 1e9);
            if (probe != null) {
                probe.report();
            }
        }
        System.exit(0);
    }

    private static void load(KeysmithEngine ddb, int items) {
        String payload = "x".repeat(1000);
        for (int i = 0; i < items; i += 25) {
            List<WriteRequest> batch = new ArrayList<>(25);
            for (int n = i; n < Math.min(items, i + 25); n++) {
                batch.add(WriteRequest.builder()
                        .putRequest(PutRequest.builder()
                                .item(Map.of(
                                        "pk", AttributeValue.fromS("item" + n),
                                        "g", AttributeValue.fromS("g" + n % 1000),
                                        "data", AttributeValue.fromS(payload)))
                                .build())
                        .build());
            }
            ddb.batchWriteItem(b -> b.requestItems(Map.of("bench", batch)));
        }
    }

    /** One thread putting existing items back one at a time while the backfill runs, timing each PutItem. */
    private static final class LatencyProbe implements Runnable {
        private final KeysmithEngine ddb;
        private final int items;
        private final long[] nanos = new long[1_000_000];
        private int writes;
        private volatile boolean stop;
        private @Nullable Thread thread;

        private LatencyProbe(KeysmithEngine ddb, int items) {
            this.ddb = ddb;
            this.items = items;
        }

        static LatencyProbe start(KeysmithEngine ddb, int items) {
            LatencyProbe probe = new LatencyProbe(ddb, items);
            probe.thread = Thread.ofPlatform().name("backfill-bench-writer").start(probe);
            return probe;
        }

        @Override
        public void run() {
            String payload = "y".repeat(1000);
            Random random = new Random(7);
            while (!stop && writes < nanos.length) {
                int n = random.nextInt(items);
                long t0 = System.nanoTime();
                ddb.putItem(b -> b.tableName("bench")
                        .item(Map.of(
                                "pk", AttributeValue.fromS("item" + n),
                                "g", AttributeValue.fromS("g" + (n + 1) % 1000),
                                "data", AttributeValue.fromS(payload))));
                nanos[writes++] = System.nanoTime() - t0;
            }
        }

        void stop() throws InterruptedException {
            stop = true;
            if (thread != null) {
                thread.join();
            }
        }

        void report() {
            long[] sorted = Arrays.copyOf(nanos, writes);
            Arrays.sort(sorted);
            System.out.printf(
                    "PutItem 1 KB from one thread during the backfill: %,d writes, latency p50 %.2f ms, p99 %.2f ms,"
                            + " max %.2f ms%n",
                    writes, at(sorted, 0.50) / 1e6, at(sorted, 0.99) / 1e6, at(sorted, 1.0) / 1e6);
        }

        private static long at(long[] sorted, double p) {
            return sorted.length == 0 ? 0 : sorted[(int) Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)];
        }
    }

    /** The engine's backfill thread (it lives as long as the engine), or null before it starts. */
    private static @Nullable Thread backfillThread() {
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().equals("keysmith-backfill")) {
                return t;
            }
        }
        return null;
    }

    private static KeySchemaElement key(String name) {
        return KeySchemaElement.builder()
                .attributeName(name)
                .keyType(KeyType.HASH)
                .build();
    }

    private static AttributeDefinition definition(String name) {
        return AttributeDefinition.builder()
                .attributeName(name)
                .attributeType(ScalarAttributeType.S)
                .build();
    }
}
