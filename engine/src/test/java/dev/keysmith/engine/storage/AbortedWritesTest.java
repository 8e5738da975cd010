package dev.keysmith.engine.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Writes that fail, alone or among concurrent writes that succeed: a work that throws after writing leaves no trace
 * (not its puts, deletes or drops), its exception reaches its caller unchanged, and every other write is kept.
 */
class AbortedWritesTest {
    private static final int THREADS = 6;
    private static final int WRITES_EACH = 120;

    private static final class Refused extends RuntimeException {
        Refused(String message) {
            super(message);
        }
    }

    private static final class Crash extends Error {
        Crash(String message) {
            super(message);
        }
    }

    /** How write {@code i} of a thread ends: most commit, some throw an exception or an error after writing. */
    private static @Nullable Throwable failure(int thread, int i) {
        if (i % 5 == 2) {
            return new Refused(thread + "/" + i);
        }
        return i % 7 == 3 ? new Crash(thread + "/" + i) : null;
    }

    private static byte[] key(int thread, int i) {
        return ByteBuffer.allocate(8).putInt(thread).putInt(i).array();
    }

    private static byte[] s(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static void throwIt(Throwable failure) {
        switch (failure) {
            case RuntimeException e -> throw e;
            case Error e -> throw e;
            default -> throw new IllegalArgumentException(failure);
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(StorageSetup.class)
    void concurrentWritesThatFailAfterWriting_leaveNoTrace_andTheOthersAreKept(StorageSetup setup, @TempDir Path dir)
            throws Exception {
        try (Storage storage = setup.open(dir);
                ExecutorService pool = Executors.newFixedThreadPool(THREADS)) {
            List<CompletableFuture<Void>> threads = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                threads.add(CompletableFuture.runAsync(() -> writeAll(storage, thread), pool));
            }
            for (int round = 0; threads.stream().anyMatch(f -> !f.isDone()); round++) {
                if (round % 2 == 0) {
                    StorageSetup.flush(storage);
                }
                Thread.onSpinWait();
            }
            CompletableFuture.allOf(threads.toArray(CompletableFuture[]::new)).join();
            assertKeptExactlyTheSuccessfulWrites(storage);
            StorageSetup.flush(storage);
            assertKeptExactlyTheSuccessfulWrites(storage);
        }
    }

    /**
     * Write {@code i} puts its own key and bumps a shared counter; a failing one also deletes the thread's last
     * committed key and drops the thread's store before throwing; a successful one adds its key to the thread's store.
     */
    private static void writeAll(Storage storage, int thread) {
        int lastCommitted = -1;
        for (int i = 0; i < WRITES_EACH; i++) {
            int n = i;
            int previous = lastCommitted;
            Throwable failure = failure(thread, i);
            Function<WriteTx, String> work = tx -> {
                tx.put("w", key(thread, n), s("v"));
                byte[] count = tx.get("shared", s("count"));
                tx.put(
                        "shared",
                        s("count"),
                        ByteBuffer.allocate(4)
                                .putInt(
                                        count == null
                                                ? 1
                                                : ByteBuffer.wrap(count).getInt() + 1)
                                .array());
                if (failure == null) {
                    tx.put("keep:" + thread, key(thread, n), s("v"));
                    return "ok";
                }
                if (previous >= 0) {
                    assertTrue(tx.delete("w", key(thread, previous)));
                }
                tx.dropStore("keep:" + thread);
                throwIt(failure);
                return "unreachable";
            };
            try {
                assertEquals("ok", storage.write(work));
                assertNull(failure, "write " + thread + "/" + n + " should have failed");
                lastCommitted = n;
            } catch (Refused | Crash e) {
                assertSame(failure, e, "the work's own exception reaches its caller");
            }
        }
    }

    private static void assertKeptExactlyTheSuccessfulWrites(Storage storage) {
        storage.read(tx -> {
            int committed = 0;
            for (int t = 0; t < THREADS; t++) {
                assertTrue(tx.storeExists("keep:" + t), "a failed write's drop is undone");
                List<String> kept = new ArrayList<>();
                try (Cursor c = tx.cursor("keep:" + t)) {
                    for (boolean more = c.first(); more; more = c.next()) {
                        kept.add(ByteBuffer.wrap(c.key()).getInt(4) + "");
                    }
                }
                List<String> expected = new ArrayList<>();
                for (int i = 0; i < WRITES_EACH; i++) {
                    boolean ok = failure(t, i) == null;
                    assertEquals(
                            ok, tx.get("w", key(t, i)) != null, "write " + t + "/" + i + " is kept iff it committed");
                    if (ok) {
                        expected.add(i + "");
                        committed++;
                    }
                }
                assertEquals(expected, kept, "the successful writes of thread " + t);
            }
            assertEquals(
                    committed, ByteBuffer.wrap(tx.get("shared", s("count"))).getInt(), "counted once per commit");
            return null;
        });
    }

    /**
     * Writes queued behind one that holds the storage's write lock are committed as a group (in XodusStorage, and
     * likely in any group commit): the failing ones in the group, whether they fail before or after writing, leave
     * nothing (not their puts, deletes or drops), and the others commit.
     */
    @ParameterizedTest(name = "{0}")
    @EnumSource(StorageSetup.class)
    void aGroupOfQueuedWrites_withFailuresBeforeAndAfterWriting_keepsExactlyTheSuccessfulOnes(
            StorageSetup setup, @TempDir Path dir) throws Exception {
        try (Storage storage = setup.open(dir)) {
            storage.write(tx -> {
                tx.put("s", s("existing"), s("0"));
                tx.put("other", s("existing"), s("0"));
                return null;
            });
            int writes = 12;
            List<@Nullable Throwable> failures = new ArrayList<>();
            List<Function<WriteTx, String>> works = new ArrayList<>();
            for (int i = 0; i < writes; i++) {
                int n = i;
                Throwable failure = switch (i % 4) {
                    case 1 -> new Refused("after writing " + i);
                    case 3 -> new Crash("before writing " + i);
                    default -> null;
                };
                failures.add(failure);
                works.add(tx -> {
                    if (failure instanceof Crash) {
                        throwIt(failure);
                    }
                    tx.put("s", s("w" + n), s("v"));
                    tx.put("other", s("w" + n), s("v"));
                    if (failure != null) {
                        tx.delete("s", s("existing"));
                        tx.dropStore("other");
                        throwIt(failure);
                    }
                    return "w" + n;
                });
            }
            List<Object> outcomes = queuedBehindABlocker(storage, works);
            List<String> committed = new ArrayList<>(List.of("existing"));
            for (int i = 0; i < writes; i++) {
                Throwable failure = failures.get(i);
                if (failure == null) {
                    assertEquals("w" + i, outcomes.get(i));
                    committed.add("w" + i);
                } else {
                    assertSame(failure, outcomes.get(i), "write " + i + "'s own exception reaches its caller");
                }
            }
            committed.sort(null);
            StorageSetup.flush(storage);
            storage.read(tx -> {
                for (int i = 0; i < writes; i++) {
                    boolean ok = failures.get(i) == null;
                    assertEquals(ok, tx.get("s", s("w" + i)) != null, "write " + i + " is kept iff it committed");
                }
                assertEquals(List.of("blocker"), keys(tx, "b"));
                assertTrue(tx.get("s", s("existing")) != null, "deleted only by failed writes");
                assertEquals(committed, keys(tx, "other"), "dropped only by failed writes");
                return null;
            });
        }
    }

    /**
     * A write that drops a store and the next one that writes it again, committed in one group, leave the new entries
     * only.
     */
    @ParameterizedTest(name = "{0}")
    @EnumSource(StorageSetup.class)
    // put into by the next when"                     + " both are committed in one group (one Xodus transaction); see
    // StorageContractTest")
    void writesQueuedTogether_dropAStoreAndWriteItAgain_leavingOnlyTheNewEntries(StorageSetup setup, @TempDir Path dir)
            throws Exception {
        try (Storage storage = setup.open(dir)) {
            storage.write(tx -> {
                tx.put("a", s("old"), s("0"));
                return null;
            });
            List<Object> outcomes = queuedBehindABlocker(
                    storage,
                    List.of(
                            tx -> {
                                tx.dropStore("a");
                                return "dropped";
                            },
                            tx -> {
                                tx.put("a", s("new"), s("1"));
                                return "written";
                            }));
            assertEquals(List.of("dropped", "written"), outcomes);
            assertEquals(List.of("new"), storage.read(tx -> keys(tx, "a")));
            StorageSetup.flush(storage);
            assertEquals(List.of("new"), storage.read(tx -> keys(tx, "a")));
        }
    }

    private static List<String> keys(ReadTx tx, String store) {
        List<String> keys = new ArrayList<>();
        try (Cursor c = tx.cursor(store)) {
            for (boolean more = c.first(); more; more = c.next()) {
                keys.add(new String(c.key(), StandardCharsets.UTF_8));
            }
        }
        return keys;
    }

    /**
     * Holds the write lock with a write (which puts "blocker" into store "b") until a thread per work is parked inside
     * {@link Storage#write}, then lets them all go; returns each work's result or the exception it failed with.
     */
    private static List<Object> queuedBehindABlocker(Storage storage, List<Function<WriteTx, String>> works)
            throws Exception {
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<String> blocker = new CompletableFuture<>();
        Thread.ofPlatform()
                .start(() -> blocker.complete(storage.write(tx -> {
                    holding.countDown();
                    await(release);
                    tx.put("b", s("blocker"), s("1"));
                    return "blocker";
                })));
        holding.await();
        List<CompletableFuture<Object>> outcomes = new ArrayList<>();
        List<Thread> queued = new ArrayList<>();
        AtomicInteger started = new AtomicInteger();
        for (Function<WriteTx, String> work : works) {
            CompletableFuture<Object> outcome = new CompletableFuture<>();
            outcomes.add(outcome);
            queued.add(Thread.ofPlatform().start(() -> {
                started.incrementAndGet();
                try {
                    outcome.complete(storage.write(work));
                } catch (Throwable e) {
                    outcome.complete(e);
                }
            }));
            // one at a time, so that they queue in this order
            while (started.get() < outcomes.size() || queued.getLast().getState() == Thread.State.RUNNABLE) {
                Thread.onSpinWait();
            }
        }
        release.countDown();
        assertEquals("blocker", blocker.join());
        return outcomes.stream().map(CompletableFuture::join).toList();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
