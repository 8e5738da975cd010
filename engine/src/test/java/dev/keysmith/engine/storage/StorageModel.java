package dev.keysmith.engine.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * What a {@link Storage} should hold: one map per existing store, its keys in unsigned byte order. A store exists from
 * its first put until it is dropped, even when every entry has been deleted.
 */
final class StorageModel {
    /** A byte string compared as unsigned bytes, as store keys are; printed in hex. */
    record Bytes(byte[] array) implements Comparable<Bytes> {
        static Bytes of(int... values) {
            byte[] bytes = new byte[values.length];
            for (int i = 0; i < values.length; i++) {
                bytes[i] = (byte) values[i];
            }
            return new Bytes(bytes);
        }

        @Override
        public int compareTo(Bytes other) {
            return Arrays.compareUnsigned(array, other.array);
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Bytes b && Arrays.equals(array, b.array);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(array);
        }

        @Override
        public String toString() {
            return "[" + HexFormat.ofDelimiter(" ").formatHex(array) + "]";
        }
    }

    private final TreeMap<String, TreeMap<Bytes, Bytes>> stores = new TreeMap<>();

    StorageModel copy() {
        StorageModel copy = new StorageModel();
        stores.forEach((name, entries) -> copy.stores.put(name, new TreeMap<>(entries)));
        return copy;
    }

    void put(String store, Bytes key, Bytes value) {
        stores.computeIfAbsent(store, s -> new TreeMap<>()).put(key, value);
    }

    boolean delete(String store, Bytes key) {
        TreeMap<Bytes, Bytes> entries = stores.get(store);
        return entries != null && entries.remove(key) != null;
    }

    void drop(String store) {
        stores.remove(store);
    }

    boolean exists(String store) {
        return stores.containsKey(store);
    }

    NavigableMap<Bytes, Bytes> entries(String store) {
        return stores.getOrDefault(store, new TreeMap<>());
    }

    /**
     * Asserts that {@code tx} sees exactly this model in {@code store}: whether it exists, the value of every key in
     * the model and of every key in {@code absentToo}, and its entries walked forwards and backwards, starting both
     * with first/last and with next/prev from a fresh cursor.
     */
    void assertStore(ReadTx tx, String store, List<Bytes> absentToo, String when) {
        assertEquals(exists(store), tx.storeExists(store), when + ", store " + store + ": storeExists");
        assertEntries(tx, store, absentToo, when);
    }

    /** {@link #assertStore} but for whether the store exists. */
    void assertEntries(ReadTx tx, String store, List<Bytes> absentToo, String when) {
        String where = when + ", store " + store;
        NavigableMap<Bytes, Bytes> entries = entries(store);
        TreeSet<Bytes> keys = new TreeSet<>(entries.keySet());
        keys.addAll(absentToo);
        for (Bytes key : keys) {
            Bytes expected = entries.get(key);
            byte[] actual = tx.get(store, key.array());
            assertEquals(expected, actual == null ? null : new Bytes(actual), where + ": get " + key);
        }
        List<String> forward = entries.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue())
                .toList();
        List<String> backward = forward.reversed();
        assertEquals(forward, walk(tx, store, Cursor::first, Cursor::next), where + ": first, then next");
        assertEquals(forward, walk(tx, store, Cursor::next, Cursor::next), where + ": next from a fresh cursor");
        assertEquals(backward, walk(tx, store, Cursor::last, Cursor::prev), where + ": last, then prev");
        assertEquals(backward, walk(tx, store, Cursor::prev, Cursor::prev), where + ": prev from a fresh cursor");
    }

    private static List<String> walk(ReadTx tx, String store, Predicate<Cursor> start, Predicate<Cursor> step) {
        List<String> seen = new ArrayList<>();
        try (Cursor c = tx.cursor(store)) {
            for (boolean more = start.test(c); more; more = step.test(c)) {
                seen.add(new Bytes(c.key()) + "=" + new Bytes(c.value()));
                if (seen.size() > 10_000) {
                    fail("the cursor over " + store + " does not end: " + seen.subList(0, 20));
                }
            }
        }
        return seen;
    }

    /** Asserts that a cursor move reached {@code expected} (null: found nothing) with the model's value. */
    void assertPosition(Cursor c, String store, boolean moved, @Nullable Bytes expected, String what) {
        assertEquals(
                expected != null, moved, what + " should " + (expected == null ? "find nothing" : "find " + expected));
        if (expected == null) {
            assertThrowsIllegalState(c::key, what + ": key() when not positioned");
            assertThrowsIllegalState(c::value, what + ": value() when not positioned");
            return;
        }
        byte[] key = c.key();
        assertEquals(expected, new Bytes(key), what + ": key");
        Arrays.fill(key, (byte) 0x55);
        assertArrayEquals(expected.array(), c.key(), what + ": key() returns a fresh array");
        assertEquals(entries(store).get(expected), new Bytes(c.value()), what + ": value");
    }

    private static void assertThrowsIllegalState(Runnable call, String what) {
        try {
            call.run();
        } catch (IllegalStateException expected) {
            return;
        }
        fail(what + " should throw IllegalStateException");
    }

    @Override
    public String toString() {
        return stores.toString();
    }
}
