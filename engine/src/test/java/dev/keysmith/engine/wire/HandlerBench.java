package dev.keysmith.engine.wire;

import dev.keysmith.engine.EngineConfig;
import dev.keysmith.engine.KeysmithEngine;
import dev.keysmith.engine.bench.SdkBench;
import dev.keysmith.engine.bench.StubDynamo;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The endpoint's own cost of SdkBench's Query100 (a Query returning 100 items) without HTTP or a client: {@link
 * WireHandler#handle} for Keysmith on disk and for the no-work stub, in alternating rounds on one thread. Reports the
 * CPU time per request of the best and the median round, which a busy machine disturbs far less than throughput. Not a
 * test: run it with {@code java -cp <test classpath> dev.keysmith.engine.wire.HandlerBench [rounds] [requests per
 * round]}.
 */
public final class HandlerBench {
    private static final byte[] QUERY100 =
            "{\"TableName\":\"bench\",\"KeyConditionExpression\":\"pk = :p\",\"ExpressionAttributeValues\":{\":p\":{\"S\":\"q3\"}}}"
                    .getBytes(StandardCharsets.UTF_8);

    private HandlerBench() {}

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        int perRound = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
        Path root = Files.createTempDirectory("keysmith-handler-bench");
        try (KeysmithEngine engine = KeysmithEngine.open(EngineConfig.onDisk(root.resolve("keysmith")))) {
            try (WireServer server = WireServer.start(engine, null, WireConfig.defaults(0))) {
                SdkBench.setUp(SdkBench.client(server.endpoint(), 1));
            }
            Map<String, DynamoDbClient> backends = Map.of("keysmith", engine, "no-work", new StubDynamo());
            Map<String, long[]> nanos = new TreeMap<>();
            ThreadMXBean mx = ManagementFactory.getThreadMXBean();
            WireRequest request = query();
            for (int round = 0; round < rounds; round++) {
                for (var backend : backends.entrySet()) {
                    WireHandler handler =
                            new WireHandler(Operations.discover(backend.getValue(), null), null, "us-east-1");
                    long start = mx.getCurrentThreadCpuTime();
                    for (int i = 0; i < perRound; i++) {
                        if (handler.handle(request).status() != 200) {
                            throw new IllegalStateException("Query100 failed on " + backend.getKey());
                        }
                    }
                    nanos.computeIfAbsent(backend.getKey(), k -> new long[rounds])[round] =
                            (mx.getCurrentThreadCpuTime() - start) / perRound;
                }
            }
            for (var e : nanos.entrySet()) {
                // the first half of the rounds warms the JIT up
                long[] measured = Arrays.copyOfRange(e.getValue(), rounds / 2, rounds);
                Arrays.sort(measured);
                System.out.printf(
                        "Query100 handler CPU per request: %-8s best %4d us, median %4d us%n",
                        e.getKey(), measured[0] / 1000, measured[measured.length / 2] / 1000);
            }
        }
    }

    private static WireRequest query() {
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.put("Content-Type", List.of(WireHandler.AMZ_JSON));
        headers.put("X-Amz-Target", List.of(Operations.DYNAMODB_PREFIX + "Query"));
        return new WireRequest("POST", "/", null, headers, QUERY100);
    }
}
