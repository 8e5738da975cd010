package dev.keysmith.engine.differential;

import static org.junit.jupiter.api.Assertions.fail;

import com.amazonaws.services.dynamodbv2.local.shared.access.AmazonDynamoDBLocal;
import dev.keysmith.engine.EngineConfig;
import dev.keysmith.engine.KeysmithEngine;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Random sequences of data-plane requests run against Keysmith and DynamoDB Local 2.6.1 side by side; after every step
 * both answers must agree (see {@link Steps} for what an answer is), and at the end so must the full content of every
 * table and index. Each seed is reproducible; on a mismatch the seed and the whole sequence are printed.
 * {@code -Ddifferential.steps=N} runs longer sequences.
 */
class DynamoDbLocalRandomOpsTest {
    private static final int STEPS = Integer.getInteger("differential.steps", 300);

    private static @Nullable AmazonDynamoDBLocal local;
    private static @Nullable DynamoDbClient localClient;
    private static @Nullable KeysmithEngine keysmith;

    @BeforeAll
    static void start() throws IOException {
        local = DynamoDbLocal.start();
        Assumptions.assumeTrue(local != null, "no sqlite4java native library for this platform");
        localClient = local.dynamoDbClient();
        keysmith = KeysmithEngine.open(EngineConfig.inMemory());
    }

    @AfterAll
    static void stop() {
        if (keysmith != null) {
            keysmith.close();
        }
        if (local != null) {
            local.shutdown();
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1L, 2L, 3L, 42L, 20_260_101L})
    void randomOperations_agreeWithDynamoDbLocal(long seed) {
        run(seed);
    }

    private static void run(long seed) {
        DynamoDbClient expected = localClient;
        DynamoDbClient actual = keysmith;
        for (Tables table : Tables.values()) {
            expected.createTable(table.create(seed));
            actual.createTable(table.create(seed));
        }
        Steps steps = new Steps(seed);
        List<String> log = new ArrayList<>();
        for (int i = 0; i < STEPS; i++) {
            check(seed, log, steps.next(), expected, actual);
        }
        for (Tables table : Tables.values()) {
            check(seed, log, steps.fullScan(table), expected, actual);
        }
    }

    private static void check(
            long seed, List<String> log, Steps.Step step, DynamoDbClient expected, DynamoDbClient actual) {
        log.add(step.description());
        String local = step.run().apply(expected);
        String ours = step.run().apply(actual);
        if (!Messages.agree(local, ours)) {
            StringBuilder report = new StringBuilder();
            report.append("seed ")
                    .append(seed)
                    .append(", step ")
                    .append(log.size())
                    .append('\n');
            for (int i = 0; i < log.size(); i++) {
                report.append(i + 1).append(": ").append(log.get(i)).append('\n');
            }
            report.append("DynamoDB Local:\n")
                    .append(local)
                    .append("\nKeysmith:\n")
                    .append(ours);
            System.out.println(report);
            fail("Keysmith differs from DynamoDB Local at step " + log.size() + " of seed " + seed + ": "
                    + step.description() + "\nDynamoDB Local: " + local + "\nKeysmith:       " + ours);
        }
    }
}
