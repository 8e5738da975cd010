package dev.keysmith.engine.crash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keysmith.engine.EngineConfig;
import dev.keysmith.engine.KeysmithEngine;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/**
 * A {@code kill -9} through the engine's real write path: a child JVM ({@link CrashingWriter}) writes through PutItem,
 * UpdateItem and TransactWriteItems on a table with a GSI and prints each acknowledged write; the test kills it with
 * SIGKILL mid-stream, reopens the engine on the same folder and checks that no acknowledged write is lost, that the
 * GSI holds exactly the items that have its key, that DescribeTable's ItemCount is the scanned count, and that the
 * engine accepts new writes. Twice on the same folder.
 */
class EngineCrashTest {
    private static final int ACKNOWLEDGED_BEFORE_KILL = 1_500;

    /** What the writer acknowledged for a key: its last value and owner ({@code null} for none). */
    private record Ack(long value, @Nullable String owner) {}

    @Test
    void acknowledgedWritesAndTheGsiSurviveKillMinus9(@TempDir Path dir) throws Exception {
        Map<String, Ack> acknowledged = new HashMap<>();
        for (int round = 0; round < 2; round++) {
            acknowledged.putAll(killWriterAfterAcknowledgements(dir, "r" + round));
            try (KeysmithEngine engine = KeysmithEngine.open(EngineConfig.onDisk(dir))) {
                Map<String, Map<String, AttributeValue>> items = scanTable(engine);
                assertAcknowledgedWritesPresent(acknowledged, items);
                assertGsiMatchesTable(engine, items);
                TableDescription table = engine.describeTable(b -> b.tableName(CrashingWriter.TABLE))
                        .table();
                assertEquals(items.size(), table.itemCount(), "ItemCount after reopening");
                long owned = items.values().stream()
                        .filter(item -> item.containsKey("owner"))
                        .count();
                assertEquals(owned, table.globalSecondaryIndexes().getFirst().itemCount(), "GSI ItemCount");

                String probe = "after-" + round;
                engine.putItem(b -> b.tableName(CrashingWriter.TABLE)
                        .item(Map.of(
                                "pk", AttributeValue.fromS(probe),
                                "v", AttributeValue.fromN("1"),
                                "owner", AttributeValue.fromS("o0"))));
                assertEquals(
                        "1",
                        engine.getItem(b -> b.tableName(CrashingWriter.TABLE)
                                        .key(Map.of("pk", AttributeValue.fromS(probe))))
                                .item()
                                .get("v")
                                .n());
            }
        }
    }

    private static void assertAcknowledgedWritesPresent(
            Map<String, Ack> acknowledged, Map<String, Map<String, AttributeValue>> items) {
        acknowledged.forEach((key, ack) -> {
            Map<String, AttributeValue> item = items.get(key);
            assertNotNull(item, "acknowledged item " + key + " is missing");
            long value = Long.parseLong(item.get("v").n());
            // a later write of the same key may have committed without being acknowledged before the kill
            assertTrue(value >= ack.value(), key + ": acknowledged v=" + ack.value() + ", found v=" + value);
            if (value == ack.value()) {
                AttributeValue owner = item.get("owner");
                assertEquals(ack.owner(), owner == null ? null : owner.s(), "owner of " + key);
            }
        });
    }

    /** Every owner's GSI partition holds exactly the table's items with that owner, with the same attributes. */
    private static void assertGsiMatchesTable(KeysmithEngine engine, Map<String, Map<String, AttributeValue>> items) {
        Map<String, Map<String, Map<String, AttributeValue>>> byOwner = new TreeMap<>();
        items.forEach((key, item) -> {
            AttributeValue owner = item.get("owner");
            if (owner != null) {
                byOwner.computeIfAbsent(owner.s(), o -> new TreeMap<>()).put(key, item);
            }
        });
        int indexed = 0;
        for (int o = 0; o < CrashingWriter.OWNERS; o++) {
            String owner = "o" + o;
            Map<String, Map<String, AttributeValue>> fromIndex = new TreeMap<>();
            Map<String, AttributeValue> start = null;
            do {
                QueryResponse page = engine.query(QueryRequest.builder()
                        .tableName(CrashingWriter.TABLE)
                        .indexName(CrashingWriter.GSI)
                        .keyConditionExpression("#o = :o")
                        .expressionAttributeNames(Map.of("#o", "owner"))
                        .expressionAttributeValues(Map.of(":o", AttributeValue.fromS(owner)))
                        .exclusiveStartKey(start)
                        .build());
                page.items().forEach(item -> fromIndex.put(item.get("pk").s(), item));
                start = page.hasLastEvaluatedKey() ? page.lastEvaluatedKey() : null;
            } while (start != null);
            assertEquals(byOwner.getOrDefault(owner, Map.of()), fromIndex, "GSI partition " + owner);
            indexed += fromIndex.size();
        }
        ScanResponse whole = engine.scan(ScanRequest.builder()
                .tableName(CrashingWriter.TABLE)
                .indexName(CrashingWriter.GSI)
                .select("COUNT")
                .build());
        assertEquals(indexed, whole.count(), "GSI entries under owners other than o0..o6");
    }

    private static Map<String, Map<String, AttributeValue>> scanTable(KeysmithEngine engine) {
        Map<String, Map<String, AttributeValue>> items = new TreeMap<>();
        Map<String, AttributeValue> start = null;
        do {
            ScanResponse page = engine.scan(ScanRequest.builder()
                    .tableName(CrashingWriter.TABLE)
                    .exclusiveStartKey(start)
                    .build());
            page.items().forEach(item -> items.put(item.get("pk").s(), item));
            start = page.hasLastEvaluatedKey() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        return items;
    }

    /** Runs the writer until it has acknowledged enough writes, kills it with SIGKILL; returns what it acknowledged. */
    private static Map<String, Ack> killWriterAfterAcknowledgements(Path dir, String round) throws Exception {
        String java = ProcessHandle.current().info().command().orElseThrow();
        List<String> command = new ArrayList<>(List.of(
                java,
                "--sun-misc-unsafe-memory-access=allow",
                "-cp",
                System.getProperty("java.class.path"),
                CrashingWriter.class.getName(),
                dir.toString(),
                round));
        Process process = new ProcessBuilder(command)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        Map<String, Ack> acknowledged = new HashMap<>();
        int count = 0;
        try (var out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                if (!line.startsWith("ACK ")) {
                    continue;
                }
                String[] parts = line.split(" ");
                acknowledged.put(parts[1], new Ack(Long.parseLong(parts[2]), parts[3].equals("-") ? null : parts[3]));
                if (++count >= ACKNOWLEDGED_BEFORE_KILL) {
                    process.destroyForcibly();
                    break;
                }
            }
        } finally {
            process.destroyForcibly();
            assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the writer did not die");
        }
        assertTrue(count >= ACKNOWLEDGED_BEFORE_KILL, "the writer stopped early after " + count + " writes");
        return acknowledged;
    }
}
