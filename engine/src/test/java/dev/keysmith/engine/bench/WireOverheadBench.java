package dev.keysmith.engine.bench;

import dev.keysmith.engine.wire.WireConfig;
import dev.keysmith.engine.wire.WireServer;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * The ceiling of the wire endpoint: a backend that does no work (canned GetItem/PutItem/Query answers) behind a
 * {@link WireServer}, driven by the real AWS SDK client over the Apache HTTP client with 1 and 8 threads. Not a test:
 * run it with {@code java -cp <test classpath> dev.keysmith.engine.bench.WireOverheadBench [seconds per run]}.
 */
public final class WireOverheadBench {
    private static final Map<String, AttributeValue> KEY =
            Map.of("pk", AttributeValue.fromS("q1"), "sk", AttributeValue.fromN("7"));
    private static final Map<String, AttributeValue> ITEM = Map.of(
            "pk",
            AttributeValue.fromS("q1"),
            "sk",
            AttributeValue.fromN("7"),
            "data",
            AttributeValue.fromS("y".repeat(200)));

    private WireOverheadBench() {}

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        try (WireServer server = WireServer.start(new CannedDynamo(), null, WireConfig.defaults(0));
                DynamoDbClient client = DynamoDbClient.builder()
                        .endpointOverride(server.endpoint())
                        .region(Region.US_EAST_1)
                        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("k", "s")))
                        .httpClient(
                                ApacheHttpClient.builder().maxConnections(32).build())
                        .build()) {
            Map<String, Consumer<DynamoDbClient>> operations = Map.of(
                    "GetItem", c -> c.getItem(b -> b.tableName("bench").key(KEY)),
                    "PutItem", c -> c.putItem(b -> b.tableName("bench").item(ITEM)),
                    "Query",
                            c -> c.query(b -> b.tableName("bench")
                                    .keyConditionExpression("pk = :p")
                                    .expressionAttributeValues(Map.of(":p", AttributeValue.fromS("q1")))));
            System.out.printf("wire overhead (no-work backend), %d s per run%n", seconds);
            for (int threads : new int[] {1, 8}) {
                Consumer<DynamoDbClient> raw = rawGetItem(server);
                run(client, raw, threads, Math.max(1, seconds / 2));
                report("raw-HTTP", threads, run(client, raw, threads, seconds));
            }
            for (int threads : new int[] {1, 8}) {
                for (String name : List.of("GetItem", "PutItem", "Query")) {
                    run(client, operations.get(name), threads, Math.max(1, seconds / 2)); // warm-up
                    report(name, threads, run(client, operations.get(name), threads, seconds));
                }
            }
        }
    }

    private static void report(String name, int threads, Result result) {
        System.out.printf(
                "%-8s threads=%d  %8.0f ops/s  p50=%6.3f ms  p99=%6.3f ms  cpu=%5.0f us/op%n",
                name, threads, result.opsPerSecond, result.p50Millis, result.p99Millis, result.cpuMicrosPerOp);
    }

    /**
     * A GetItem sent as prebuilt bytes over one keep-alive socket per thread: the endpoint's own cost, without the
     * SDK client's (signing, marshalling, Apache HTTP client).
     */
    private static Consumer<DynamoDbClient> rawGetItem(WireServer server) {
        byte[] body = "{\"TableName\":\"bench\",\"Key\":{\"pk\":{\"S\":\"q1\"},\"sk\":{\"N\":\"7\"}}}"
                .getBytes(StandardCharsets.UTF_8);
        byte[] request = ("POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-amz-json-1.0\r\n"
                        + "X-Amz-Target: DynamoDB_20120810.GetItem\r\nContent-Length: " + body.length + "\r\n\r\n"
                        + new String(body, StandardCharsets.UTF_8))
                .getBytes(StandardCharsets.UTF_8);
        ThreadLocal<Socket> sockets = ThreadLocal.withInitial(() -> {
            try {
                return new Socket(server.endpoint().getHost(), server.port());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        ThreadLocal<InputStream> inputs = ThreadLocal.withInitial(() -> {
            try {
                return new BufferedInputStream(sockets.get().getInputStream());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        return unused -> {
            try {
                sockets.get().getOutputStream().write(request);
                InputStream in = inputs.get();
                int length = 0;
                StringBuilder line = new StringBuilder();
                while (true) {
                    int next = in.read();
                    if (next == '\n') {
                        String header = line.toString().trim();
                        if (header.isEmpty()) {
                            break;
                        }
                        if (header.regionMatches(true, 0, "Content-Length:", 0, 15)) {
                            length = Integer.parseInt(header.substring(15).trim());
                        }
                        line.setLength(0);
                    } else if (next < 0) {
                        throw new IOException("connection closed");
                    } else {
                        line.append((char) next);
                    }
                }
                in.readNBytes(length);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
    }

    /** Throughput, latency, and the CPU time of the whole process (SDK client and server) per operation. */
    private record Result(double opsPerSecond, double p50Millis, double p99Millis, double cpuMicrosPerOp) {}

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static Result run(DynamoDbClient client, Consumer<DynamoDbClient> operation, int threads, int seconds)
            throws InterruptedException {
        long cpuBefore = processCpuNanos();
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        List<long[]> latencies = new ArrayList<>();
        int[] counts = new int[threads];
        CountDownLatch done = new CountDownLatch(threads);
        for (int t = 0; t < threads; t++) {
            long[] samples = new long[500_000];
            latencies.add(samples);
            int index = t;
            Thread.ofPlatform().start(() -> {
                int n = 0;
                while (System.nanoTime() < deadline && n < samples.length) {
                    long start = System.nanoTime();
                    operation.accept(client);
                    samples[n++] = System.nanoTime() - start;
                }
                counts[index] = n;
                done.countDown();
            });
        }
        done.await();
        long cpu = processCpuNanos() - cpuBefore;
        int total = Arrays.stream(counts).sum();
        long[] all = new long[total];
        int offset = 0;
        for (int t = 0; t < threads; t++) {
            System.arraycopy(latencies.get(t), 0, all, offset, counts[t]);
            offset += counts[t];
        }
        Arrays.sort(all);
        return new Result(
                total / (double) seconds,
                all[total / 2] / 1e6,
                all[Math.min(total - 1, (int) (total * 0.99))] / 1e6,
                cpu / 1e3 / total);
    }

    /** Answers instantly with correct, prebuilt responses. */
    private static final class CannedDynamo implements DynamoDbClient {
        private final GetItemResponse get = GetItemResponse.builder().item(ITEM).build();
        private final PutItemResponse put = PutItemResponse.builder().build();
        private final QueryResponse query;

        CannedDynamo() {
            List<Map<String, AttributeValue>> items = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                items.add(Map.of(
                        "pk", AttributeValue.fromS("q1"),
                        "sk", AttributeValue.fromN(Integer.toString(i)),
                        "data", AttributeValue.fromS("y".repeat(200))));
            }
            query = QueryResponse.builder()
                    .items(items)
                    .count(10)
                    .scannedCount(10)
                    .build();
        }

        @Override
        public GetItemResponse getItem(GetItemRequest request) {
            return get;
        }

        @Override
        public PutItemResponse putItem(PutItemRequest request) {
            return put;
        }

        @Override
        public QueryResponse query(QueryRequest request) {
            return query;
        }

        @Override
        public String serviceName() {
            return "dynamodb";
        }

        @Override
        public void close() {}
    }
}
