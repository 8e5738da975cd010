package dev.keysmith.engine.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A read transaction sees one committed state for its whole life while writers commit and flushes run. Every write
 * moves an amount between two counters (in one store or across two), so every snapshot's counters add up to the same
 * total; every so often a write replaces the generation store (drops it and fills a new one), so every snapshot sees
 * one complete generation. Readers hold their transaction until several commits and a flush have happened, then read
 * everything again and must find exactly what they first saw.
 */
class SnapshotIsolationTest {
    private static final int COUNTERS = 16;
    private static final long INITIAL = 100;
    private static final List<String> COUNTER_STORES = List.of("c", "d");
    private static final long TOTAL = COUNTERS * INITIAL * COUNTER_STORES.size();
    private static final int GENERATION_SIZE = 8;
    private static final int WRITERS = 3;
    private static final int WRITES_EACH = 300;
    private static final int READERS = 2;
    private static final long WAIT_FOR_WRITES_NANOS = TimeUnit.MILLISECONDS.toNanos(200);

    private final AtomicLong commits = new AtomicLong();
    private final AtomicLong flushes = new AtomicLong();
    private final AtomicBoolean writing = new AtomicBoolean(true);
    private final AtomicLong spanningReads = new AtomicLong();
    /** Writers start once every reader is inside its first read transaction. */
    private final CountDownLatch readersIn = new CountDownLatch(READERS);

    private static byte[] counterKey(int i) {
        return new byte[] {(byte) (i * 17), (byte) i}; // 00, 11, ... f0, ff: both halves of the unsigned byte range
    }

    private static byte[] longBytes(long n) {
        return ByteBuffer.allocate(8).putLong(n).array();
    }

    private static long longOf(byte[] bytes) {
        return ByteBuffer.wrap(bytes).getLong();
    }

    private static String generationStore(long generation) {
        return "g" + generation;
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(StorageSetup.class)
    void readersSeeOneUnchangingStateWhileWritersCommitAndFlushesRun(StorageSetup setup, @TempDir Path dir)
            throws Exception {
        ExecutorService threads = Executors.newCachedThreadPool();
        try (Storage storage = setup.open(dir)) {
            storage.write(tx -> {
                for (String store : COUNTER_STORES) {
                    for (int i = 0; i < COUNTERS; i++) {
                        tx.put(store, counterKey(i), longBytes(INITIAL));
                    }
                }
                fillGeneration(tx, 0);
                return null;
            });
            List<CompletableFuture<Void>> writers = new ArrayList<>();
            for (int w = 0; w < WRITERS; w++) {
                int id = w;
                writers.add(CompletableFuture.runAsync(() -> writeMoves(storage, id), threads));
            }
            CompletableFuture<Void> flusher = CompletableFuture.runAsync(
                    () -> {
                        while (writing.get()) {
                            StorageSetup.flush(storage);
                            flushes.incrementAndGet();
                            Thread.onSpinWait();
                        }
                    },
                    threads);
            List<CompletableFuture<Void>> readers = new ArrayList<>();
            for (int r = 0; r < READERS; r++) {
                readers.add(CompletableFuture.runAsync(() -> readRepeatedly(storage), threads));
            }
            try {
                CompletableFuture.allOf(writers.toArray(CompletableFuture[]::new))
                        .get(5, TimeUnit.MINUTES);
            } finally {
                writing.set(false);
            }
            flusher.get(5, TimeUnit.MINUTES);
            CompletableFuture.allOf(readers.toArray(CompletableFuture[]::new)).get(5, TimeUnit.MINUTES);
            Snapshot last = storage.read(SnapshotIsolationTest::snapshot);
            assertEquals(TOTAL, last.total());
            assertTrue(spanningReads.get() > 0, "some read transaction lasted across commits and a flush");
        } finally {
            threads.shutdownNow();
        }
    }

    private static void fillGeneration(WriteTx tx, long generation) {
        tx.put("meta", new byte[] {'g'}, longBytes(generation));
        for (int i = 0; i < GENERATION_SIZE; i++) {
            tx.put(generationStore(generation), longBytes(i), longBytes(generation));
        }
    }

    private void writeMoves(Storage storage, int writer) {
        try {
            readersIn.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        Random random = new Random(writer);
        for (int n = 0; n < WRITES_EACH; n++) {
            String from = COUNTER_STORES.get(random.nextInt(COUNTER_STORES.size()));
            String to = COUNTER_STORES.get(random.nextInt(COUNTER_STORES.size()));
            int i = random.nextInt(COUNTERS);
            int j = random.nextInt(COUNTERS);
            long amount = random.nextInt(30);
            boolean rotate = writer == 0 && n % 25 == 24;
            storage.write(tx -> {
                long a = value(tx, from, i);
                long moved = Math.min(a, amount);
                tx.put(from, counterKey(i), longBytes(a - moved));
                tx.put(to, counterKey(j), longBytes(value(tx, to, j) + moved));
                if (rotate) {
                    long generation = longOf(tx.get("meta", new byte[] {'g'}));
                    tx.dropStore(generationStore(generation));
                    fillGeneration(tx, generation + 1);
                }
                return null;
            });
            commits.incrementAndGet();
        }
    }

    private static long value(ReadTx tx, String store, int i) {
        byte[] v = tx.get(store, counterKey(i));
        assertNotNull(v, "counter " + store + "/" + i);
        return longOf(v);
    }

    private void readRepeatedly(Storage storage) {
        while (writing.get()) {
            storage.read(tx -> {
                Snapshot first = snapshot(tx);
                assertEquals(TOTAL, first.total(), "the counters of one snapshot add up to the total");
                readersIn.countDown();
                long commitsBefore = commits.get();
                long flushesBefore = flushes.get();
                // not forever: a buffered storage with a full overlay makes writers wait for old readers to end
                long giveUp = System.nanoTime() + WAIT_FOR_WRITES_NANOS;
                while (writing.get()
                        && System.nanoTime() < giveUp
                        && (commits.get() < commitsBefore + 3 || flushes.get() < flushesBefore + 1)) {
                    Thread.onSpinWait();
                }
                if (commits.get() >= commitsBefore + 3 && flushes.get() >= flushesBefore + 1) {
                    spanningReads.incrementAndGet();
                }
                assertEquals(first, snapshot(tx), "a read transaction sees the same state to its end");
                return null;
            });
        }
    }

    /** Everything a reader can see, read with cursors both ways and with gets, which must agree. */
    record Snapshot(Map<String, List<String>> stores, long total) {}

    private static Snapshot snapshot(ReadTx tx) {
        Map<String, List<String>> stores = new LinkedHashMap<>();
        long total = 0;
        for (String store : COUNTER_STORES) {
            List<String> entries = entries(tx, store);
            assertEquals(COUNTERS, entries.size(), "counters in " + store);
            stores.put(store, entries);
            for (int i = 0; i < COUNTERS; i++) {
                total += value(tx, store, i);
            }
        }
        long generation = longOf(tx.get("meta", new byte[] {'g'}));
        String current = generationStore(generation);
        assertTrue(tx.storeExists(current), current + " exists");
        List<String> entries = entries(tx, current);
        assertEquals(GENERATION_SIZE, entries.size(), "a whole generation in " + current + ": " + entries);
        for (int i = 0; i < GENERATION_SIZE; i++) {
            assertEquals(generation, longOf(tx.get(current, longBytes(i))), current + " entry " + i);
        }
        stores.put(current, entries);
        return new Snapshot(stores, total);
    }

    /** The entries of {@code store} walked forwards, checked against the walk backwards. */
    private static List<String> entries(ReadTx tx, String store) {
        HexFormat hex = HexFormat.of();
        List<String> forward = new ArrayList<>();
        List<String> backward = new ArrayList<>();
        try (Cursor c = tx.cursor(store)) {
            for (boolean more = c.first(); more; more = c.next()) {
                forward.add(hex.formatHex(c.key()) + "=" + hex.formatHex(c.value()));
            }
            for (boolean more = c.last(); more; more = c.prev()) {
                backward.add(hex.formatHex(c.key()) + "=" + hex.formatHex(c.value()));
            }
        }
        assertEquals(forward, backward.reversed(), "walking " + store + " backwards");
        return forward;
    }
}
