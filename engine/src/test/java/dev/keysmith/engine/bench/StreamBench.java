package dev.keysmith.engine.bench;

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
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.LockSupport;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsResponse;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * Whether a stream reader keeps up with a steady write load, on disk through the embedded API: writer threads (2 by
 * default; one alone tops out near 5,000 PutItem/s of CPU here, and concurrent writes are group-committed) put 1 KB
 * items (over 20,000 keys, so most writes replace an item and carry both images) at a paced rate into a table with a
 * NEW_AND_OLD_IMAGES stream, while another tails the stream from TRIM_HORIZON with GetRecords (Limit 1000), following
 * a closed shard to its child. Prints writes/s achieved, records/s read, how far the reader was behind (records, and
 * milliseconds from a write's acknowledgement to its record being read: p50, p99, max) and the CPU time of the writers and the reader.
 * A first run of {@value #WARM_UP_SECONDS} seconds on another table warms the JIT up and is not reported. Last, a
 * second reader reads the whole stream again from TRIM_HORIZON as fast as it can: the rate at which a reader that fell
 * behind catches up.
 *
 * <p>Run: {@code mvn -B -q -pl engine exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=dev.keysmith.engine.bench.StreamBench [-Dexec.args="5000 20 2"]} (writes per second, seconds,
 * writer threads).
 */
public final class StreamBench {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final String PAYLOAD = "x".repeat(1000);
    private static final int KEYS = 20_000;
    private static final int WARM_UP_SECONDS = 5;
    /** How long the reader waits after an empty GetRecords before asking again. */
    private static final long IDLE_POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

    private StreamBench() {}

    public static void main(String[] args) throws Exception {
        int rate = args.length > 0 ? Integer.parseInt(args[0]) : 5_000;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        int writers = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        Path dir = Files.createTempDirectory("keysmith-stream-bench");
        System.out.println("data folder (delete it afterwards): " + dir);
        try (KeysmithEngine ddb = KeysmithEngine.open(EngineConfig.onDisk(dir))) {
            run(ddb, "warm-up", rate, WARM_UP_SECONDS, writers); // compiles the hot paths; not reported
            Run measured = run(ddb, "events", rate, seconds, writers);
            System.out.println();
            measured.writer().report();
            measured.reader().report();
            // how fast a reader catches up: the whole stream again from TRIM_HORIZON, as fast as it goes
            Reader catchUp = new Reader(ddb.streams(), measured.arn(), measured.writer());
            catchUp.run();
            catchUp.reportThroughput("catch-up read of the whole stream from TRIM_HORIZON");
        }
        System.exit(0);
    }

    /** Writes to a new table for the given time while a reader tails its stream; returns once all was read. */
    private record Run(String arn, Writer writer, Reader reader) {}

    private static Run run(KeysmithEngine ddb, String table, int rate, int seconds, int writers)
            throws InterruptedException {
        String arn = ddb.createTable(b -> b.tableName(table)
                        .billingMode(BillingMode.PAY_PER_REQUEST)
                        .keySchema(KeySchemaElement.builder()
                                .attributeName("pk")
                                .keyType(KeyType.HASH)
                                .build())
                        .attributeDefinitions(AttributeDefinition.builder()
                                .attributeName("pk")
                                .attributeType(ScalarAttributeType.S)
                                .build())
                        .streamSpecification(
                                s -> s.streamEnabled(true).streamViewType(StreamViewType.NEW_AND_OLD_IMAGES)))
                .tableDescription()
                .latestStreamArn();
        Writer writer = new Writer(ddb, table, rate, seconds, writers);
        Reader reader = new Reader(ddb.streams(), arn, writer);
        Thread readerThread = Thread.ofPlatform().name("stream-reader").start(reader);
        Thread writerThread = Thread.ofPlatform().name("stream-writer").start(writer);
        writerThread.join();
        readerThread.join(TimeUnit.SECONDS.toMillis(30));
        reader.stop = true;
        readerThread.join();
        return new Run(arn, writer, reader);
    }

    /** Puts items at the paced rate for the given time; remembers when each write was acknowledged. */
    private static final class Writer implements Runnable {
        private final KeysmithEngine ddb;
        private final String table;
        private final int rate;
        private final int seconds;
        private final int threads;
        final AtomicLongArray ackNanos;
        final AtomicLong acknowledged = new AtomicLong();
        volatile boolean done;
        private long wall;
        private long cpu;

        Writer(KeysmithEngine ddb, String table, int rate, int seconds, int threads) {
            this.ddb = ddb;
            this.threads = threads;
            this.table = table;
            this.rate = rate;
            this.seconds = seconds;
            this.ackNanos = new AtomicLongArray(rate * seconds + 1);
        }

        @Override
        public void run() {
            long t0 = System.nanoTime();
            long end = t0 + TimeUnit.SECONDS.toNanos(seconds);
            long interval = TimeUnit.SECONDS.toNanos(1) / rate;
            AtomicInteger next = new AtomicInteger();
            AtomicLong cpuTotal = new AtomicLong();
            List<Thread> workers = new ArrayList<>();
            for (int w = 0; w < threads; w++) {
                workers.add(Thread.ofPlatform().name("stream-writer-" + w).start(() -> {
                    long cpu0 = THREADS.getCurrentThreadCpuTime();
                    for (int i; (i = next.getAndIncrement()) < ackNanos.length(); ) {
                        long due = t0 + i * interval;
                        if (due >= end || System.nanoTime() >= end) {
                            break;
                        }
                        long wait = due - System.nanoTime();
                        if (wait > 0) {
                            LockSupport.parkNanos(wait);
                        }
                        int n = i;
                        ddb.putItem(b -> b.tableName(table)
                                .item(Map.of(
                                        "pk", AttributeValue.fromS("k" + n % KEYS),
                                        "seq", AttributeValue.fromN(Integer.toString(n)),
                                        "data", AttributeValue.fromS(PAYLOAD))));
                        ackNanos.set(n, System.nanoTime());
                        acknowledged.incrementAndGet();
                    }
                    cpuTotal.addAndGet(THREADS.getCurrentThreadCpuTime() - cpu0);
                }));
            }
            for (Thread worker : workers) {
                try {
                    worker.join();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            wall = System.nanoTime() - t0;
            cpu = cpuTotal.get();
            done = true;
        }

        void report() {
            long n = acknowledged.get();
            System.out.printf(
                    "writer (%d threads): %,d PutItem 1 KB in %.1f s: %,.0f writes/s (asked %,d/s), %,.0f writes per"
                            + " CPU-second (%.1f s CPU)%n",
                    threads, n, wall / 1e9, n * 1e9 / wall, rate, n * 1e9 / cpu, cpu / 1e9);
        }
    }

    /** Tails the stream until it has read every acknowledged write's record (or is told to stop). */
    private static final class Reader implements Runnable {
        private final DynamoDbStreamsClient streams;
        private final String arn;
        private final Writer writer;
        private final long[] lagNanos;
        private int read;
        private long calls;
        private long emptyCalls;
        private long maxBehind;
        private long wall;
        private long cpu;
        private int shardsRead;
        volatile boolean stop;

        Reader(DynamoDbStreamsClient streams, String arn, Writer writer) {
            this.streams = streams;
            this.arn = arn;
            this.writer = writer;
            this.lagNanos = new long[writer.ackNanos.length()];
        }

        @Override
        public void run() {
            long cpu0 = THREADS.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            Shard shard = streams.describeStream(b -> b.streamArn(arn))
                    .streamDescription()
                    .shards()
                    .getFirst();
            String iterator = iterator(shard);
            shardsRead = 1;
            while (!stop && !(writer.done && read >= writer.acknowledged.get())) {
                if (iterator == null) {
                    // the shard was closed and read to its end: go on with its child
                    shard = child(shard.shardId());
                    if (shard == null) {
                        LockSupport.parkNanos(IDLE_POLL_NANOS);
                        continue;
                    }
                    iterator = iterator(shard);
                    shardsRead++;
                }
                String it = iterator;
                GetRecordsResponse page =
                        streams.getRecords(b -> b.shardIterator(it).limit(1000));
                calls++;
                long now = System.nanoTime();
                maxBehind = Math.max(maxBehind, writer.acknowledged.get() - read);
                for (Record r : page.records()) {
                    int n = Integer.parseInt(r.dynamodb().newImage().get("seq").n());
                    long acked = writer.ackNanos.get(n);
                    // a record can be read before its PutItem call has returned: no lag then
                    lagNanos[read++] = acked == 0 ? 0 : Math.max(0, now - acked);
                }
                if (page.records().isEmpty()) {
                    emptyCalls++;
                    LockSupport.parkNanos(IDLE_POLL_NANOS);
                }
                iterator = page.nextShardIterator();
            }
            wall = System.nanoTime() - t0;
            cpu = THREADS.getCurrentThreadCpuTime() - cpu0;
        }

        private String iterator(Shard shard) {
            return streams.getShardIterator(b ->
                            b.streamArn(arn).shardId(shard.shardId()).shardIteratorType(ShardIteratorType.TRIM_HORIZON))
                    .shardIterator();
        }

        private @Nullable Shard child(String parent) {
            return streams.describeStream(b -> b.streamArn(arn)).streamDescription().shards().stream()
                    .filter(s -> parent.equals(s.parentShardId()))
                    .findFirst()
                    .orElse(null);
        }

        void report() {
            long[] lags = Arrays.copyOf(lagNanos, read);
            Arrays.sort(lags);
            reportThroughput("reader");
            System.out.printf(
                    "lag from write acknowledged to record read: p50 %.2f ms, p99 %.2f ms, max %.2f ms; at most %,d"
                            + " records behind%n",
                    percentile(lags, 0.50) / 1e6, percentile(lags, 0.99) / 1e6, percentile(lags, 1.0) / 1e6, maxBehind);
        }

        void reportThroughput(String what) {
            System.out.printf(
                    "%s: %,d records of %,d writes in %.1f s: %,.0f records/s, %,.0f records per CPU-second"
                            + " (%.1f s CPU), %,d GetRecords calls (%,d empty), %d shard(s)%n",
                    what,
                    read,
                    writer.acknowledged.get(),
                    wall / 1e9,
                    read * 1e9 / wall,
                    read * 1e9 / cpu,
                    cpu / 1e9,
                    calls,
                    emptyCalls,
                    shardsRead);
        }

        private static long percentile(long[] sorted, double p) {
            return sorted.length == 0 ? 0 : sorted[(int) Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)];
        }
    }
}
