package dev.keysmith.engine.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class XodusStorageTest {
    private final XodusStorage storage = XodusStorage.inMemory();

    @AfterEach
    void close() {
        storage.close();
    }

    private static byte[] b(int... values) {
        byte[] bytes = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            bytes[i] = (byte) values[i];
        }
        return bytes;
    }

    private static byte[] s(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void putThenGetReturnsTheValue_andAMissingKeyOrStoreReturnsNull() {
        storage.write(tx -> {
            tx.put("t", s("k"), s("v"));
            return null;
        });
        assertArrayEquals(s("v"), storage.read(tx -> tx.get("t", s("k"))));
        assertNull(storage.read(tx -> tx.get("t", s("other"))));
        assertNull(storage.read(tx -> tx.get("no-such-store", s("k"))));
    }

    @Test
    void aWriteTransactionSeesItsOwnWrites_andAnExceptionAbortsIt() {
        assertThrows(
                IllegalStateException.class,
                () -> storage.write(tx -> {
                    tx.put("t", s("k"), s("v"));
                    assertArrayEquals(s("v"), tx.get("t", s("k")));
                    throw new IllegalStateException("abort");
                }));
        assertNull(storage.read(tx -> tx.get("t", s("k"))));
        assertFalse(storage.<Boolean>read(tx -> tx.storeExists("t")));
    }

    @Test
    void deleteRemovesAKeyAndTellsWhetherItWasThere() {
        storage.write(tx -> {
            tx.put("t", s("k"), s("v"));
            return null;
        });
        assertTrue(storage.<Boolean>write(tx -> tx.delete("t", s("k"))));
        assertFalse(storage.<Boolean>write(tx -> tx.delete("t", s("k"))));
        assertFalse(storage.<Boolean>write(tx -> tx.delete("missing", s("k"))));
    }

    @Test
    void cursorsWalkKeysInUnsignedByteOrderInBothDirections() {
        storage.write(tx -> {
            for (byte[] key : List.of(b(0x80), b(0x01), b(0xff), b(0x7f), b(0x01, 0x00), b(0x00))) {
                tx.put("t", key, key);
            }
            return null;
        });
        List<byte[]> forward = new ArrayList<>();
        List<byte[]> backward = new ArrayList<>();
        storage.read(tx -> {
            try (Cursor c = tx.cursor("t")) {
                for (boolean more = c.first(); more; more = c.next()) {
                    forward.add(c.key());
                }
                for (boolean more = c.last(); more; more = c.prev()) {
                    backward.add(c.key());
                }
            }
            return null;
        });
        List<byte[]> expected = List.of(b(0x00), b(0x01), b(0x01, 0x00), b(0x7f), b(0x80), b(0xff));
        assertEquals(expected.size(), forward.size());
        for (int i = 0; i < expected.size(); i++) {
            assertArrayEquals(expected.get(i), forward.get(i));
            assertArrayEquals(expected.get(expected.size() - 1 - i), backward.get(i));
        }
    }

    @Test
    void itemStoresWalkPrefixFreeKeysInOrderBothWays() {
        // Item stores are Patricia trees; their keys never prefix one another (self-delimiting encodings).
        List<byte[]> keys = List.of(
                b(0x00, 0x02, 0x61, 0x00),
                b(0x00, 0x02, 0x61, 0x62, 0x00),
                b(0x7f, 0x02, 0x00),
                b(0x80, 0x15, 0x03),
                b(0xff, 0x02, 0xff, 0x00));
        storage.write(tx -> {
            for (byte[] key : keys.reversed()) {
                tx.put("t:items", key, key);
            }
            return null;
        });
        List<byte[]> forward = new ArrayList<>();
        List<byte[]> backward = new ArrayList<>();
        storage.read(tx -> {
            try (Cursor c = tx.cursor("t:items")) {
                for (boolean more = c.first(); more; more = c.next()) {
                    forward.add(c.key());
                }
                for (boolean more = c.last(); more; more = c.prev()) {
                    backward.add(c.key());
                }
            }
            return null;
        });
        assertEquals(keys.size(), forward.size());
        for (int i = 0; i < keys.size(); i++) {
            assertArrayEquals(keys.get(i), forward.get(i));
            assertArrayEquals(keys.get(keys.size() - 1 - i), backward.get(i));
        }
    }

    @Test
    void seekFindsTheFirstKeyAtOrAfterTheTarget() {
        storage.write(tx -> {
            tx.put("t", s("b"), s("1"));
            tx.put("t", s("d"), s("2"));
            return null;
        });
        storage.read(tx -> {
            try (Cursor c = tx.cursor("t")) {
                assertTrue(c.seek(s("b")));
                assertArrayEquals(s("b"), c.key());
                assertTrue(c.seek(s("c")));
                assertArrayEquals(s("d"), c.key());
                assertArrayEquals(s("2"), c.value());
                assertTrue(c.prev());
                assertArrayEquals(s("b"), c.key());
                assertFalse(c.seek(s("e")));
                assertThrows(IllegalStateException.class, c::key);
            }
            try (Cursor c = tx.cursor("missing")) {
                assertFalse(c.first());
                assertFalse(c.seek(s("a")));
            }
            return null;
        });
    }

    @Test
    void dropStoreRemovesEveryEntry_andTheNameCanBeWrittenAgain() {
        storage.write(tx -> {
            tx.put("t", s("k"), s("v"));
            return null;
        });
        storage.write(tx -> {
            tx.dropStore("t");
            assertFalse(tx.storeExists("t"));
            return null;
        });
        assertFalse(storage.<Boolean>read(tx -> tx.storeExists("t")));
        assertNull(storage.read(tx -> tx.get("t", s("k"))));
        storage.write(tx -> {
            tx.put("t", s("k2"), s("v2"));
            return null;
        });
        assertNull(storage.read(tx -> tx.get("t", s("k"))));
        assertArrayEquals(s("v2"), storage.read(tx -> tx.get("t", s("k2"))));
    }

    @Test
    void aStoreDroppedAndWrittenAgainInOneTransactionHoldsOnlyTheNewEntries() {
        for (String store : List.of("t:items", "plain")) {
            storage.write(tx -> {
                tx.put(store, s("old"), s("1"));
                return null;
            });
            storage.write(tx -> {
                tx.dropStore(store);
                tx.put(store, s("new"), s("2"));
                assertNull(tx.get(store, s("old")));
                return null;
            });
            assertNull(storage.read(tx -> tx.get(store, s("old"))), store);
            assertArrayEquals(s("2"), storage.read(tx -> tx.get(store, s("new"))), store);
        }
    }

    @Test
    void aReadSnapshotDoesNotSeeLaterCommits() throws Exception {
        storage.write(tx -> {
            tx.put("t", s("k"), s("old"));
            return null;
        });
        byte[] seen = storage.read(tx -> {
            Thread writer = Thread.ofPlatform()
                    .start(() -> storage.write(w -> {
                        w.put("t", s("k"), s("new"));
                        return null;
                    }));
            try {
                writer.join();
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
            return tx.get("t", s("k"));
        });
        assertArrayEquals(s("old"), seen);
        assertArrayEquals(s("new"), storage.read(tx -> tx.get("t", s("k"))));
    }

    @Test
    void aNestedWriteOnTheSameThreadIsRejectedInsteadOfDeadlocking() {
        assertThrows(IllegalStateException.class, () -> storage.write(tx -> storage.write(inner -> null)));
    }

    @Test
    void dataSurvivesCloseAndReopen(@TempDir Path dir) {
        try (XodusStorage disk = XodusStorage.onDisk(dir, false)) {
            disk.write(tx -> {
                tx.put("t", s("k"), s("v"));
                tx.put("gone", s("k"), s("v"));
                return null;
            });
            disk.write(tx -> {
                tx.dropStore("gone");
                return null;
            });
        }
        try (XodusStorage disk = XodusStorage.onDisk(dir, true)) {
            assertArrayEquals(s("v"), disk.read(tx -> tx.get("t", s("k"))));
            assertFalse(disk.<Boolean>read(tx -> tx.storeExists("gone")));
        }
    }
}
