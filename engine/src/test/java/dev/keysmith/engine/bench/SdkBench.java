package dev.keysmith.engine.bench;

import com.amazonaws.services.dynamodbv2.local.main.ServerRunner;
import com.amazonaws.services.dynamodbv2.local.server.DynamoDBProxyServer;
import dev.keysmith.engine.EngineConfig;
import dev.keysmith.engine.KeysmithEngine;
import dev.keysmith.engine.wire.WireConfig;
import dev.keysmith.engine.wire.WireServer;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * The same workload through the AWS SDK for Java v2 (Apache HTTP client) against three endpoints in one run: Keysmith
 * on disk, DynamoDB Local 2.6.1 on disk ({@code -dbPath}), and a stub that answers correctly and does no work (the
 * ceiling any endpoint can show while the client shares the machine's cores). Prints ops/s, p50 and p99, CPU per
 * operation and the ratios. Each workload first runs once, unmeasured, against every endpoint, to compile the code.
 * Workloads: PutItem and GetItem of 1 KB items, a Query returning 100 items, and BatchWriteItem of 25 new 1 KB items into
 * a table with two GSIs (its ops/s are calls: 25 items each).
 *
 * <p>Run: {@code mvn -B -q -pl engine -am test-compile && mvn -B -q -pl engine exec:java
 * -Dexec.classpathScope=test -Dexec.mainClass=dev.keysmith.engine.bench.SdkBench [-Dexec.args="10 1,8"]} (seconds per
 * measurement, client thread counts, and optionally the workloads to run, e.g. {@code QUERY100,GET}: all by default).
 */
public final class SdkBench {
    private static final String TABLE = "bench";
    private static final String BULK_TABLE = "bulk";
    private static final int PARTITION_ITEMS = 100;

    private SdkBench() {}

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        int[] threads = args.length > 1
                ? Arrays.stream(args[1].split(",")).mapToInt(Integer::parseInt).toArray()
                : new int[] {1, 8};
        List<Workload> workloads = args.length > 2
                ? Arrays.stream(args[2].split(",")).map(Workload::valueOf).toList()
                : List.of(Workload.values());
        Path root = Files.createTempDirectory("keysmith-bench");
        List<String> report = new ArrayList<>();
        try (KeysmithEngine engine = KeysmithEngine.open(EngineConfig.onDisk(root.resolve("keysmith")));
                WireServer keysmith = WireServer.start(engine, null, WireConfig.defaults(0));
                WireServer stub = WireServer.start(new StubDynamo(), null, WireConfig.defaults(0))) {
            Files.createDirectories(root.resolve("ddblocal"));
            int localPort = freePort();
            DynamoDBProxyServer local = ServerRunner.createServerFromCommandLineArgs(new String[] {
                "-dbPath", root.resolve("ddblocal").toString(), "-port", String.valueOf(localPort), "-disableTelemetry"
            });
            local.start();
            try {
                Map<String, URI> endpoints = new java.util.LinkedHashMap<>();
                endpoints.put("keysmith", keysmith.endpoint());
                endpoints.put("ddb-local", URI.create("http://127.0.0.1:" + localPort));
                endpoints.put("no-work", stub.endpoint());
                for (var e : endpoints.entrySet()) {
                    if (!e.getKey().equals("no-work")) {
                        setUp(client(e.getValue(), 8));
                    }
                }
                // Client and endpoints share one JVM, whose JIT compiles (and sometimes recompiles) the code of
                // both as it runs: one unmeasured pass over every endpoint first, so that the endpoint measured
                // first is not charged for compiling what all the others then use.
                for (Workload w : workloads) {
                    for (var e : endpoints.entrySet()) {
                        run("warm-up " + e.getKey(), e.getValue(), w, 1, Math.max(2, seconds / 2));
                    }
                }
                for (Workload w : workloads) {
                    for (int t : threads) {
                        Result[] results = new Result[3];
                        int i = 0;
                        for (var e : endpoints.entrySet()) {
                            results[i++] = run(e.getKey(), e.getValue(), w, t, seconds);
                        }
                        String line = String.format(
                                "%-8s threads=%d  %s | %s | %s | keysmith/ddb-local %.2fx, keysmith/no-work %.0f%%",
                                w,
                                t,
                                results[0],
                                results[1],
                                results[2],
                                results[0].opsPerSec / results[1].opsPerSec,
                                100 * results[0].opsPerSec / results[2].opsPerSec);
                        System.out.println(line);
                        report.add(line);
                    }
                }
            } finally {
                local.stop();
            }
        }
        System.out.println();
        report.forEach(System.out::println);
        System.exit(0);
    }

    enum Workload {
        PUT,
        GET,
        QUERY100,
        /** BatchWriteItem of 25 new 1 KB items into a table with two GSIs (one KEYS_ONLY, one ALL): a bulk load. */
        BULK25
    }

    /**
     * One measurement. Per operation: {@code clientCpuMicros} is the CPU the client threads used, {@code
     * serverCpuMicros} the CPU of the process's other Java threads (the endpoint's, plus whatever idle endpoints do in
     * the background; GC and JIT threads are not counted). CPU time, unlike ops/s, hardly depends on what else the
     * machine is running.
     */
    record Result(
            String name,
            double opsPerSec,
            double p50Micros,
            double p99Micros,
            double clientCpuMicros,
            double serverCpuMicros) {
        @Override
        public String toString() {
            return String.format(
                    "%s %,.0f ops/s p50 %.0f us p99 %.0f us cpu/op client %.0f us server %.0f us",
                    name, opsPerSec, p50Micros, p99Micros, clientCpuMicros, serverCpuMicros);
        }
    }

    static Result run(String name, URI endpoint, Workload w, int threads, int seconds) throws InterruptedException {
        DynamoDbClient client = client(endpoint, threads);
        String payload = "x".repeat(1000);
        // warm-up, then measure
        for (int phase = 0; phase < 2; phase++) {
            long durationNanos = (phase == 0 ? Math.max(2, seconds / 3) : seconds) * 1_000_000_000L;
            AtomicBoolean stop = new AtomicBoolean();
            CountDownLatch done = new CountDownLatch(threads);
            long[][] latencies = new long[threads][];
            int[] counts = new int[threads];
            long[] clientCpu = new long[threads];
            Map<Long, Long> cpuBefore = threadCpu();
            List<Thread> clients = new ArrayList<>();
            int round = phase;
            for (int t = 0; t < threads; t++) {
                int id = t;
                clients.add(Thread.ofPlatform().start(() -> {
                    long[] lat = new long[1 << 20];
                    int n = 0;
                    Random random = new Random(id);
                    String loader = name + "-" + threads + "-" + round + "-" + id + "-";
                    while (!stop.get()) {
                        long s = System.nanoTime();
                        switch (w) {
                            case PUT ->
                                client.putItem(b -> b.tableName(TABLE)
                                        .item(Map.of(
                                                "pk", AttributeValue.fromS("p" + random.nextInt(100_000)),
                                                "sk", AttributeValue.fromN(String.valueOf(random.nextInt(1000))),
                                                "data", AttributeValue.fromS(payload))));
                            case GET ->
                                client.getItem(b -> b.tableName(TABLE)
                                        .key(Map.of(
                                                "pk", AttributeValue.fromS("q" + random.nextInt(10)),
                                                "sk",
                                                        AttributeValue.fromN(
                                                                String.valueOf(random.nextInt(PARTITION_ITEMS))))));
                            case BULK25 -> {
                                List<WriteRequest> batch = new ArrayList<>(25);
                                for (int j = 0; j < 25; j++) {
                                    int k = n * 25 + j;
                                    batch.add(WriteRequest.builder()
                                            .putRequest(p -> p.item(Map.of(
                                                    "pk", AttributeValue.fromS(loader + k),
                                                    "g1", AttributeValue.fromS("g" + k % 1000),
                                                    "g2", AttributeValue.fromN(String.valueOf(k % 5000)),
                                                    "data", AttributeValue.fromS(payload))))
                                            .build());
                                }
                                client.batchWriteItem(b -> b.requestItems(Map.of(BULK_TABLE, batch)));
                            }
                            case QUERY100 ->
                                client.query(b -> b.tableName(TABLE)
                                        .keyConditionExpression("pk = :p")
                                        .expressionAttributeValues(
                                                Map.of(":p", AttributeValue.fromS("q" + random.nextInt(10)))));
                        }
                        if (n < lat.length) {
                            lat[n] = System.nanoTime() - s;
                        }
                        n++;
                    }
                    latencies[id] = lat;
                    counts[id] = n;
                    clientCpu[id] = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
                    done.countDown();
                }));
            }
            long start = System.nanoTime();
            Thread.sleep(durationNanos / 1_000_000);
            stop.set(true);
            done.await();
            long elapsed = System.nanoTime() - start;
            Map<Long, Long> cpuAfter = threadCpu();
            long otherCpu = 0;
            clients.forEach(c -> cpuAfter.remove(c.threadId()));
            for (var e : cpuAfter.entrySet()) {
                Long before = cpuBefore.get(e.getKey());
                otherCpu += e.getValue() - (before == null ? 0 : before);
            }
            if (phase == 1) {
                long total = 0;
                List<Long> all = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    total += counts[t];
                    for (int k = 0; k < Math.min(counts[t], latencies[t].length); k++) {
                        all.add(latencies[t][k]);
                    }
                }
                all.sort(null);
                client.close();
                return new Result(
                        name,
                        total * 1e9 / elapsed,
                        all.get(all.size() / 2) / 1000.0,
                        all.get((int) (all.size() * 0.99)) / 1000.0,
                        Arrays.stream(clientCpu).sum() / 1000.0 / total,
                        otherCpu / 1000.0 / total);
            }
        }
        throw new IllegalStateException();
    }

    /** The CPU time of every live thread (the client threads have ended when this is called after a run). */
    private static Map<Long, Long> threadCpu() {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        Map<Long, Long> cpu = new java.util.HashMap<>();
        for (long id : mx.getAllThreadIds()) {
            long nanos = mx.getThreadCpuTime(id);
            if (nanos >= 0) {
                cpu.put(id, nanos);
            }
        }
        return cpu;
    }

    public static void setUp(DynamoDbClient client) {
        client.createTable(b -> b.tableName(TABLE)
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
        String payload = "y".repeat(200);
        for (int p = 0; p < 10; p++) {
            for (int s = 0; s < PARTITION_ITEMS; s++) {
                int pp = p;
                int ss = s;
                client.putItem(b -> b.tableName(TABLE)
                        .item(Map.of(
                                "pk", AttributeValue.fromS("q" + pp),
                                "sk", AttributeValue.fromN(String.valueOf(ss)),
                                "data", AttributeValue.fromS(payload))));
            }
        }
        client.createTable(b -> b.tableName(BULK_TABLE)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .keySchema(k -> k.attributeName("pk").keyType(KeyType.HASH))
                .attributeDefinitions(
                        a -> a.attributeName("pk").attributeType(ScalarAttributeType.S),
                        a -> a.attributeName("g1").attributeType(ScalarAttributeType.S),
                        a -> a.attributeName("g2").attributeType(ScalarAttributeType.N))
                .globalSecondaryIndexes(
                        g -> g.indexName("GSI1")
                                .keySchema(k -> k.attributeName("g1").keyType(KeyType.HASH))
                                .projection(p -> p.projectionType(ProjectionType.KEYS_ONLY)),
                        g -> g.indexName("GSI2")
                                .keySchema(k -> k.attributeName("g2").keyType(KeyType.HASH))
                                .projection(p -> p.projectionType(ProjectionType.ALL))));
        client.close();
    }

    public static DynamoDbClient client(URI endpoint, int threads) {
        return DynamoDbClient.builder()
                .endpointOverride(endpoint)
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("bench", "bench")))
                .httpClient(ApacheHttpClient.builder()
                        .maxConnections(Math.max(threads, 2))
                        .build())
                .build();
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
