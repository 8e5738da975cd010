package dev.keysmith.engine.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Writes queued while another commits are committed together, and still succeed or fail one by one: a write that
 * fails leaves the others of its group committed, and never leaves a partial change of its own.
 */
class GroupCommitTest {
    private final XodusStorage storage = XodusStorage.inMemory();
    private final ExecutorService threads = Executors.newCachedThreadPool();

    @AfterEach
    void close() {
        threads.shutdownNow();
        storage.close();
    }

    private static byte[] s(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(byte[] bytes) {
        return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
    }

    /**
     * Holds the commit lock with a write that waits until {@code works} are all queued behind it, so that they make
     * one group; returns their outcomes in order (a value, or the exception they failed with).
     */
    private List<Object> grouped(List<Function<WriteTx, String>> works) throws Exception {
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<String> blocker = CompletableFuture.supplyAsync(
                () -> storage.write(tx -> {
                    holding.countDown();
                    await(release);
                    tx.put("s", s("blocker"), s("1"));
                    return "blocker";
                }),
                threads);
        holding.await();
        List<CompletableFuture<String>> futures = new ArrayList<>();
        for (Function<WriteTx, String> work : works) {
            futures.add(CompletableFuture.supplyAsync(() -> storage.write(work), threads));
            while (storage.queued() < futures.size()) {
                Thread.onSpinWait(); // queue them in this order
            }
        }
        long before = storage.commits();
        release.countDown();
        assertEquals("blocker", blocker.join());
        List<Object> outcomes = new ArrayList<>();
        for (CompletableFuture<String> f : futures) {
            try {
                outcomes.add(f.join());
            } catch (CompletionException e) {
                outcomes.add(e.getCause());
            }
        }
        outcomes.add(storage.commits() - before);
        return outcomes;
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private String read(String key) {
        return storage.read(tx -> text(tx.get("s", s(key))));
    }

    @Test
    void writesQueuedTogetherCommitInOneTransaction_inQueueOrder() throws Exception {
        List<Object> outcomes = grouped(List.of(
                tx -> {
                    tx.put("s", s("a"), s("1"));
                    return "first";
                },
                tx -> {
                    // the second sees the first's write: the group runs its works one after the other
                    tx.put("s", s("b"), s(text(tx.get("s", s("a"))) + "+2"));
                    return "second";
                },
                tx -> {
                    tx.put("s", s("a"), s("3"));
                    return "third";
                }));
        assertEquals(List.of("first", "second", "third", 2L), outcomes, "the blocker, then one group of three");
        assertEquals("3", read("a"));
        assertEquals("1+2", read("b"));
    }

    @Test
    void aWriteThatFailsBeforeWriting_failsAlone() throws Exception {
        IllegalArgumentException refused = new IllegalArgumentException("refused");
        List<Object> outcomes = grouped(List.of(
                tx -> {
                    tx.put("s", s("a"), s("1"));
                    return "first";
                },
                tx -> {
                    throw refused;
                },
                tx -> {
                    tx.put("s", s("c"), s("3"));
                    return "third";
                }));
        assertEquals(List.of("first", refused, "third", 2L), outcomes);
        assertEquals("1", read("a"));
        assertEquals("3", read("c"));
    }

    @Test
    void aWriteThatFailsAfterWriting_leavesNothingOfItsOwn_andTheOthersCommit() throws Exception {
        IllegalStateException halfway = new IllegalStateException("halfway");
        List<Object> outcomes = grouped(List.of(
                tx -> {
                    tx.put("s", s("a"), s("1"));
                    return "first";
                },
                tx -> {
                    tx.put("s", s("half"), s("written"));
                    throw halfway;
                },
                tx -> {
                    tx.put("s", s("c"), s("3"));
                    return "third";
                }));
        assertEquals(List.of("first", halfway, "third"), outcomes.subList(0, 3));
        assertEquals(
                3L,
                outcomes.get(3),
                "the blocker, then the group rolled back and its works run one by one: the failing one commits nothing");
        assertEquals("1", read("a"));
        assertNull(read("half"));
        assertEquals("3", read("c"));
    }

    @Test
    void anErrorInAWork_reachesOnlyItsCaller() throws Exception {
        List<Object> outcomes = grouped(List.of(
                tx -> {
                    throw new StackOverflowError();
                },
                tx -> {
                    tx.put("s", s("b"), s("2"));
                    return "second";
                }));
        assertInstanceOf(StackOverflowError.class, outcomes.get(0));
        assertEquals("second", outcomes.get(1));
        assertEquals("2", read("b"));
    }

    @Test
    void manyConcurrentWritersAllCommit() throws Exception {
        int writers = 8;
        int each = 200;
        List<CompletableFuture<Void>> all = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            int id = w;
            all.add(CompletableFuture.runAsync(
                    () -> {
                        for (int i = 0; i < each; i++) {
                            int n = i;
                            storage.write(tx -> {
                                tx.put("s", s(id + ":" + n), s("v" + n));
                                // a shared counter: lost updates would show if two groups overlapped
                                byte[] count = tx.get("s", s("count"));
                                tx.put(
                                        "s",
                                        s("count"),
                                        s(String.valueOf(count == null ? 1 : Integer.parseInt(text(count)) + 1)));
                                return null;
                            });
                        }
                    },
                    threads));
        }
        CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).join();
        assertEquals(String.valueOf(writers * each), read("count"));
        for (int w = 0; w < writers; w++) {
            for (int i = 0; i < each; i++) {
                assertArrayEquals(s("v" + i), s(read(w + ":" + i)));
            }
        }
    }
}
