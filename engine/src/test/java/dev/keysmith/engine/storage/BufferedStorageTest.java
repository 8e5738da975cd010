package dev.keysmith.engine.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What is particular to {@link BufferedStorage}: the log is replayed on open (a torn last record ignored), readers keep
 * their snapshot while the flusher moves data to Xodus and forgets it, and a drop not yet flushed hides Xodus's entries.
 */
class BufferedStorageTest {
    /** Never flushes on its own: everything stays in the log and the overlay until {@link BufferedStorage#flush}. */
    private static final BufferedStorage.Limits MANUAL =
            new BufferedStorage.Limits(Long.MAX_VALUE, Long.MAX_VALUE, Duration.ofDays(1));

    private static byte[] b(String s) {
        return s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    private static void put(Storage storage, String store, String key, String value) {
        storage.write(tx -> {
            tx.put(store, b(key), b(value));
            return null;
        });
    }

    private static List<String> keys(ReadTx tx, String store) {
        List<String> keys = new ArrayList<>();
        try (Cursor c = tx.cursor(store)) {
            while (c.next()) {
                keys.add(new String(c.key(), java.nio.charset.StandardCharsets.UTF_8));
            }
        }
        return keys;
    }

    /**
     * Copies the folder of a storage that has not flushed since it opened: Xodus is idle, so the copy is what a
     * process killed at this point leaves behind.
     */
    private static Path crashCopy(Path dir, Path copy) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.toList()) {
                Path target = copy.resolve(dir.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else if (!p.getFileName().toString().equals("xd.lck")) {
                    Files.copy(p, target);
                }
            }
        }
        return copy;
    }

    @Test
    void writesOnlyInTheLogAreReplayedOnOpen(@TempDir Path dir, @TempDir Path copy) throws IOException {
        try (BufferedStorage storage = BufferedStorage.onDisk(dir, false, MANUAL)) {
            put(storage, "items", "a", "1");
            put(storage, "items", "b", "2");
            storage.write(tx -> {
                tx.delete("items", b("a"));
                tx.put("other", b("x"), b("9"));
                return null;
            });
            crashCopy(dir, copy);
        }
        try (BufferedStorage reopened = BufferedStorage.onDisk(copy, false, MANUAL)) {
            reopened.read(tx -> {
                assertNull(tx.get("items", b("a")));
                assertArrayEquals(b("2"), tx.get("items", b("b")));
                assertArrayEquals(b("9"), tx.get("other", b("x")));
                return null;
            });
            // the replayed records are in Xodus now: nothing is pending, and new writes go on from there
            assertEquals(0, reopened.pendingBytes());
            put(reopened, "items", "c", "3");
            assertEquals(List.of("b", "c"), reopened.read(tx -> keys(tx, "items")));
        }
    }

    @Test
    void aTornLastRecordIsIgnoredAndTheOnesBeforeItKept(@TempDir Path dir, @TempDir Path copy) throws IOException {
        try (BufferedStorage storage = BufferedStorage.onDisk(dir, false, MANUAL)) {
            put(storage, "items", "a", "1");
            put(storage, "items", "b", "2");
            crashCopy(dir, copy);
        }
        Path newest;
        try (Stream<Path> logs = Files.list(copy.resolve("wal"))) {
            newest = logs.sorted().toList().getLast();
        }
        // a process killed in the middle of writing its third record: the start of a record like the others
        byte[] log = Files.readAllBytes(newest);
        byte[] torn = java.util.Arrays.copyOf(log, log.length / 2 - 3);
        Files.write(newest, torn, StandardOpenOption.APPEND);
        try (BufferedStorage reopened = BufferedStorage.onDisk(copy, false, MANUAL)) {
            assertEquals(List.of("a", "b"), reopened.read(tx -> keys(tx, "items")));
            put(reopened, "items", "c", "3");
        }
        try (BufferedStorage again = BufferedStorage.onDisk(copy, false, MANUAL)) {
            assertEquals(List.of("a", "b", "c"), again.read(tx -> keys(tx, "items")));
        }
    }

    @Test
    void aReaderKeepsItsSnapshotWhileTheOverlayIsFlushedAndForgotten() throws Exception {
        try (BufferedStorage storage = BufferedStorage.inMemory(MANUAL)) {
            put(storage, "items", "k", "old");
            CountDownLatch reading = new CountDownLatch(1);
            CountDownLatch changed = new CountDownLatch(1);
            CompletableFuture<List<String>> seen = CompletableFuture.supplyAsync(() -> storage.read(tx -> {
                List<String> values = new ArrayList<>();
                values.add(new String(tx.get("items", b("k"))));
                reading.countDown();
                try {
                    changed.await();
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
                values.add(new String(tx.get("items", b("k"))));
                values.addAll(keys(tx, "items"));
                return values;
            }));
            reading.await();
            put(storage, "items", "k", "new");
            put(storage, "items", "later", "x");
            storage.flush(); // Xodus holds "new" now; the reader still needs "old" from the overlay
            assertTrue(storage.pendingBytes() > 0, "versions an open reader needs are kept");
            changed.countDown();
            assertEquals(List.of("old", "old", "k"), seen.get());
            storage.flush();
            assertEquals(0, storage.pendingBytes(), "once no reader needs them, flushed versions are forgotten");
            assertArrayEquals(b("new"), storage.read(tx -> tx.get("items", b("k"))));
        }
    }

    @Test
    void anUnflushedDropHidesXodusAndARecreatedStoreStartsEmpty() {
        try (BufferedStorage storage = BufferedStorage.inMemory(MANUAL)) {
            put(storage, "items", "a", "1");
            put(storage, "items", "b", "2");
            storage.flush();
            storage.write(tx -> {
                tx.dropStore("items");
                return null;
            });
            storage.read(tx -> {
                assertFalse(tx.storeExists("items"));
                assertNull(tx.get("items", b("a")));
                assertEquals(List.of(), keys(tx, "items"));
                return null;
            });
            put(storage, "items", "c", "3");
            assertEquals(List.of("c"), storage.read(tx -> keys(tx, "items")));
            storage.flush();
            assertEquals(0, storage.pendingBytes());
            storage.read(tx -> {
                assertTrue(tx.storeExists("items"));
                assertEquals(List.of("c"), keys(tx, "items"));
                return null;
            });
        }
    }

    @Test
    void aStoreCreatedAndEmptiedBeforeAFlushStillExistsAfterIt() {
        try (BufferedStorage storage = BufferedStorage.inMemory(MANUAL)) {
            put(storage, "fresh", "a", "1");
            storage.write(tx -> tx.delete("fresh", b("a")));
            storage.flush();
            assertEquals(0, storage.pendingBytes());
            assertTrue(storage.<Boolean>read(tx -> tx.storeExists("fresh")));
            assertEquals(List.of(), storage.read(tx -> keys(tx, "fresh")));
        }
    }

    @Test
    void closingFlushesEverythingAndEmptiesTheLog(@TempDir Path dir) throws IOException {
        try (BufferedStorage storage = BufferedStorage.onDisk(dir, false, MANUAL)) {
            put(storage, "items", "a", "1");
        }
        try (Stream<Path> logs = Files.list(dir.resolve("wal"))) {
            assertEquals(List.of(), logs.toList());
        }
        try (XodusStorage xodus = XodusStorage.onDisk(dir, false)) {
            assertArrayEquals(b("1"), xodus.read(tx -> tx.get("items", b("a"))));
        }
    }
}
