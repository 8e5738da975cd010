package dev.keysmith.engine.crash;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.keysmith.engine.EngineConfig;
import dev.keysmith.engine.KeysmithEngine;
import dev.keysmith.engine.storage.BufferedStorage;
import dev.keysmith.engine.table.Catalog;
import dev.keysmith.engine.table.TableDef;
import dev.keysmith.engine.value.ItemSize;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.IndexStatus;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/**
 * A {@code kill -9} in the middle of a GSI backfill: a child JVM ({@link BackfillCrashingWriter}) loads a table, adds a
 * GSI with UpdateTable and keeps writing (moving items between index partitions, taking them out of the sparse index,
 * deleting, inserting) while the engine backfills the index; the test kills it once the backfill has committed some
 * entries but is not finished, checks in the data folder that the index really is still CREATING, then reopens the
 * engine: the backfill resumes and reaches ACTIVE, every acknowledged write is there, and the index holds exactly one
 * entry, equal to the item, for every item that has the index key, none for deleted items or old key values, and
 * DescribeTable counts them right.
 */
class BackfillCrashTest {
    /** Writes the child must acknowledge after UpdateTable before the kill, so some happen during the backfill. */
    private static final int WRITES_BEFORE_KILL = 100;

    private static final int ATTEMPTS = 3;

    /** What the writer acknowledged for a key: its last {@code v} and {@code g} (null for none), or a deletion. */
    private record Ack(long value, @Nullable String g, boolean deleted) {}

    @Test
    void backfillKilledMidwayResumesAndTheIndexMatchesTheTable(@TempDir Path root) throws Exception {
        int items = 50_000;
        for (int attempt = 1; ; attempt++) {
            Path dir = root.resolve("attempt" + attempt);
            Map<String, Ack> acknowledged = killDuringBackfill(dir, items);
            if (acknowledged != null && indexStatusOnDisk(dir) == IndexStatus.CREATING) {
                System.out.printf(
                        "killed mid-backfill on attempt %d (%,d items), with acknowledged writes to %,d keys%n",
                        attempt, items, acknowledged.size());
                reopenAndCheck(dir, acknowledged);
                return;
            }
            // the backfill finished before the kill landed: a bigger table makes it last longer
            if (attempt == ATTEMPTS) {
                fail("the backfill of " + items + " items finished before the kill in " + ATTEMPTS + " attempts");
            }
            items *= 2;
        }
    }

    private static void reopenAndCheck(Path dir, Map<String, Ack> acknowledged) throws InterruptedException {
        try (KeysmithEngine engine = KeysmithEngine.open(EngineConfig.onDisk(dir))) {
            GlobalSecondaryIndexDescription index = awaitActive(engine);
            Map<String, Map<String, AttributeValue>> items = new HashMap<>();
            scanPages(
                    engine,
                    null,
                    page -> page.items()
                            .forEach(item -> items.put(item.get("pk").s(), item)));
            assertAcknowledgedWritesPresent(acknowledged, items);

            Map<String, Map<String, AttributeValue>> expected = new TreeMap<>();
            items.forEach((key, item) -> {
                if (item.containsKey("g")) {
                    expected.put(key, item);
                }
            });
            List<Map<String, AttributeValue>> entries = new ArrayList<>();
            scanPages(engine, BackfillCrashingWriter.GSI, page -> entries.addAll(page.items()));
            Map<String, Map<String, AttributeValue>> byKey = new TreeMap<>();
            entries.forEach(entry -> byKey.put(entry.get("pk").s(), entry));
            assertEquals(byKey.size(), entries.size(), "one index entry per item: no entry under an old g");
            assertEquals(expected, byKey, "the index entries are the items that have g");
            assertPartitionsMatch(engine, expected);

            TableDescription table = engine.describeTable(b -> b.tableName(BackfillCrashingWriter.TABLE))
                    .table();
            long expectedBytes =
                    expected.values().stream().mapToLong(ItemSize::of).sum();
            assertAll(
                    () -> assertEquals(items.size(), table.itemCount(), "table ItemCount"),
                    () -> assertEquals(expected.size(), index.itemCount(), "index ItemCount"),
                    () -> assertEquals(expectedBytes, index.indexSizeBytes(), "IndexSizeBytes"));
        }
    }

    /** Each {@code g} partition of the index, read with Query, holds exactly the items with that {@code g}. */
    private static void assertPartitionsMatch(
            KeysmithEngine engine, Map<String, Map<String, AttributeValue>> expected) {
        for (int p = 0; p < BackfillCrashingWriter.PARTITIONS; p++) {
            String g = BackfillCrashingWriter.g(p);
            Map<String, Map<String, AttributeValue>> want = new TreeMap<>();
            expected.forEach((key, item) -> {
                if (item.get("g").s().equals(g)) {
                    want.put(key, item);
                }
            });
            Map<String, Map<String, AttributeValue>> got = new TreeMap<>();
            Map<String, AttributeValue> start = null;
            do {
                QueryResponse page = engine.query(QueryRequest.builder()
                        .tableName(BackfillCrashingWriter.TABLE)
                        .indexName(BackfillCrashingWriter.GSI)
                        .keyConditionExpression("g = :g")
                        .expressionAttributeValues(Map.of(":g", AttributeValue.fromS(g)))
                        .exclusiveStartKey(start)
                        .build());
                page.items().forEach(item -> got.put(item.get("pk").s(), item));
                start = page.hasLastEvaluatedKey() ? page.lastEvaluatedKey() : null;
            } while (start != null);
            assertEquals(want, got, "index partition " + g);
        }
    }

    private static void assertAcknowledgedWritesPresent(
            Map<String, Ack> acknowledged, Map<String, Map<String, AttributeValue>> items) {
        acknowledged.forEach((key, ack) -> {
            Map<String, AttributeValue> item = items.get(key);
            if (ack.deleted()) {
                assertNull(item, "acknowledged deletion of " + key);
                return;
            }
            assertNotNull(item, "acknowledged item " + key + " is missing");
            long value = Long.parseLong(item.get("v").n());
            // a later write of the same key may have committed without being acknowledged before the kill
            assertTrue(value >= ack.value(), key + ": acknowledged v=" + ack.value() + ", found v=" + value);
            if (value == ack.value()) {
                AttributeValue g = item.get("g");
                assertEquals(ack.g(), g == null ? null : g.s(), "g of " + key);
            }
        });
    }

    /** Polls DescribeTable until the index is ACTIVE (the backfill resumed by the engine on open has finished). */
    private static GlobalSecondaryIndexDescription awaitActive(KeysmithEngine engine) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (true) {
            GlobalSecondaryIndexDescription index = engine.describeTable(b -> b.tableName(BackfillCrashingWriter.TABLE))
                    .table()
                    .globalSecondaryIndexes()
                    .getFirst();
            if (index.indexStatus() == IndexStatus.ACTIVE) {
                assertNull(index.backfilling(), "Backfilling once ACTIVE");
                return index;
            }
            assertEquals(IndexStatus.CREATING, index.indexStatus());
            assertTrue(System.nanoTime() < deadline, "the resumed backfill never finished");
            Thread.sleep(20);
        }
    }

    private static void scanPages(KeysmithEngine engine, @Nullable String index, Consumer<ScanResponse> pages) {
        Map<String, AttributeValue> start = null;
        do {
            ScanResponse page = engine.scan(ScanRequest.builder()
                    .tableName(BackfillCrashingWriter.TABLE)
                    .indexName(index)
                    .exclusiveStartKey(start)
                    .build());
            pages.accept(page);
            start = page.hasLastEvaluatedKey() ? page.lastEvaluatedKey() : null;
        } while (start != null);
    }

    /** The index's status as committed in the data folder, read without opening the engine (which would resume it). */
    private static IndexStatus indexStatusOnDisk(Path dir) {
        try (BufferedStorage storage = BufferedStorage.onDisk(dir, false)) {
            TableDef table = storage.read(tx -> new Catalog().find(tx, BackfillCrashingWriter.TABLE));
            assertNotNull(table, "the table is not in the data folder");
            return table.index(BackfillCrashingWriter.GSI).status();
        }
    }

    /**
     * Runs the child on an empty folder and kills it with SIGKILL once it has acknowledged enough writes after adding
     * the index and reported that the backfill has committed some entries; returns what it acknowledged, or null if it
     * reported the index ACTIVE first.
     */
    private static @Nullable Map<String, Ack> killDuringBackfill(Path dir, int items) throws Exception {
        String java = ProcessHandle.current().info().command().orElseThrow();
        Path errors = dir.resolveSibling(dir.getFileName() + ".stderr");
        Process process = new ProcessBuilder(List.of(
                        java,
                        "--sun-misc-unsafe-memory-access=allow",
                        "-cp",
                        System.getProperty("java.class.path"),
                        BackfillCrashingWriter.class.getName(),
                        dir.toString(),
                        Integer.toString(items)))
                .redirectError(errors.toFile())
                .start();
        Map<String, Ack> acknowledged = new HashMap<>();
        Set<String> lines = new HashSet<>();
        boolean creating = false;
        boolean started = false;
        boolean active = false;
        int writes = 0;
        try (var out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                String[] parts = line.split(" ");
                lines.add(parts[0]);
                switch (parts[0]) {
                    case "CREATING" -> creating = true;
                    case "ACK" -> {
                        acknowledged.put(
                                parts[1],
                                new Ack(Long.parseLong(parts[2]), parts[3].equals("-") ? null : parts[3], false));
                        writes++;
                    }
                    case "DEL" -> {
                        acknowledged.put(parts[1], new Ack(0, null, true));
                        writes++;
                    }
                    case "PROGRESS" -> {
                        // each write adds at most one entry: more entries than writes means a chunk committed
                        started = Long.parseLong(parts[1]) > writes;
                        active = parts[2].equals(IndexStatus.ACTIVE.toString());
                    }
                    default -> {}
                }
                if (active || (started && writes >= WRITES_BEFORE_KILL)) {
                    break;
                }
            }
        } finally {
            process.destroyForcibly();
            assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the writer did not die");
        }
        assertTrue(creating, "UpdateTable did not answer CREATING; the child printed " + lines + ", see " + errors);
        assertTrue(
                active || writes >= WRITES_BEFORE_KILL,
                "the writer stopped early after " + writes + " writes, see " + errors);
        return active ? null : acknowledged;
    }
}
